import Foundation
import Glibc
import XCTest

/// `[feed] key_file` without `key_id` on the board, `wallboard-publish send --key` without `--key-id`
/// on the publisher: both sides take the one default key id, so the signed datagrams are accepted.
final class AgentKeyDefaultEndToEndTests: XCTestCase {
    func testKeyFileAloneAcceptsWhatWallboardPublishSignsByDefault() throws {
        let group = "239.192.78.\(Int.random(in: 1...250))"
        let port = Int.random(in: 20_000...60_000)
        let keyDirectory = NSTemporaryDirectory() + "wb-key-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: keyDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: keyDirectory) }
        let keyPath = keyDirectory + "/feed.key"
        try "shared-secret-for-the-floor\n".write(toFile: keyPath, atomically: true, encoding: .utf8)
        let agent = try AgentProcess(
            configText: """
                [feed]
                group = \(group)
                port = \(port)
                interface = lo
                key_file = \(keyPath)

                [display]
                mode = 640x360
                """, simulate: false)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        var status = try agent.waitForStatus(containing: ", joined")
        XCTAssertTrue(status.contains(", joined"), status)

        let send = try Executable.run(
            "wallboard-publish",
            ["send", "--key", keyPath, "--publisher", "acd-signed", "--group", group, "--port", "\(port)",
             "--interface", "lo", "--ttl", "0"],
            stdin: "Q id=999 name=999%20Emergency waiting=3 oldest=12\n\nQ id=999 name=999%20Emergency waiting=4 oldest=13\n\n")
        XCTAssertEqual(send.status, 0, send.stderr)

        status = try agent.waitForStatus(containing: "acd-signed")
        XCTAssertTrue(status.contains("* acd-signed: last seen"), status)
        XCTAssertTrue(status.contains("2 accepted"), status)
        XCTAssertFalse(status.contains("unknown key id"), status)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
