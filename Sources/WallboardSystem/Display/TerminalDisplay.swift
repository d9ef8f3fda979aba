#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender

/// A live truecolor preview in the terminal (for newcomers, and over SSH): the canvas is drawn
/// at a normal wall size and downscaled into the terminal with `HalfBlockEncoder`.
/// Uses the alternate screen and hides the cursor; `close()` (or deinit) puts both back.
public final class TerminalDisplay: Display {
    public let width: Int
    public let height: Int
    public let rotation: Rotation
    private let terminal: FileDescriptor
    private var started = false
    private var closed = false

    /// `fd` is the terminal to draw on (stdout by default); `width`×`height` the physical picture,
    /// shown turned by `rotation` as a panel mounted that way would show it.
    public init(width: Int = 1280, height: Int = 720, fd: Int32 = 1, rotation: Rotation = .none) {
        self.rotation = rotation
        (self.width, self.height) = rotation.logicalSize(width: width, height: height)
        terminal = FileDescriptor(rawValue: fd)
    }

    deinit { close() }

    public var name: String { "terminal \(width)x\(height) (truecolor half-block preview)" }
    /// Each frame re-encodes the whole picture as text: four a second is plenty to watch.
    public var maximumFrameRate: Double { 4 }
    public var drawsOnTerminal: Bool { true }

    /// The terminal's size in cells (TIOCGWINSZ), 80×24 if it will not say.
    public static func terminalSize(fd: Int32) -> (columns: Int, rows: Int) {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 && size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        return (80, 24)
    }

    public func present(_ canvas: Canvas, damage: [Rect]) throws {
        if closed || (started && damage.allSatisfy(\.isEmpty)) { return }
        if !started {
            try emit(Array("\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J".utf8))  // alternate screen, hide cursor
            started = true
        }
        let size = TerminalDisplay.terminalSize(fd: terminal.rawValue)
        // Leave the last line free so a shell prompt or a log line does not scroll the picture.
        try emit(HalfBlockEncoder.encode(canvas.physical(rotation), columns: size.columns, rows: max(1, size.rows - 1)))
    }

    /// Leaves the alternate screen and shows the cursor again.
    public func close() {
        closed = true
        guard started else { return }
        started = false
        try? emit(Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8))
    }

    private func emit(_ bytes: [UInt8]) throws(DisplayError) {
        do { try terminal.writeAll(bytes) } catch { throw error.display("write", "terminal") }
    }
}
