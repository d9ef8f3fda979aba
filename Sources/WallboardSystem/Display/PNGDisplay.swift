#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender

/// Writes each presented frame as a PNG snapshot to one file, atomically (`AtomicFile`: a reader
/// never sees half a picture, a power cut leaves the old one whole). For headless machines and tests.
/// `close()` removes the file: a stopped board's last picture is not the floor as it is now.
public final class PNGDisplay: Display {
    public let path: String
    public let width: Int
    public let height: Int
    public let rotation: Rotation = .none
    /// How many frames have been written.
    public private(set) var framesWritten = 0
    private var closed = false

    public init(path: String, width: Int, height: Int) {
        self.path = path
        self.width = width
        self.height = height
    }

    public var name: String { "png \(path) \(width)x\(height)" }
    /// Encoding a whole frame costs ~100 ms: once a second is what a reader of the file can use.
    public var maximumFrameRate: Double { 1 }

    public func present(_ canvas: Canvas, damage: [Rect]) throws {
        if closed || (framesWritten > 0 && damage.allSatisfy(\.isEmpty)) { return }
        try AtomicFile.write(PNGWriter.encode(canvas), to: path)
        framesWritten += 1
    }

    public func close() {
        guard !closed else { return }
        closed = true
        if framesWritten > 0 { unlink(path) }
    }
}
