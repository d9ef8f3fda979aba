import XCTest
@testable import WallboardCore

final class SceneBuilderTests: XCTestCase {
    let clock = WallTime(secondsOfDay: 14 * 3600 + 2 * 60 + 33)

    func message(_ queues: [QueueReport], staff: [StaffReport] = [], sequence: UInt64 = 1) -> FeedMessage {
        FeedMessage(publisher: "acd-a", session: 1, sequence: sequence, sentAtMilliseconds: 0, interval: 2, floor: "NORTH", queues: queues, staff: staff)
    }

    func scene(_ board: BoardState, config: WallboardConfig = WallboardConfig(), at now: Double, banner: String? = nil) -> Scene {
        var evaluator = AlarmEvaluator()
        let alarms = evaluator.evaluate(board: board, config: config, at: now)
        return SceneBuilder(config: config).build(
            board: board, alarms: alarms, now: now, wallTime: clock, banner: banner, feed: FeedHealth(missing: 2))
    }

    func testALiveQueueTileIsFullyFormatted() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(
            id: "999", name: "Emergency", waiting: 4, longestWait: 38, offered: 200, answered: 180, abandoned: 5,
            answeredWithinTarget: 183, targetSeconds: 10, averageSpeedOfAnswer: 7.9, period: "since 00:00",
            extras: [ExtraFigure(name: "silent_calls", value: 2)])],
            staff: [StaffReport(available: 3, onCall: 14, wrapUp: 2, onBreak: 4)]), at: 100)
        var pulsing = WallboardConfig()
        pulsing.display.redPulse = true
        let s = scene(board, config: pulsing, at: 104.5, banner: "Major incident: M6 J10")
        XCTAssertEqual(s.header, HeaderScene(title: "NORTH", clock: "14:02:33"))
        XCTAssertEqual(s.banner, "Major incident: M6 J10")
        let tile = try XCTUnwrap(s.tiles.first)
        XCTAssertEqual(tile.title, "Emergency")
        XCTAssertEqual(tile.waiting, "4")
        XCTAssertEqual(tile.longestWait, "0:42", "38 s at send + 4.5 s since arrival, ticking")
        XCTAssertEqual(tile.level, .red)
        XCTAssertEqual(tile.reason, "LONGEST WAIT 0:42 > 0:20")
        XCTAssertNil(tile.stale)
        XCTAssertEqual(tile.figures, [
            FigureScene(label: "SL 10s", value: "91%", level: .amber),
            FigureScene(label: "ABAND", value: "2.5%", level: .amber),
            FigureScene(label: "ASA", value: "0:07", level: .amber),
            FigureScene(label: "SILENT CALLS", value: "2"),
        ])
        XCTAssertEqual(tile.sparkline.count, 60)
        XCTAssertEqual(tile.sparkline.last, 4)
        XCTAssertEqual(s.staff, StaffScene(available: 3, onCall: 14, wrapUp: 2, onBreak: 4, other: 0))
        XCTAssertEqual(s.footer, FooterScene(feed: "FEED OK · last 0:04 ago · acd-a · missing 2 · counters since 00:00"))
        XCTAssertNil(s.feedLost)
        XCTAssertGreaterThan(s.pulse, 0, "red tile and red_pulse on")
    }

    func testUnknownFiguresAreDashesNeverZero() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "web", name: "Web chat", waiting: 0, longestWait: 0, offered: 0, answered: 0, abandoned: 0, answeredWithinTarget: 0)]), at: 0)
        let tile = try XCTUnwrap(scene(board, at: 1).tiles.first)
        XCTAssertEqual(tile.waiting, "0")
        XCTAssertEqual(tile.longestWait, "0:00")
        XCTAssertEqual(tile.figures.map(\.value), ["–", "–", "–"])
        XCTAssertEqual(tile.figures.first?.label, "SL", "no target known")
        XCTAssertEqual(tile.level, .normal)
        XCTAssertNil(tile.reason)
    }

    func testStaleQueueSaysNoDataAndLosesItsAlarmColour() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([
            QueueReport(id: "999", name: "999", waiting: 9, longestWait: 50),
            QueueReport(id: "101", name: "101", waiting: 1, longestWait: 3),
        ]), at: 0)
        board.apply(message([QueueReport(id: "101", name: "101", waiting: 1, longestWait: 3)], sequence: 2), at: 40)
        let s = scene(board, at: 45)
        let tile = try XCTUnwrap(s.tiles.first { $0.id == "999" })
        XCTAssertEqual(tile.stale, "NO DATA 0:45")
        XCTAssertEqual(tile.level, .normal)
        XCTAssertNil(tile.reason)
        XCTAssertEqual(tile.longestWait, "0:56", "frozen where it stood when it went stale (0:50 + 6 s), not ticking")
        XCTAssertNil(s.tiles.first { $0.id == "101" }?.stale)
        XCTAssertEqual(s.footer.feed, "FEED PARTIAL · last 0:05 ago · no data: 999 · acd-a · missing 2")
        XCTAssertTrue(s.footer.warning)
        XCTAssertNil(s.feedLost)
    }

    func testFeedLostSceneAndRecovery() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message(
            [QueueReport(id: "999", name: "999", waiting: 2, longestWait: 5)],
            staff: [StaffReport(available: 3, onCall: 1, wrapUp: 0, onBreak: 0)]), at: 10)
        let lost = scene(board, at: 145)
        XCTAssertEqual(lost.feedLost, FeedLostScene(detail: "NO DATA FOR 2:15", hint: "Last publisher acd-a · figures below are NOT current"))
        XCTAssertEqual(lost.tiles.first?.stale, "NO DATA 2:15")
        XCTAssertNil(lost.staff, "staff counts withdrawn while the feed is lost")
        XCTAssertEqual(lost.footer, FooterScene(feed: "FEED LOST · last 2:15 ago · acd-a · missing 2", warning: true))
        XCTAssertEqual(lost.pulse, 0)

        board.apply(message([QueueReport(id: "999", name: "999", waiting: 1, longestWait: 1)], sequence: 2), at: 146)
        let back = scene(board, at: 146)
        XCTAssertNil(back.feedLost)
        XCTAssertNil(back.tiles.first?.stale)
    }

    func testNothingEverReceived() throws {
        var config = WallboardConfig()
        config.board.queues = ["999", "101"]
        let board = BoardState(startedAt: 0)
        let waiting = scene(board, config: config, at: 5)
        XCTAssertNil(waiting.feedLost)
        XCTAssertEqual(waiting.tiles.map(\.stale), ["NO DATA", "NO DATA"])
        XCTAssertEqual(waiting.tiles.map(\.waiting), ["–", "–"])
        XCTAssertEqual(waiting.header.title, "CONTROL ROOM")
        XCTAssertTrue(waiting.footer.feed.hasPrefix("WAITING FOR FEED 0:05"))
        let lost = scene(board, config: config, at: 31)
        XCTAssertEqual(lost.feedLost?.detail, "NO DATA SINCE START 0:31")
        XCTAssertEqual(lost.feedLost?.hint, "Nothing received on 239.192.0.99:5099 · check the publisher and the network")
    }

    func testConfigDrivesTitlesOrderAndTileCap() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message((1...14).map { QueueReport(id: "q\($0)", name: "Queue \($0)", waiting: 0, longestWait: 0) }), at: 0)
        let config = try WallboardConfig(parsing: """
            [board]
            title = ROOM 2
            [queue "q9"]
            label = NINE
            order = 1
            """)
        let s = scene(board, config: config, at: 1)
        XCTAssertEqual(s.header.title, "ROOM 2")
        XCTAssertEqual(s.tiles.count, 14, "every queue has a tile: none is dropped")
        XCTAssertEqual(s.currentPage().tiles.count, 7, "two pages of seven")
        XCTAssertEqual(s.tiles.first?.title, "NINE")
        XCTAssertEqual(Array(s.tiles.map(\.id).prefix(3)), ["q9", "q1", "q2"])
    }

    func testPulseIsOffWithoutRedOrWhenDisabled() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([QueueReport(id: "999", name: "999", waiting: 1, longestWait: 60)]), at: 0)
        var config = WallboardConfig()
        XCTAssertEqual(scene(board, config: config, at: 0.5).pulse, 0, "off by default")
        config.display.redPulse = true
        XCTAssertEqual(scene(board, config: config, at: 0.5).pulse, 0.25)
        config.display.redPulse = false
        XCTAssertEqual(scene(board, config: config, at: 0.5).pulse, 0)
    }
}

