import Foundation
import Glibc
import XCTest

import WallboardCore
import WallboardSystem

/// The agent on the real network path: multicast on the loopback interface (TTL 0: nothing leaves
/// this host), datagrams from the feed engineer's encoder and sender.
final class AgentFeedEndToEndTests: XCTestCase {
    func testFeedHealthPerPublisherAndRateLimitedRejectionLogging() throws {
        let feed = try LoopbackFeed()
        let agent = try feed.startAgent()
        let sender = try feed.sender()
        let encoder = FeedEncoder()
        func send(_ publisher: String, _ sequence: UInt64) throws {
            let message = FeedMessage(
                publisher: publisher, session: 42, sequence: sequence, sentAtMilliseconds: 1_700_000_000_000, interval: 1,
                floor: "Loopback Floor", queues: [QueueReport(id: "999", name: "999 Emergency", waiting: 3, longestWait: 12)])
            try sender.send(try encoder.encode(message))
        }
        try send("acd-a", 1)
        try send("acd-a", 2)
        try send("acd-a", 5)  // 3 and 4 never arrive
        try send("acd-b", 1)  // standby publisher
        for _ in 0..<200 { try sender.send(Array("not a feed datagram\n".utf8)) }

        var status = ""
        for _ in 0..<100 {
            status = try agent.ctl(["status"]).stdout
            if status.contains("malformed 200") && status.contains("acd-b") { break }
            usleep(100_000)
        }
        XCTAssertTrue(status.contains("* acd-a: last seen"), status)
        XCTAssertTrue(status.contains("3 accepted, 2 missing, unsigned"), status)
        XCTAssertTrue(status.contains("    acd-b: last seen"), "standby listed, not active: \(status)")
        XCTAssertTrue(status.contains("rejected: malformed 200"), status)

        // 200 bad datagrams: one log line, not 200 (the rest are summarised once a minute).
        let dropLines = agent.log.split(separator: "\n").filter { $0.contains("feed: rejected") }
        XCTAssertEqual(dropLines.count, 1, dropLines.joined(separator: "\n"))
        XCTAssertTrue(dropLines.first?.hasPrefix("<4>feed: rejected a datagram from ") ?? false, "\(dropLines)")

        // The board shows the publisher's floor and figures.
        let thresholds = try agent.ctl(["thresholds"])
        XCTAssertTrue(thresholds.stdout.contains("999"), thresholds.stdout)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
