/// A file operation that failed, naming the file and the system's reason.
public enum FileError: Error, Equatable, CustomStringConvertible {
    case system(operation: String, path: String, errno: Errno)
    case notUTF8(path: String)

    public var description: String {
        switch self {
        case .system(let operation, let path, let errno):
            return "cannot \(operation) \(path): \(errno)"
        case .notUTF8(let path):
            return "\(path) is not UTF-8 text"
        }
    }
}

extension Errno {
    /// This failure as a `FileError` naming the operation and the file.
    func file(_ operation: String, _ path: String) -> FileError { .system(operation: operation, path: path, errno: self) }
}
