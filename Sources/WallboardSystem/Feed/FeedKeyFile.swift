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
            case .unreadable(let path, let code): "key file \(path): \(String(cString: strerror(code)))"
            case .empty(let path): "key file \(path): no key in it (empty or only whitespace)"
            }
        }
    }

    public static func load(path: String, id: String) throws -> FeedKey {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LoadError.unreadable(path: path, errno: errno) }
        defer { close(fd) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while contents.count < 1 << 20 {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LoadError.unreadable(path: path, errno: errno)
            }
            if n == 0 { break }
            contents += chunk[0..<n]
        }
        guard let key = FeedKey(id: id, keyFileContents: contents) else { throw LoadError.empty(path: path) }
        return key
    }
}
