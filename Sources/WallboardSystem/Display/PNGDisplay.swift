#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender

/// Writes each presented frame as a PNG snapshot to one file, atomically (a temporary file
/// renamed over it), so a reader never sees half a picture. For headless machines and tests.
public final class PNGDisplay: Display {
    public let path: String
    public let width: Int
    public let height: Int
    public let rotation: Rotation = .none
    /// How many frames have been written.
    public private(set) var framesWritten = 0

    public init(path: String, width: Int, height: Int) {
        self.path = path
        self.width = width
        self.height = height
    }

    public var name: String { "png \(path) \(width)x\(height)" }

    public func present(_ canvas: Canvas, damage: [Rect]) throws {
        if framesWritten > 0 && damage.allSatisfy(\.isEmpty) { return }
        try PNGDisplay.writeAtomically(PNGWriter.encode(canvas), to: path)
        framesWritten += 1
    }

    /// Writes `bytes` to `path` through a temporary file in the same directory and rename(2).
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DisplayError.systemCall(call: "open", device: temporary, errno: errno) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let code = errno
                close(fd); unlink(temporary)
                throw DisplayError.systemCall(call: "write", device: temporary, errno: code)
            }
            written += n
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw DisplayError.systemCall(call: "rename", device: path, errno: code)
        }
    }
}
