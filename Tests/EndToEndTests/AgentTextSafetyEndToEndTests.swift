import Foundation
import Glibc
import XCTest

/// Text from supervisors is text: control characters never reach the wall raw, nor the log.
final class AgentTextSafetyEndToEndTests: XCTestCase {
    func testControlCharactersAreRefusedInBannersAndEscapedInTheLog() throws {
        let agent = try AgentProcess(configText: "[display]\nmode = 640x360\n")
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)

        let clear = try agent.ctl(["message", "\u{1B}[2J\u{1B}[31mEVACUATE"])
        XCTAssertEqual(clear.status, 1, clear.stdout)
        XCTAssertEqual(
            clear.stderr,
            "wallboardctl: the message contains the control character U+001B; a banner is plain text, without control characters\n")
        XCTAssertTrue(try agent.ctl(["status"]).stdout.contains("banner:   none"))

        // A pasted text keeps its words: line breaks and tabs become spaces.
        let pasted = try agent.ctl(["message", "Major incident\non the M6\tuse 101"])
        XCTAssertEqual(pasted.status, 0, pasted.stderr)
        XCTAssertTrue(try agent.ctl(["status"]).stdout.contains("banner:   \"Major incident on the M6 use 101\""))

        // Whatever a request carries into the log is shown, not obeyed.
        let refused = try agent.ctl(["threshold", "set", "99\u{1B}[2J9", "longest_wait", "red=30s"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(agent.waitForLog("was refused threshold set 99\\x1b[2J9 longest_wait"), agent.log)
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: agent.logFile)))
        XCTAssertFalse(raw.contains(0x1b), "an ESC byte reached the log")
        XCTAssertFalse(raw.contains(0x00), "a NUL byte reached the log")
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
