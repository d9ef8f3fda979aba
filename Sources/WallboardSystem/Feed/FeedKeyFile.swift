#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// Reads a feed signing key from a file (PROTOCOL.md: the file's bytes, trailing whitespace removed).
public enum FeedKeyFile {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String, errno: Int32)
        case empty(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let code): "key file \(path): \(Errno(code))"
            case .empty(let path): "key file \(path): no key in it (empty or only whitespace)"
            }
        }
    }

    public static func load(path: String, id: String) throws -> FeedKey {
        let contents: [UInt8]
        do { contents = try TextFile.readBytes(path) } catch {
            guard case .system(_, _, let errno) = error else { throw LoadError.empty(path: path) }  // readBytes checks no encoding
            throw LoadError.unreadable(path: path, errno: errno.code)
        }
        guard let key = FeedKey(id: id, keyFileContents: contents) else { throw LoadError.empty(path: path) }
        return key
    }
}
