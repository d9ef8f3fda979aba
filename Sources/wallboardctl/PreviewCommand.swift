#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import WallboardSystem

/// `wallboardctl preview [--once]`: the live board in this terminal, refreshed twice a second, drawn
/// with the display engineer's half-block encoder. The agent scales the frame down to the terminal
/// first, so a preview over SSH costs a few kilobytes per refresh, not megabytes.
enum PreviewCommand {
    static func run(_ arguments: inout Arguments, socket: String) throws -> Int32 {
        let once = arguments.flag("--once")
        try arguments.finish()
        let client = try ControlClient(path: socket)
        if !once {
            // Ctrl-C: put the terminal back (alternate screen, cursor) and leave. Only
            // async-signal-safe calls in here.
            signal(SIGINT) { _ in
                let restore: [UInt8] = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)
                _ = restore.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
                _exit(0)
            }
            emit("\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J")
        }
        repeat {
            let size = TerminalDisplay.terminalSize(fd: 1)
            let rows = max(1, size.rows - 1)
            let response = try client.send(ControlRequest(.frame, width: size.columns, height: rows * 2))
            guard response.ok else { throw Ask.Refused(description: response.error ?? "no frame") }
            guard let encoded = response.pixels, let data = Data(base64Encoded: encoded),
                let width = response.width, let height = response.height, width > 0, height > 0,
                data.count == width * height * 4
            else { throw Ask.Refused(description: "the agent sent a frame that could not be read") }
            let pixels = data.withUnsafeBytes { raw in Array(raw.bindMemory(to: UInt32.self)) }
            let picture = HalfBlockEncoder.encode(width: width, height: height, columns: width, rows: (height + 1) / 2) {
                x, y in UInt32(littleEndian: pixels[y * width + x])
            }
            emit(picture)
            if once { emit("\n") } else { usleep(500_000) }
        } while !once
        return 0
    }

    private static func emit(_ text: String) { emit(Array(text.utf8)) }

    private static func emit(_ bytes: [UInt8]) {
        do { try FileDescriptor.standardOutput.writeAll(bytes) } catch { exit(1) }  // the terminal went away
    }
}
