#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender

/// Writes each presented frame as a PNG snapshot to one file, atomically (`AtomicFile`: a reader
/// never sees half a picture, a power cut leaves the old one whole). For headless machines and tests.
/// `close()` removes the file: a stopped board's last picture is not the floor as it is now.
/// With a rotation the file shows what a panel mounted that way would: `width`×`height` is the
/// logical (rotated) canvas the painter draws, the file the physical picture.
public final class PNGDisplay: Display {
    public let path: String
    public let width: Int
    public let height: Int
    public let rotation: Rotation
    /// How many frames have been written.
    public private(set) var framesWritten = 0
    private var closed = false

    /// `width`×`height` is the physical picture (the panel the file stands in for).
    public init(path: String, width: Int, height: Int, rotation: Rotation = .none) {
        self.path = path
        self.rotation = rotation
        (self.width, self.height) = rotation.logicalSize(width: width, height: height)
    }

    public var name: String { "png \(path) \(width)x\(height)" + (rotation == .none ? "" : " rotated \(rotation.rawValue)°") }
    /// Encoding a whole frame costs ~100 ms: once a second is what a reader of the file can use.
    public var maximumFrameRate: Double { 1 }

    public func present(_ canvas: Canvas, damage: [Rect]) throws {
        if closed || (framesWritten > 0 && damage.allSatisfy(\.isEmpty)) { return }
        try AtomicFile.write(PNGWriter.encode(canvas.physical(rotation)), to: path)
        framesWritten += 1
    }

    public func close() {
        guard !closed else { return }
        closed = true
        if framesWritten > 0 { unlink(path) }
    }
}
