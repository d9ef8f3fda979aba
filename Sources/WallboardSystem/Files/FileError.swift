#if canImport(Glibc)
import Glibc
#endif

/// A file operation that failed, naming the file and the system's reason.
public enum FileError: Error, Equatable, CustomStringConvertible {
    case system(operation: String, path: String, errno: Int32)
    case notUTF8(path: String)

    public var description: String {
        switch self {
        case .system(let operation, let path, let code):
            return "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        case .notUTF8(let path):
            return "\(path) is not UTF-8 text"
        }
    }
}
