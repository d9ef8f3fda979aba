#if canImport(Glibc)
import Glibc
#endif
import WallboardSystem

/// The manager secret, read from its own file: the file's text without its trailing newline. A
/// file everyone may read is refused: the secret would be no secret.
enum AsteriskSecretFile {
    static func load(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw PublishError("--secret-file \(path): \(Errno.current)") }
        guard info.st_mode & S_IROTH == 0 else {
            throw PublishError(
                "--secret-file \(path): readable by everyone (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "make it private first: chmod o-r \(path)")
        }
        var bytes: [UInt8]
        do { bytes = try TextFile.readBytes(path, limit: 4096) } catch { throw PublishError("--secret-file: \(error)") }
        while bytes.last == 10 || bytes.last == 13 { bytes.removeLast() }
        guard !bytes.isEmpty, let secret = String(validating: bytes, as: UTF8.self),
            !secret.unicodeScalars.contains(where: { $0.value < 32 })
        else {
            throw PublishError("--secret-file \(path): no secret in it (one line of text is expected)")
        }
        return secret
    }
}
