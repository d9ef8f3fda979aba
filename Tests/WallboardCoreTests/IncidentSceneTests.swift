import XCTest
@testable import WallboardCore

/// Incident tiles follow the queues' rules: ticking on the board's clock, target-derived or
/// configured amber/red, pinned when in breach, stale as NO DATA, words beside every colour.
final class IncidentSceneTests: XCTestCase {
    let clock = WallTime(secondsOfDay: 0)

    func message(seq: UInt64 = 1, queues: Int = 0, _ incidents: [IncidentReport]) -> FeedMessage {
        FeedMessage(
            publisher: "p", session: 1, sequence: seq, sentAtMilliseconds: 0, interval: 2,
            queues: (0..<queues).map { QueueReport(id: "q\($0)", name: "Q\($0)", waiting: 1, longestWait: 1) },
            incidents: incidents)
    }

    static let urban = IncidentReport(
        grade: "immediate", area: "urban", open: 6, unresourced: 2, oldestUnresourced: 400, targetSeconds: 900, attended: 40,
        attendedWithinTarget: 37)

    func scene(_ board: BoardState, config: WallboardConfig = WallboardConfig(), at now: Double, evaluator: inout AlarmEvaluator) -> Scene {
        SceneBuilder(config: config).build(
            board: board, alarms: evaluator.evaluate(board: board, config: config, at: now), now: now, wallTime: clock)
    }

    func tile(_ scene: Scene, _ id: String = "immediate/urban") -> TileScene? {
        scene.tiles.first { $0.id == SceneBuilder.incidentTileID(id) }
    }

