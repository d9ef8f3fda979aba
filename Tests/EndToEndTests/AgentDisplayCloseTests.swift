import Foundation
import Glibc
import XCTest

/// Every way out of the agent gives the screen back through `Display.close()` (exit() runs no
/// deinit). The DRM and fbdev backends are checked on a real kernel (QEMUDisplayTests: the VT is
/// back in text mode after SIGTERM); here the two backends a plain machine has.
final class AgentDisplayCloseTests: XCTestCase {
    /// A stopped board's last PNG is not the floor as it is now: close() removes it.
    func testSIGTERMAndSIGINTRemoveThePNGSnapshot() throws {
        for signal in [SIGTERM, SIGINT] {
            let agent = try AgentProcess()
            XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), "no READY=1; log:\n\(agent.log)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: agent.png), "the board was drawn")
            agent.signal(signal)
            XCTAssertEqual(agent.waitForExit(), 0, agent.log)
            XCTAssertFalse(FileManager.default.fileExists(atPath: agent.png), "signal \(signal): the stale snapshot is still there")
        }
    }

    /// The terminal preview leaves the alternate screen and shows the cursor again on SIGTERM.
    func testSIGTERMOnTheTerminalGivesTheScreenBack() throws {
        let master = Pseudoterminal.posix_openpt(O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(master, 0)
        defer { close(master) }
        XCTAssertEqual(Pseudoterminal.grantpt(master), 0)
        XCTAssertEqual(Pseudoterminal.unlockpt(master), 0)
        let slavePath = String(cString: try XCTUnwrap(Pseudoterminal.ptsname(master)))
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(slave, 0)

        let directory = "/tmp/wbt-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = Executable.url("wallboard")
        process.arguments = ["--simulate", "--display", "terminal", "--socket", directory + "/control"]
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

        var seen: [UInt8] = []
        func readUntil(_ text: String, timeout: Double) -> Bool {
            let wanted = Array(text.utf8)
            let deadline = Date().addingTimeInterval(timeout)
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while Date() < deadline {
                if seen.count >= wanted.count, (0...(seen.count - wanted.count)).contains(where: { seen[$0..<($0 + wanted.count)].elementsEqual(wanted) }) {
                    return true
                }
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0 else { continue }
                let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if n > 0 { seen += chunk[0..<n] }
            }
            return false
        }
        XCTAssertTrue(readUntil("\u{1B}[?1049h", timeout: 60), "the board never took the alternate screen")
        XCTAssertTrue(readUntil("\u{1B}[48;2;", timeout: 20), "no picture drawn")
        seen = []
        kill(process.processIdentifier, SIGTERM)
        XCTAssertTrue(readUntil("\u{1B}[?25h\u{1B}[?1049l", timeout: 20), "SIGTERM left the terminal in the alternate screen")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}

/// glibc's pseudo-terminal calls, which Swift's Glibc module hides behind _XOPEN_SOURCE: looked up at run time.
enum Pseudoterminal {
    private static func function<F>(_ name: String, as type: F.Type) -> F {
        unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)!, to: type)
    }
    static let posix_openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}
