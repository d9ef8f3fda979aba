import Foundation
import Glibc
import XCTest

/// `[feed] key_file` without `key_id` on the board, `wallboard-publish send --key` without `--key-id`
/// on the publisher: both sides take the one default key id, so the signed datagrams are accepted.
final class AgentKeyDefaultEndToEndTests: XCTestCase {
    func testKeyFileAloneAcceptsWhatWallboardPublishSignsByDefault() throws {
        let feed = try LoopbackFeed()
        let keyPath = try feed.keyFile("feed.key", secret: "shared-secret-for-the-floor")
        let agent = try feed.startAgent(["key_file = \(keyPath)"])

        let send = try feed.publish(
            ["--key", keyPath, "--publisher", "acd-signed"],
            stdin: "Q id=999 name=999%20Emergency waiting=3 oldest=12\n\nQ id=999 name=999%20Emergency waiting=4 oldest=13\n\n")
        XCTAssertEqual(send.status, 0, send.stderr)

        let status = try agent.waitForStatus(containing: "acd-signed")
        XCTAssertTrue(status.contains("* acd-signed: last seen"), status)
        XCTAssertTrue(status.contains("2 accepted"), status)
        XCTAssertFalse(status.contains("unknown key id"), status)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
