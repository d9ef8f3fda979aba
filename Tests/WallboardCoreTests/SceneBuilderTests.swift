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

    /// Every reason the intake can refuse a datagram for, each through the one engine: the footer
    /// turns amber and says the reason in the words `status` uses, with the count. A board with a
    /// key, a calm feed from acd-a, then one bad datagram.
    func testEveryRejectionReasonRaisesTheFooterWithItsReason() throws {
        let key = FeedKey(id: "floor-1", secret: Array("the floor's key".utf8))
        let wall = WallTime(secondsOfDay: 36_000)
        func signed(_ sequence: UInt64, key: FeedKey? = key, session: UInt64 = 7) throws -> [UInt8] {
            try FeedEncoder(key: key).encode(FeedMessage(
                publisher: "acd-a", session: session, sequence: sequence, sentAtMilliseconds: 1_000 + sequence, interval: 1,
                queues: [QueueReport(id: "999", name: "999", waiting: 2, longestWait: 4)]))
        }
        var forged = try signed(2)
        forged[forged.count - 2] = forged[forged.count - 2] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let cases: [(bad: [UInt8], reason: FeedError.Reason, says: String)] = [
            (Array("not a feed datagram\n".utf8), .malformed, "REJECTED 1: malformed, line 1: "),
            // Signed by hand (the encoder refuses the name): the text is judged, not the signature.
            (try FeedEncoder(key: key).finish(Array("WB 1 pub=acd-a session=7 seq=2 sent=0\nQ id=999 name=A%1BB waiting=1 oldest=1\n".utf8)),
             .malformed,
             "REJECTED 1: malformed, line 2: Q: name contains the control character U+001B"),
            (Array("WB 2 pub=acd-a session=7 seq=2 sent=0\n".utf8), .unknownVersion, "REJECTED 1: unknown protocol version '2'"),
            (try signed(2, key: nil), .unsigned, "REJECTED 1: unsigned datagram"),
            (try signed(2, key: FeedKey(id: "default", secret: [1])), .unknownKey, "REJECTED 1: unknown key id 'default'"),
            (forged, .badSignature, "REJECTED 1: bad signature: "),
            (try signed(1), .replay, "REJECTED 1: replay: publisher 'acd-a' session 7 seq 1 seen before or too old"),
            (Array(repeating: UInt8(ascii: "x"), count: 1500), .tooLarge, "REJECTED 1: datagram too large: 1500 bytes"),
        ]
        for (bad, reason, says) in cases {
            var engine = BoardEngine(keys: [key], startedAt: 0)
            guard case .apply = engine.receive(bytes: try signed(1), from: "a", now: 1) else { return XCTFail("\(reason)") }
            XCTAssertFalse(engine.scene(now: 1.5, wallTime: wall).footer.warning, "calm before \(reason)")
            guard case .rejected(let error) = engine.receive(bytes: bad, from: "b", now: 2) else { return XCTFail("\(reason) accepted") }
            XCTAssertEqual(error.reason, reason)
            let footer = engine.scene(now: 2.5, wallTime: wall).footer
            XCTAssertTrue(footer.warning, "\(reason): \(footer.feed)")
            XCTAssertTrue(footer.feed.hasPrefix("FEED OK · " + says), "\(reason): \(footer.feed)")
            XCTAssertEqual(engine.status(now: 2.5).datagrams.rejected, [reason.rawValue: 1], "status uses the same words")
        }
    }

    /// Losses are on the wall too: sequence numbers that never arrived are `missing N`; a standby
    /// publisher is never shown as the one the board follows, and a fail-over is counted.
    func testLossesAndTheStandbyPublisherAreOnTheWall() throws {
        let wall = WallTime(secondsOfDay: 36_000)
        func datagram(_ publisher: String, _ sequence: UInt64, waiting: Int) throws -> [UInt8] {
            try FeedEncoder().encode(FeedMessage(
                publisher: publisher, session: 7, sequence: sequence, sentAtMilliseconds: 1_000 + sequence, interval: 1,
                queues: [QueueReport(id: "999", name: "999", waiting: waiting, longestWait: 4)]))
        }
        var engine = BoardEngine(startedAt: 0)
        engine.receive(bytes: try datagram("acd-a", 1, waiting: 1), from: "a", now: 1)
        engine.receive(bytes: try datagram("acd-a", 4, waiting: 1), from: "a", now: 2)
        var footer = engine.scene(now: 2.5, wallTime: wall).footer
        XCTAssertEqual(footer.feed, "FEED OK · last 0:00 ago · acd-a · missing 2")
        XCTAssertEqual(engine.status(now: 2.5).datagrams.missing, 2, "the footer's word is status's")
        // acd-b in standby: its figures are not applied and the footer still names acd-a.
        guard case .standby = engine.receive(bytes: try datagram("acd-b", 1, waiting: 99), from: "b", now: 3) else {
            return XCTFail("acd-b should stand by while acd-a is live")
        }
        footer = engine.scene(now: 3.5, wallTime: wall).footer
        XCTAssertTrue(footer.feed.contains(" · acd-a · "), footer.feed)
        XCTAssertFalse(footer.feed.contains("acd-b"), footer.feed)
        XCTAssertEqual(engine.scene(now: 3.5, wallTime: wall).tiles.first?.waiting, "1", "the standby figures are not shown")
    }
}