    func testTheOldestUnresourcedTicksAgainstItsTarget() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([Self.urban]), at: 10)
        var evaluator = AlarmEvaluator()
        let t = try XCTUnwrap(tile(scene(board, at: 10, evaluator: &evaluator)))
        XCTAssertEqual(t.title, "IMMEDIATE URBAN")
        XCTAssertEqual([t.waitingLabel, t.longestWaitLabel], ["UNRESOURCED", "OLDEST UNRESOURCED"])
        XCTAssertEqual([t.waiting, t.longestWait], ["2", "6:40"])
        XCTAssertEqual(t.figures.map { "\($0.label) \($0.value)" }, ["OPEN 6", "TARGET 15:00", "IN TARGET 92%"])
        XCTAssertEqual(t.status, "OK")
        // The same state sent again at 61 s: the age counts from that arrival, on the board's clock.
        board.apply(message(seq: 2, [Self.urban]), at: 61)
        let later = try XCTUnwrap(tile(scene(board, at: 62, evaluator: &evaluator)))
        XCTAssertEqual(later.longestWait, "6:41", "400 s at send + 1 s since arrival")
        XCTAssertEqual(later.level, .normal)
    }

    func testTargetDerivedAmberAndRedWithWordsAndReason() throws {
        var board = BoardState(startedAt: 0)
        var report = Self.urban
        report.oldestUnresourced = 451  // past half the 15-minute target
        board.apply(message([report]), at: 0)
        var evaluator = AlarmEvaluator()
        let amber = try XCTUnwrap(tile(scene(board, at: 0, evaluator: &evaluator)))
        XCTAssertEqual(amber.level, .amber)
        XCTAssertEqual(amber.status, "WARNING")
        XCTAssertEqual(amber.reason, "OLDEST UNRESOURCED 7:31 > 7:30")
        report.oldestUnresourced = 901
        board.apply(message(seq: 2, [report]), at: 1)
        let red = try XCTUnwrap(tile(scene(board, at: 1, evaluator: &evaluator)))
        XCTAssertEqual(red.status, "BREACH")
        XCTAssertEqual(red.reason, "OLDEST UNRESOURCED 15:01 > 15:00")
    }

    func testConfiguredLimitsAndLabelApply() throws {
        let config = try WallboardConfig(parsing: """
            [incident "immediate/rural"]
            label = IMMEDIATE RURAL
            target = 20m
            oldest.amber = 5m
            oldest.red = 10m
            unresourced.red = 3
            """)
        var board = BoardState(startedAt: 0)
        board.apply(message([IncidentReport(grade: "immediate", area: "rural", open: 5, unresourced: 4, oldestUnresourced: 200)]), at: 0)
        var evaluator = AlarmEvaluator()
        let t = try XCTUnwrap(tile(scene(board, config: config, at: 0, evaluator: &evaluator), "immediate/rural"))
        XCTAssertEqual(t.title, "IMMEDIATE RURAL")
        XCTAssertEqual(t.level, .red)
        XCTAssertEqual(t.reason, "UNRESOURCED 4 > 3")
        XCTAssertEqual(t.figures[1].value, "20:00", "the configured target when the feed sends none")
        // Without an oldest.* line the config target drives the derived limits: amber past 10:00.
        let derived = try WallboardConfig(parsing: "[incident \"immediate/rural\"]\ntarget = 20m\n")
        XCTAssertEqual(derived.incident("immediate/rural").threshold(.oldestUnresourced)?.amber, 600)
        XCTAssertEqual(derived.incident("immediate/rural").threshold(.oldestUnresourced)?.red, 1200)
    }

    func testNoUnresourcedShowsNoAgeAndNoAlarm() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message([IncidentReport(grade: "priority", area: "urban", open: 3, unresourced: 0, oldestUnresourced: 0)]), at: 0)
        var evaluator = AlarmEvaluator()
        let t = try XCTUnwrap(tile(scene(board, at: 100, evaluator: &evaluator), "priority/urban"))
        XCTAssertEqual([t.waiting, t.longestWait], ["0", "–"])
        XCTAssertEqual(t.figures.map(\.value), ["3", "–", "–"], "unknown target and rate are '–', never 0")
    }

    func testAStaleIncidentFreezesAndSaysNoData() throws {
        var board = BoardState(startedAt: 0)
        var report = Self.urban
        report.oldestUnresourced = 1000  // red
        board.apply(message([report]), at: 0)
        var evaluator = AlarmEvaluator()
        // stale_after = 3 × the 2 s interval = 6 s, well inside lost_after.
        let t = try XCTUnwrap(tile(scene(board, at: 10, evaluator: &evaluator)))
        XCTAssertEqual(t.status, "STALE")
        XCTAssertEqual(t.stale, "NO DATA 0:10")
        XCTAssertEqual(t.level, .normal, "no alarm colour on old data")
        XCTAssertEqual(t.longestWait, "16:46", "frozen where it stood when it went stale (1000 s + 6 s)")
        XCTAssertNil(evaluator.evaluate(board: board, config: WallboardConfig(), at: 11).incidents["immediate/urban"])
    }

    /// An incident tile with NO DATA makes the feed partial, as a queue's does: the footer names it
    /// and the status says `partial`, never FEED OK beside a greyed tile.
    func testAStaleIncidentMakesTheFeedPartial() throws {
        var engine = BoardEngine(startedAt: 0)
        engine.apply(message(queues: 1, [Self.urban]), at: 0)
        var scene = engine.scene(now: 1, wallTime: clock)
        XCTAssertTrue(scene.footer.feed.hasPrefix("FEED OK"), scene.footer.feed)
        XCTAssertEqual(engine.summary(now: 1).feed, .ok)
        // The queue is refreshed, the incidents are not: past stale_after (6 s) only they are old.
        engine.apply(FeedMessage(
            publisher: "p", session: 1, sequence: 2, sentAtMilliseconds: 0, interval: 2,
            queues: [QueueReport(id: "q0", name: "Q0", waiting: 1, longestWait: 1)]), at: 8)
        scene = engine.scene(now: 9, wallTime: clock)
        XCTAssertTrue(scene.footer.feed.hasPrefix("FEED PARTIAL"), scene.footer.feed)
        XCTAssertTrue(scene.footer.feed.contains("no data: immediate/urban"), scene.footer.feed)
        XCTAssertEqual(engine.summary(now: 9).feed, .partial)
        // A dispatch board with incident tiles only: all of them stale is a stale feed.
        var dispatch = BoardEngine(startedAt: 0)
        dispatch.apply(message([Self.urban]), at: 0)
        dispatch.apply(FeedMessage(publisher: "p", session: 1, sequence: 2, sentAtMilliseconds: 0, interval: 2), at: 8)
        _ = dispatch.scene(now: 9, wallTime: clock)
        XCTAssertEqual(dispatch.summary(now: 9).feed, .stale)
    }

    func testABreachingIncidentIsPinnedToEveryPage() throws {
        var board = BoardState(startedAt: 0)
        var report = Self.urban
        report.oldestUnresourced = 1000
        board.apply(message(queues: 20, [report]), at: 0)
        var evaluator = AlarmEvaluator()
        var s = scene(board, at: 0, evaluator: &evaluator)
        XCTAssertEqual(s.tiles.count, 21)
        for turn in 0..<2 {
            s.paging.turn = turn
            let page = s.currentPage()
            XCTAssertEqual(page.tiles.first?.id, SceneBuilder.incidentTileID("immediate/urban"), "pinned first on page \(turn + 1)")
            XCTAssertEqual(page.pageMarker, "PAGE \(turn + 1)/2")
        }
    }

    func testConfigErrorsNameFileAndLine() {
        let cases: [(String, String)] = [
            ("[incident \"immediate\"]\n", "f:1:"),
            ("[incident]\n", "f:1:"),
            ("[incident \"immediate/urban\"]\noldest.amber = soon\n", "f:2:"),
            ("[incident \"immediate/urban\"]\nlongest_wait.red = 30s\n", "f:2:"),
            ("[incident \"immediate/urban\"]\noldest.amber = 10m\noldest.red = 5m\n", "f:3:"),
            ("[incident \"immediate/urban\"]\ntarget = 0s\n", "f:2:"),
        ]
        for (text, location) in cases {
            XCTAssertThrowsError(try WallboardConfig(parsing: text, file: "f"), text) { error in
                let description = "\(error)"
                XCTAssertTrue(description.hasPrefix(location), "\(text) → \(description)")
            }
        }
        XCTAssertThrowsError(try WallboardConfig(parsing: "[incident \"immediate/urban\"]\nolde.amber = 5m\n", file: "f")) { error in
            XCTAssertTrue("\(error)".contains("oldest.amber"), "suggests the real key: \(error)")
        }
    }
}
