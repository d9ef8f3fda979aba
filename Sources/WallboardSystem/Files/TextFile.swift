#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole small text file (a config, a key) with plain POSIX calls.
public enum TextFile {
    /// The bytes of `path`. Refuses files over `limit` bytes (a config is a few kilobytes).
    public static func readBytes(_ path: String, limit: Int = 1 << 20) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError.system(operation: "open", path: path, errno: errno) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError.system(operation: "read", path: path, errno: errno)
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > limit { throw FileError.system(operation: "read (too large)", path: path, errno: EFBIG) }
        }
        return bytes
    }

    /// The UTF-8 text of `path`.
    public static func read(_ path: String) throws(FileError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FileError.notUTF8(path: path) }
        return text
    }
}
