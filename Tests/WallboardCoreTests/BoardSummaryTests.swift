import XCTest
@testable import WallboardCore

/// The words status, metrics and alerts use for the feed and each tile: the same as the wall.
final class BoardSummaryTests: XCTestCase {
    func message(_ ids: [String], waiting: Int = 2, oldest: Double = 5, sequence: UInt64 = 1) -> FeedMessage {
        FeedMessage(
            publisher: "acd-a", session: 1, sequence: sequence, sentAtMilliseconds: 0, interval: 2, floor: "NORTH",
            queues: ids.map { QueueReport(id: $0, name: $0, waiting: waiting, longestWait: oldest) }, staff: [])
    }

    func model() -> BoardEngine {
        var config = WallboardConfig()
        config.board.queues = ["999", "101"]
        return BoardEngine(config: config, startedAt: 0)
    }

    func summary(_ model: inout BoardEngine, at now: Double) -> BoardSummary {
        _ = model.scene(now: now, wallTime: WallTime(secondsOfDay: 0))
        return model.summary(now: now)
    }

    func testNothingYetIsStaleThenLost() {
        var m = model()
        let start = summary(&m, at: 1)
        XCTAssertEqual(start.feed, .stale, "no datagram yet: nothing current, not yet FEED LOST")
        XCTAssertNil(start.lastDatagramSecondsAgo)
        XCTAssertNil(start.publisher)
        XCTAssertEqual(start.queues.map(\.state), [.stale, .stale])
        XCTAssertEqual(summary(&m, at: 31).feed, .lost, "past lost_after (30 s)")
    }

    func testOkPartialAndLostFollowTheQueues() {
        var m = model()
        m.apply(message(["999", "101"]), at: 10)
        let ok = summary(&m, at: 11)
        XCTAssertEqual(ok.feed, .ok)
        XCTAssertEqual(ok.publisher, "acd-a")
        XCTAssertEqual(ok.lastDatagramSecondsAgo, 1)
        XCTAssertEqual(ok.queues, [
            BoardSummary.Queue(id: "999", state: .ok, waiting: 2, longestWaitSeconds: 6),
            BoardSummary.Queue(id: "101", state: .ok, waiting: 2, longestWaitSeconds: 6),
        ])
        // Only 999 keeps reporting: 101 goes stale after 3 × the 2 s interval.
        m.apply(message(["999"], sequence: 2), at: 16)
        let partial = summary(&m, at: 17)
        XCTAssertEqual(partial.feed, .partial)
        XCTAssertEqual(partial.queues.map(\.state), [.ok, .stale])
        XCTAssertNil(partial.queues[1].waiting, "a stale figure is never reported as current")
        XCTAssertEqual(summary(&m, at: 47).feed, .lost)
        XCTAssertEqual(summary(&m, at: 47).queues.map(\.state), [.stale, .stale])
    }

    func testAlarmWordsAndReason() {
        var m = model()
        m.apply(message(["999", "101"], waiting: 1, oldest: 15), at: 0)
        let s = summary(&m, at: 0)
        XCTAssertEqual(s.queues[0].state, .warning, "999: longest wait 0:15 > amber 0:10")
        XCTAssertEqual(s.queues[0].reason, "LONGEST WAIT 0:15 > 0:10")
        XCTAssertEqual(s.queues[1].state, .ok)
        m.apply(message(["999", "101"], waiting: 1, oldest: 25, sequence: 2), at: 1)
        XCTAssertEqual(summary(&m, at: 1).queues[0].state, .breach)
    }

    /// The handler grid in figures: counts per state (stale ones apart), and the longest on break
    /// or not ready with the `[staff] not_ready` level its cell shows.
    func testHandlersCountedByStateWithTheLongestNotReady() throws {
        var config = WallboardConfig()
        config.staff.notReady.amber = 600
        config.staff.notReady.red = 1200
        var m = BoardEngine(config: config, startedAt: 0)
        XCTAssertNil(summary(&m, at: 0).handlers, "no A records: no handlers section")
        func send(_ handlers: [HandlerReport], seq: UInt64, at now: Double) {
            m.apply(FeedMessage(publisher: "acd-a", session: 1, sequence: seq, sentAtMilliseconds: 0, interval: 2, handlers: handlers), at: now)
        }
        send([
            HandlerReport(id: "1", name: "Ann", state: .onBreak, reason: "Lunch", since: 700),
            HandlerReport(id: "2", name: "Bob", state: .notReady, since: 100),
            HandlerReport(id: "3", name: "Cy", state: .onCall, since: 5),
            HandlerReport(id: "4", name: "Di", state: .other("training")),
        ], seq: 1, at: 1)
        send([HandlerReport(id: "5", name: "Ed", state: .available, since: 1)], seq: 2, at: 20)
        let h = try XCTUnwrap(summary(&m, at: 20).handlers)
        XCTAssertEqual(h.states, ["available": 1], "the first four went stale after 3 × 2 s; Ed is current")
        XCTAssertEqual(h.stale, 4)
        XCTAssertNil(h.longestNotReady, "a stale handler's state may have changed: not reported as current")
        send([
            HandlerReport(id: "1", name: "Ann", state: .onBreak, reason: "Lunch", since: 700),
            HandlerReport(id: "2", name: "Bob", state: .notReady, since: 100),
        ], seq: 3, at: 21)
        let now = try XCTUnwrap(summary(&m, at: 22).handlers)
        XCTAssertEqual(now.states["break"], 1)
        XCTAssertEqual(now.states["notready"], 1)
        XCTAssertEqual(now.longestNotReady?.name, "Ann")
        XCTAssertEqual(now.longestNotReady?.seconds, 701)
        XCTAssertEqual(now.longestNotReady?.level, .warning, "past not_ready.amber (10 min), as her cell shows")
        XCTAssertEqual(now.alarmed, 1)
    }
}
