import Foundation
import Glibc
import XCTest

import WallboardCore

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

    /// The same through a real datagram: a queue name carrying an escaped ESC (`%1B`), a C1 control
    /// as raw UTF-8, or a right-to-left override is refused as malformed — counted, logged with the
    /// reason (escaped, never obeyed), and the queue never reaches the board — while a printable
    /// name in the same test is shown.
    func testControlCharactersInFeedTextAreRefusedAsMalformed() throws {
        let feed = try LoopbackFeed()
        let agent = try feed.startAgent()
        let sender = try feed.sender()
        let header = "WB 1 pub=acd-text session=7 seq="
        let bad = [
            "Q id=evil name=EVAC%1B[2J%1B[31mUATE waiting=1 oldest=1",
            "Q id=evil name=A\u{9B}31mB waiting=1 oldest=1",
            "Q id=evil name=\u{202E}02:01 waiting=1 oldest=1",
        ]
        for (i, record) in bad.enumerated() {
            try sender.send(Array("\(header)\(i + 1) sent=0\n\(record)\n".utf8))
        }
        try sender.send(Array("\(header)4 sent=0\nQ id=999 name=999%20Emergency%20%E2%80%93%20North waiting=2 oldest=3\n".utf8))

        let status = try agent.waitForStatus(containing: "rejected: malformed 3")
        XCTAssertTrue(status.contains("rejected: malformed 3"), status)
        XCTAssertTrue(status.contains("1 accepted"), status)
        XCTAssertTrue(
            agent.waitForLog("Q: name contains the control character U+001B; text fields are printable text only"), agent.log)
        let thresholds = try agent.ctl(["thresholds"]).stdout
        XCTAssertTrue(thresholds.contains("[queue \"999\"]"), thresholds)
        XCTAssertFalse(thresholds.contains("evil"), "a refused queue reached the board: \(thresholds)")
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: agent.logFile)))
        XCTAssertFalse(raw.contains(0x1b), "an ESC byte reached the log")
        XCTAssertNil(
            raw.indices.dropLast().first { raw[$0] == 0xC2 && (0x80...0x9F).contains(raw[$0 + 1]) }, "a C1 control reached the log")
        XCTAssertFalse(String(decoding: raw, as: UTF8.self).unicodeScalars.contains { ControlCharacters.isDirectionControl($0) })
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
