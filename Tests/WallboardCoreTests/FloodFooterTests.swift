import XCTest
@testable import WallboardCore

/// Datagrams the kernel dropped under a flood are on the wall, not only in `wallboardctl status`:
/// FLOOD with the count in amber while the count grows, then "dropped n" in the footer's figures.
final class FloodFooterTests: XCTestCase {
    func testKernelDropsRaiseTheFooterWhileTheyGrowAndStayCountedAfter() throws {
        var engine = BoardEngine(config: WallboardConfig(), startedAt: 0)
        let message = FeedMessage(
            publisher: "acd-a", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 1,
            queues: [QueueReport(id: "999", name: "999", waiting: 0, longestWait: 0)])
        engine.receive(bytes: try FeedEncoder().encode(message), from: "test", now: 0)
        XCTAssertFalse(engine.countKernelDrops(total: 0, now: 1), "no drops: nothing to say")
        XCTAssertEqual(engine.scene(now: 1, wallTime: WallTime(secondsOfDay: 36_001)).footer.warning, false)

        XCTAssertTrue(engine.countKernelDrops(total: 1_234, now: 2))
        let flood = engine.scene(now: 2, wallTime: WallTime(secondsOfDay: 36_002)).footer
        XCTAssertTrue(flood.feed.contains("FLOOD: 1234 dropped (receive buffer full)"), flood.feed)
        XCTAssertTrue(flood.warning, "a flood turns the footer amber")
        XCTAssertEqual(engine.feedHealth(now: 2).dropped, 1_234)

        // The count stops growing: after lost_after the flood is over, the figure stays.
        XCTAssertFalse(engine.countKernelDrops(total: 1_234, now: 3))
        let after = engine.scene(now: 2 + engine.rejectionsRecentFor + 1, wallTime: WallTime(secondsOfDay: 36_060)).footer
        XCTAssertFalse(after.feed.contains("FLOOD"), after.feed)
        XCTAssertTrue(after.feed.contains("dropped 1234"), after.feed)
    }
}
