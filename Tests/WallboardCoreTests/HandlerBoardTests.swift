import XCTest
@testable import WallboardCore

/// Handler states on the board: replaced per id, ticking, stale like queues, forgotten when silent,
/// bounded; and the scene's grid, pages, names and not-ready alarm.
final class HandlerBoardTests: XCTestCase {
    func message(_ seq: UInt64, _ handlers: [HandlerReport], session: UInt64 = 1) -> FeedMessage {
        FeedMessage(publisher: "acd", session: session, sequence: seq, sentAtMilliseconds: 0, interval: 2, handlers: handlers)
    }

    func testEachRecordReplacesItsHandlerAndOthersStay() {
        var board = BoardState(startedAt: 0)
        board.apply(message(1, [HandlerReport(id: "a", state: .onCall, since: 10), HandlerReport(id: "b", state: .available)]), at: 0)
        board.apply(message(2, [HandlerReport(id: "a", state: .onBreak, reason: "Lunch", since: 0)]), at: 1)
        let listed = board.handlers.listed(at: 1)
        XCTAssertEqual(listed.map(\.report.id), ["a", "b"])
        XCTAssertEqual(listed[0].report.state, .onBreak)
        XCTAssertEqual(listed[1].report.state, .available, "a datagram replaces only the handlers it carries")
    }

    func testALateOlderDatagramDoesNotOverwriteANewerHandler() {
        var board = BoardState(startedAt: 0)
        board.apply(message(5, [HandlerReport(id: "a", state: .onBreak)]), at: 0)
        board.apply(message(4, [HandlerReport(id: "a", state: .onCall)]), at: 0.1)
        XCTAssertEqual(board.handlers.listed(at: 1).first?.report.state, .onBreak)
        XCTAssertEqual(board.handlers.olderSkipped, 1)
    }

    func testTimeInStateTicksThenFreezesWhenStaleThenTheHandlerIsForgotten() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message(1, [HandlerReport(id: "a", state: .onBreak, since: 100)]), at: 10)
        let entry = try XCTUnwrap(board.handlers.listed(at: 12).first)
        XCTAssertNil(board.staleSince(entry, at: 12))
        XCTAssertEqual(entry.timeInState(at: 12), 102)
        // Stale after 3 × the 2 s interval: frozen at 106, never going back to 100.
        let stale = try XCTUnwrap(board.staleSince(entry, at: 40))
        XCTAssertEqual(stale, 16)
        XCTAssertEqual(entry.timeInState(at: 40, frozenAt: stale), 106)
        XCTAssertEqual(board.handlers.listed(at: 10 + HandlerBoard.forgetAfter).count, 1)
        XCTAssertEqual(board.handlers.listed(at: 11 + HandlerBoard.forgetAfter).count, 0, "logged off without a word: leaves the grid")
    }

    func testTheBoardKeepsABoundedNumberOfHandlers() {
        var board = BoardState(startedAt: 0)
        var seq: UInt64 = 0
        for chunk in stride(from: 0, to: HandlerBoard.maximum + 10, by: 25) {
            seq += 1
            board.apply(message(seq, (chunk..<chunk + 25).map { HandlerReport(id: "h\($0)", state: .available) }), at: 0)
        }
        XCTAssertEqual(board.handlers.entries.count, HandlerBoard.maximum)
        XCTAssertGreaterThan(board.handlers.ignored, 0)
    }

    func scene(_ board: BoardState, config text: String, now: MonotonicSeconds) throws -> Scene {
        let config = try WallboardConfig(parsing: text)
        var evaluator = AlarmEvaluator()
        return SceneBuilder(config: config).build(
            board: board, alarms: evaluator.evaluate(board: board, config: config, at: now), now: now, wallTime: WallTime(secondsOfDay: 0))
    }

    func testNotReadyAlarmComparesTheTimeShownAndAmberMayEqualRed() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message(1, [
            HandlerReport(id: "a", state: .onBreak, since: 600), HandlerReport(id: "b", state: .notReady, since: 600.9),
            HandlerReport(id: "c", state: .notReady, since: 601), HandlerReport(id: "d", state: .onCall, since: 5000),
        ]), at: 0)
        let grid = try XCTUnwrap(try scene(board, config: "[board]\nview = both\n[staff]\nnot_ready.amber = 10m\nnot_ready.red = 10m\n", now: 0).handlerGrid)
        XCTAssertEqual(grid.cells.map(\.level), [.normal, .normal, .red, .normal], "10:00 is the last acceptable time; on call never alarms")
        XCTAssertEqual(grid.cells[2].mark, "BREACH")
        XCTAssertEqual(grid.cells[2].time, ["10:01"])
        XCTAssertEqual(grid.alarmed, 1)
    }

    func testViewTilesShowsNoGridAndBothTakesTurnsAfterTheTiles() throws {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(
            publisher: "acd", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2,
            queues: [QueueReport(id: "999", name: "999", waiting: 1, longestWait: 1)],
            handlers: (0..<30).map { HandlerReport(id: "h\($0)", name: "Handler \($0)", state: .available) }), at: 0)
        XCTAssertNil(try scene(board, config: "", now: 0).handlerGrid, "view = tiles by default: the wall is unchanged")
        let both = try scene(board, config: "[board]\nview = both\npage_seconds = 10s\n", now: 0)
        var pages: [String?] = []
        for turn in 0..<4 {
            var s = both
            s.paging.turn = turn
            let page = s.currentPage(handlerCapacity: 20)
            pages.append(page.pageMarker)
            if turn % 3 == 0 {
                XCTAssertNil(page.handlerGrid)
                XCTAssertEqual(page.tiles.count, 1)
            } else {
                let grid = try XCTUnwrap(page.handlerGrid)
                XCTAssertTrue(page.tiles.isEmpty)
                XCTAssertEqual(grid.caption, turn % 3 == 1 ? "HANDLERS 1–20 OF 30" : "HANDLERS 21–30 OF 30")
                XCTAssertEqual(page.currentPage(handlerCapacity: 20), page, "paging a page again keeps it")
            }
        }
        XCTAssertEqual(pages, ["PAGE 1/3", "PAGE 2/3", "PAGE 3/3", "PAGE 1/3"])
    }

    func testFeedLostShowsNoGrid() throws {
        var board = BoardState(startedAt: 0)
        board.apply(message(1, [HandlerReport(id: "a", state: .available)]), at: 0)
        let s = try scene(board, config: "[board]\nview = handlers\n", now: 3600)
        XCTAssertNotNil(s.feedLost)
        XCTAssertNil(s.currentPage(handlerCapacity: 60).handlerGrid)
    }

    func testShortNamesStayUnambiguous() {
        let forms = HandlerNames.forms(for: [
            HandlerReport(id: "1", name: "Katarzyna Maria Campbell-Hughes", state: .available),
            HandlerReport(id: "2", name: "John Smith", state: .available),
            HandlerReport(id: "3", name: "Jane Smith", state: .available),
            HandlerReport(id: "4", name: "Solo", state: .available),
        ])
        XCTAssertEqual(forms[0], ["Katarzyna Maria Campbell-Hughes", "Katarzyna Campbell-Hughes", "K. Campbell-Hughes", "1"])
        XCTAssertEqual(forms[1], ["John Smith", "2"], "J. Smith would name two people")
        XCTAssertEqual(forms[2], ["Jane Smith", "3"])
        XCTAssertEqual(forms[3], ["Solo", "4"])
    }
}