final class BoardEngineTests: XCTestCase {
    func testReceiveReconfigureAndBuildInOnePlace() throws {
        var engine = BoardEngine(startedAt: 0)
        engine.receive(bytes: try FeedEncoder().encode(FeedMessage(
            publisher: "a", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2,
            queues: [QueueReport(id: "101", name: "101", waiting: 6, longestWait: 25)])), from: "test", now: 0)
        XCTAssertEqual(engine.scene(now: 1, wallTime: WallTime(secondsOfDay: 0)).tiles.first?.level, .normal,
                       "0:26 is within the 101 default (amber past 0:30)")
        XCTAssertEqual(engine.scene(now: 6, wallTime: WallTime(secondsOfDay: 0)).tiles.first?.reason, "LONGEST WAIT 0:31 > 0:30")
        engine.apply(config: try WallboardConfig(parsing: "[queue \"101\"]\nwaiting.red = 5\n[feed]\nlost_after = 6s\n"))
        let scene = engine.scene(now: 6, wallTime: WallTime(secondsOfDay: 0))
        XCTAssertEqual(scene.tiles.first?.reason, "WAITING 6 > 5")
        XCTAssertEqual(engine.alarms.queue("101").level, .red)
        XCTAssertNotNil(engine.scene(now: 6.5, wallTime: WallTime(secondsOfDay: 0)).feedLost, "new lost_after applies at once")
    }
}

final class SceneBuilderFooterTests: XCTestCase {
    func testFooterCarriesFeedCountersOnlyWhenThereIsSomethingToSay() {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(publisher: "acd-b", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2,
                                queues: [QueueReport(id: "999", name: "999", waiting: 0, longestWait: 0)]), at: 0)
        let builder = SceneBuilder(config: WallboardConfig())
        let quiet = builder.footer(board: board, ids: ["999"], now: 1, feed: FeedHealth(FeedCounters(), activePublisher: "acd-b"))
        XCTAssertEqual(quiet, FooterScene(feed: "FEED OK · last 0:01 ago · acd-b"))
        var counters = FeedCounters()
        counters[.badSignature] += 2
        counters.failovers = 1
        let noisy = builder.footer(board: board, ids: ["999"], now: 1, feed: FeedHealth(counters, activePublisher: "acd-b"))
        XCTAssertEqual(noisy.feed, "FEED OK · last 0:01 ago · acd-b · rejected 2 · failovers 1")
    }
}
