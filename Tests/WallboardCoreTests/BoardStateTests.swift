import XCTest
@testable import WallboardCore

final class BoardStateTests: XCTestCase {
    func message(_ queues: [QueueReport], staff: [StaffReport] = [], interval: Double? = 2, publisher: String = "acd-a", sequence: UInt64 = 1) -> FeedMessage {
        FeedMessage(publisher: publisher, session: 7, sequence: sequence, sentAtMilliseconds: 0, interval: interval, floor: "NORTH FLOOR", queues: queues, staff: staff)
    }

    func testLongestWaitTicksLocallyFromArrivalPlusAgeAtSend() {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "999", name: "999", waiting: 2, longestWait: 12)]), at: 100)
        XCTAssertEqual(board.figures(for: "999", at: 100)?.longestWait, 12)
        XCTAssertEqual(board.figures(for: "999", at: 103.5)?.longestWait, 15.5)
        // A new datagram replaces the value (absolute state), and ticking restarts from it.
        board.apply(message([QueueReport(id: "999", name: "999", waiting: 1, longestWait: 4)]), at: 104)
        XCTAssertEqual(board.figures(for: "999", at: 105)?.longestWait, 5)
    }

    func testNobodyWaitingMeansNoTicking() {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "101", name: "101", waiting: 0, longestWait: 0)]), at: 10)
        XCTAssertEqual(board.figures(for: "101", at: 14)?.longestWait, 0)
    }

    func testStaleDataStopsTickingAndIsMarkedStale() {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "999", name: "999", waiting: 3, longestWait: 10)], interval: 2), at: 100)
        // stale_after = 3 × the declared 2 s interval.
        XCTAssertFalse(board.isStale("999", at: 106))
        XCTAssertEqual(board.figures(for: "999", at: 106)?.longestWait, 16)
        XCTAssertTrue(board.isStale("999", at: 106.1))
        XCTAssertEqual(board.figures(for: "999", at: 120)?.longestWait, 16, "frozen where it stood when it went stale")
    }

    /// The independent publisher's case: oldest=5 sent, then silence. The tile had shown the wait
    /// ticking to 0:11 when the data went stale; it must never drop back to the 0:05 that was sent.
    func testStaleLongestWaitNeverUnderstatesWhatTheBoardLastShowed() {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "101", name: "101", waiting: 4, longestWait: 5)], interval: 2), at: 50)
        let lastLive = board.figures(for: "101", at: 56)?.longestWait ?? 0
        XCTAssertEqual(lastLive, 11)
        for later in [56.5, 60, 79, 200] {  // stale, then the whole feed lost
            XCTAssertTrue(board.isStale("101", at: later))
            XCTAssertEqual(board.figures(for: "101", at: later)?.longestWait, 11, "at \(later)")
        }
        XCTAssertEqual(board.staleSince("101", at: 200), 56)
    }

    func testFeedLostBeforeStaleAfterFreezesAtTheLoss() {
        var feed = FeedConfig()
        feed.staleAfter = 60
        feed.lostAfter = 20
        var board = BoardState(startedAt: 0, feed: feed)
        board.apply(message([QueueReport(id: "a", name: "A", waiting: 1, longestWait: 0)], interval: nil), at: 10)
        XCTAssertEqual(board.staleSince("a", at: 100), 30)
        XCTAssertEqual(board.figures(for: "a", at: 100)?.longestWait, 20)
    }

    func testStaleAfterDefaultsTo15sWithoutIntervalAndConfigWins() {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "a", name: "A", waiting: 0, longestWait: 0)], interval: nil), at: 0)
        XCTAssertFalse(board.isStale("a", at: 15))
        XCTAssertTrue(board.isStale("a", at: 15.5))
        var feed = FeedConfig()
        feed.staleAfter = 5
        var configured = BoardState(startedAt: 0, feed: feed)
        configured.apply(message([QueueReport(id: "a", name: "A", waiting: 0, longestWait: 0)], interval: 2), at: 0)
        XCTAssertTrue(configured.isStale("a", at: 5.5))
    }

    func testHeartbeatsKeepTheFeedAliveButNotTheQueues() {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "999", name: "999", waiting: 1, longestWait: 1)]), at: 0)
        for t in stride(from: 5.0, through: 60, by: 5) { board.apply(message([]), at: t) }
        XCTAssertFalse(board.isFeedLost(at: 61))
        XCTAssertTrue(board.isStale("999", at: 61))
    }

    func testFeedLostAfterSilenceAndRecoveryOnNextMessage() {
        var board = BoardState(startedAt: 0)
        XCTAssertFalse(board.isFeedLost(at: 30), "not before lost_after, even with nothing ever received")
        XCTAssertTrue(board.isFeedLost(at: 30.5), "nothing since start")
        board.apply(message([QueueReport(id: "999", name: "999", waiting: 1, longestWait: 1)]), at: 40)
        XCTAssertFalse(board.isFeedLost(at: 40))
        XCTAssertFalse(board.isFeedLost(at: 70))
        XCTAssertTrue(board.isFeedLost(at: 70.5))
        XCTAssertTrue(board.isStale("999", at: 70.5))
        XCTAssertEqual(board.silence(at: 70.5), 30.5)
        board.apply(message([QueueReport(id: "999", name: "999", waiting: 1, longestWait: 1)]), at: 80)
        XCTAssertFalse(board.isFeedLost(at: 80))
        XCTAssertFalse(board.isStale("999", at: 80))
    }

    func testDerivedFiguresAndTheirDefinitions() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(
            id: "999", name: "999", waiting: 0, longestWait: 0, offered: 100, answered: 88, abandoned: 10,
            answeredWithinTarget: 81, targetSeconds: 10, averageSpeedOfAnswer: 6.5, period: "since 00:00")]), at: 0)
        let f = try XCTUnwrap(board.figures(for: "999", at: 1))
        XCTAssertEqual(f.serviceLevel, 81, "81 ÷ 100 offered: abandons count against")
        XCTAssertEqual(f.abandonmentRate, 10, "10 ÷ 100 offered")
        XCTAssertEqual(f.averageSpeedOfAnswer, 6.5)
        XCTAssertEqual(f.period, "since 00:00")
    }

    func testZeroDenominatorsAndMissingValuesAreUnknownNotZero() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([
            QueueReport(id: "quiet", name: "Q", waiting: 0, longestWait: 0, offered: 0, answered: 0, abandoned: 0,
                        answeredWithinTarget: 0, averageSpeedOfAnswer: 0),
            QueueReport(id: "bare", name: "B", waiting: 2, longestWait: 3),
        ]), at: 0)
        let quiet = try XCTUnwrap(board.figures(for: "quiet", at: 0))
        XCTAssertNil(quiet.serviceLevel, "0 ÷ 0 is not 100%")
        XCTAssertNil(quiet.abandonmentRate, "0 ÷ 0 is not 0%")
        XCTAssertNil(quiet.averageSpeedOfAnswer, "no answered calls: nothing to average")
        let bare = try XCTUnwrap(board.figures(for: "bare", at: 0))
        XCTAssertNil(bare.serviceLevel)
        XCTAssertNil(bare.abandonmentRate)
        XCTAssertNil(bare.averageSpeedOfAnswer)
        XCTAssertNil(board.figures(for: "never", at: 0))
    }

    func testNonsenseFromTheNetworkIsNeutralised() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(
            id: "x", name: "X", waiting: -4, longestWait: .nan, offered: -3, answered: Int.max, abandoned: 5,
            answeredWithinTarget: -1, averageSpeedOfAnswer: -.infinity, extras: [ExtraFigure(name: "e", value: .infinity)])]), at: 0)
        let f = try XCTUnwrap(board.figures(for: "x", at: 5))
        XCTAssertEqual(f.waiting, 0)
        XCTAssertEqual(f.longestWait, 0)
        XCTAssertNil(f.serviceLevel)
        XCTAssertNil(f.abandonmentRate, "a negative offered count is unknown, not a divisor")
        XCTAssertNil(f.averageSpeedOfAnswer)
        XCTAssertTrue(f.extras.isEmpty)
    }

    func testHistoryKeepsOnePointAMinuteForAnHour() {
        var board = BoardState(startedAt: 0)
        // Minute 0: waiting 3 then 5 (the minute keeps the highest); minute 2: 1; minute 1 has no data.
        board.apply(message([QueueReport(id: "q", name: "Q", waiting: 3, longestWait: 10)]), at: 5)
        board.apply(message([QueueReport(id: "q", name: "Q", waiting: 5, longestWait: 20)]), at: 50)
        board.apply(message([QueueReport(id: "q", name: "Q", waiting: 1, longestWait: 2)]), at: 125)
        let history = board.queues["q"]!.history
        let waiting = history.waiting(at: 130)
        XCTAssertEqual(waiting.count, 60)
        XCTAssertEqual(Array(waiting.suffix(3)), [5, nil, 1])
        XCTAssertTrue(waiting.dropLast(3).allSatisfy { $0 == nil })
        XCTAssertEqual(Array(history.longestWait(at: 130).suffix(3)), [20, nil, 2])
        // An hour later minute 0 has fallen off the left edge; minute 2 is the oldest point.
        let later = history.waiting(at: 125 + 59 * 60)
        XCTAssertEqual(later.first, 1)
        XCTAssertEqual(later.compactMap { $0 }, [1])
        XCTAssertTrue(history.waiting(at: 125 + 60 * 60).allSatisfy { $0 == nil })
    }

    func testFloorAndQueueStaff() {
        var board = BoardState(startedAt: 0)
        board.apply(message(
            [QueueReport(id: "999", name: "999", waiting: 1, longestWait: 1)],
            staff: [StaffReport(available: 4, onCall: 10, wrapUp: 2, onBreak: 3), StaffReport(scope: "999", available: 2, onCall: 6, wrapUp: 1, onBreak: 0)]), at: 0)
        XCTAssertEqual(board.currentFloorStaff(at: 1)?.total, 19)
        XCTAssertEqual(board.figures(for: "999", at: 1)?.availableStaff, 2)
        XCTAssertNil(board.currentFloorStaff(at: 6.5), "stale staff counts are withdrawn, not shown as current")
        XCTAssertEqual(board.floorName, "NORTH FLOOR")
    }
}

final class BoardStateConfigTests: XCTestCase {
    func testAReloadedStaleAfterAppliesToDataAlreadyHeld() {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(publisher: "a", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 5,
                                queues: [QueueReport(id: "q", name: "Q", waiting: 1, longestWait: 0)]), at: 0)
        XCTAssertFalse(board.isStale("q", at: 12), "3 × 5 s")
        var feed = FeedConfig()
        feed.staleAfter = 10
        board.feed = feed
        XCTAssertTrue(board.isStale("q", at: 12))
        XCTAssertEqual(board.staleAfter("q"), 10)
    }
}
