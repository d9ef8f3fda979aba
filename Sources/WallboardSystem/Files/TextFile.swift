#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole small file (a config, a key): the one whole-file reader.
public enum TextFile {
    /// The bytes of `path`. Refuses files over `limit` bytes (a config is a few kilobytes).
    public static func readBytes(_ path: String, limit: Int = 1 << 20) throws(FileError) -> [UInt8] {
        let fd: FileDescriptor
        do { fd = try .open(path, O_RDONLY) } catch { throw error.file("open", path) }
        return try fd.closeAfter { (fd) throws(FileError) in
            do throws(Errno) { return try fd.readAll(limit: limit) } catch {
                throw error == Errno.fileTooLarge ? error.file("read (too large)", path) : error.file("read", path)
            }
        }
    }

    /// The UTF-8 text of `path`.
    public static func read(_ path: String) throws(FileError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FileError.notUTF8(path: path) }
        return text
    }
}
