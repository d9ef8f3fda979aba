import Foundation
import Glibc
import XCTest

/// Key roll-over as PROTOCOL.md describes it, on the real agent and real multicast sockets: add the new
/// key on the board and reload, switch the publisher to it, remove the old key and reload. No datagram
/// is rejected at any step (no gap), `status` names the key the publisher signs with, and once the old
/// key is removed a datagram signed with it is refused for that reason.
final class KeyRollOverEndToEndTests: XCTestCase {
    func testAddSwitchRemoveWithoutAGap() throws {
        let feed = try LoopbackFeed()
        let oldKey = try feed.keyFile("2025.key", secret: "the secret of 2025")
        let newKey = try feed.keyFile("2026.key", secret: "the secret of 2026")
        func config(_ keys: [(String, String)]) -> String { feed.config(keys.map { "key = \($0.0) \($0.1)" }) }
        let agent = try feed.startAgent(["key = k2025 \(oldKey)"])

        func publish(key: String, id: String, waiting: Int) throws {
            let send = try feed.publish(
                ["--key", key, "--key-id", id, "--publisher", "acd-roll"], stdin: "Q id=999 name=999 waiting=\(waiting) oldest=12\n\n")
            XCTAssertEqual(send.status, 0, send.stderr)
        }
        func reload(_ keys: [(String, String)]) throws {
            try config(keys).write(toFile: agent.config, atomically: true, encoding: .utf8)
            let answer = try agent.ctl(["reload"])
            XCTAssertEqual(answer.status, 0, answer.stdout + answer.stderr)
        }

        try publish(key: oldKey, id: "k2025", waiting: 1)
        var status = try agent.waitForStatus(containing: "1 accepted")
        XCTAssertTrue(status.contains("signed with k2025"), status)

        // 1. The boards learn the new key while the publisher still signs with the old one.
        try reload([("k2025", oldKey), ("k2026", newKey)])
        status = try agent.waitForStatus(containing: "k2025, k2026")
        try publish(key: oldKey, id: "k2025", waiting: 2)
        status = try agent.waitForStatus(containing: "2 accepted")
        XCTAssertTrue(status.contains("2 accepted"), status)

        // 2. The publisher switches to the new key.
        try publish(key: newKey, id: "k2026", waiting: 3)
        status = try agent.waitForStatus(containing: "signed with k2026")
        XCTAssertTrue(status.contains("signed with k2026"), status)

        // 3. The old key leaves the boards; the publisher, already switched, goes on without a gap.
        try reload([("k2026", newKey)])
        _ = try agent.waitForStatus(containing: "keys:     k2026")
        try publish(key: newKey, id: "k2026", waiting: 4)
        status = try agent.waitForStatus(containing: "4 accepted")
        XCTAssertTrue(status.contains("4 accepted"), status)
        XCTAssertTrue(status.contains("rejected 0") && status.contains("rejected: none"),
                      "no datagram was refused during the roll-over: \(status)")
        XCTAssertFalse(status.contains("FEED LOST"), status)

        // A straggler still signing with the removed key is refused, and says why.
        try publish(key: oldKey, id: "k2025", waiting: 5)
        status = try agent.waitForStatus(containing: "unknown key id")
        XCTAssertTrue(status.contains("unknown key id"), status)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
