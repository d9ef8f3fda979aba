import XCTest
@testable import WallboardCore

/// No queue is hidden silently: more queues than fit are paged, every queue is on the wall within
/// one page cycle, and a queue in breach never leaves it.
final class ScenePagesTests: XCTestCase {
    let clock = WallTime(secondsOfDay: 0)

    /// `count` queues q1…qN; those in `breached` have a caller waiting 10 minutes (red by default).
    func board(_ count: Int, breached: Set<Int> = []) -> BoardState {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(
            publisher: "p", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2, floor: nil,
            queues: (1...count).map { QueueReport(id: "q\($0)", name: "Queue \($0)", waiting: 1, longestWait: breached.contains($0) ? 600 : 5) },
            staff: []), at: 0)
        return board
    }

    func scene(_ board: BoardState, config: WallboardConfig = WallboardConfig(), at now: Double = 1) -> Scene {
        var evaluator = AlarmEvaluator()
        return SceneBuilder(config: config).build(
            board: board, alarms: evaluator.evaluate(board: board, config: config, at: now), now: now, wallTime: clock)
    }

    func page(_ board: BoardState, turn: Int, config: WallboardConfig = WallboardConfig()) -> Scene {
        var s = scene(board, config: config)
        s.paging.turn = turn
        return s.currentPage()
    }

    func testAThirteenthQueueIsPagedNotDropped() {
        let b = board(13)
        let first = page(b, turn: 0), second = page(b, turn: 1)
        XCTAssertEqual(first.pageMarker, "PAGE 1/2")
        XCTAssertEqual(second.pageMarker, "PAGE 2/2")
        XCTAssertLessThanOrEqual(first.tiles.count, 12)
        XCTAssertEqual(Set(first.tiles.map(\.id) + second.tiles.map(\.id)).count, 13, "every queue within one cycle")
        XCTAssertEqual(first.tiles.map(\.id), (1...7).map { "q\($0)" }, "board order, pages as equal as can be")
        XCTAssertEqual(page(b, turn: 2).tiles.map(\.id), first.tiles.map(\.id), "the cycle repeats")
        XCTAssertNil(page(board(12), turn: 1).pageMarker, "twelve fit: no pages")
    }

    func testABreachIsPinnedToEveryPageInBoardOrder() {
        let b = board(30, breached: [17])
        let pages = (0..<3).map { page(b, turn: $0) }
        XCTAssertEqual(pages.map(\.pageMarker), ["PAGE 1/3", "PAGE 2/3", "PAGE 3/3"])
        for p in pages {
            XCTAssertEqual(p.tiles.first?.id, "q17", "pinned first")
            XCTAssertEqual(p.tiles.first?.level, .red)
            XCTAssertTrue(p.hiddenBreaches.isEmpty)
        }
        XCTAssertEqual(Set(pages.flatMap { $0.tiles.map(\.id) }).count, 30)
    }

    func testBreachesBeyondHalfAPageAreNamedOnEveryPage() {
        let b = board(20, breached: Set(1...8))
        for turn in 0..<3 {
            let p = page(b, turn: turn)
            let shown = Set(p.tiles.map(\.id))
            XCTAssertTrue((1...6).allSatisfy { shown.contains("q\($0)") }, "six pinned")
            let unshown = (1...8).filter { !shown.contains("q\($0)") }.map { "Queue \($0)" }
            XCTAssertEqual(p.hiddenBreaches, unshown)
            XCTAssertEqual(p.hiddenBreachesText, unshown.isEmpty ? nil : "ALSO IN BREACH: " + unshown.joined(separator: ", "))
        }
        XCTAssertEqual(page(b, turn: 1).hiddenBreaches, ["Queue 7", "Queue 8"], "q7, q8 turn with page 1: page 2 names them")
    }

    func testAQueueLeftOffTheBoardStillReachesTheWallInBreach() throws {
        var config = WallboardConfig()
        config.board.queues = ["q1", "q2"]
        let s = scene(board(3, breached: [3]), config: config)
        XCTAssertEqual(s.tiles.map(\.id), ["q1", "q2"])
        XCTAssertEqual(s.currentPage().hiddenBreachesText, "ALSO IN BREACH: Queue 3")
        XCTAssertTrue(s.footer.feed.contains("not on board: q3"), s.footer.feed)
        config.board.queues = ["q1"]
        let many = scene(board(6), config: config)
        XCTAssertTrue(many.footer.feed.contains("not on board: q2, q3, q4 +2"), many.footer.feed)
        XCTAssertNil(many.currentPage().hiddenBreachesText, "none of them in breach")
    }

    func testPagesTurnEveryPageSecondsAndTheConfigSetsSizeAndPeriod() throws {
        let config = try WallboardConfig(parsing: "[board]\npage_size = 6\npage_seconds = 20s\n")
        XCTAssertEqual(config.board.pageSize, 6)
        XCTAssertEqual(config.board.pageSeconds, 20)
        XCTAssertEqual(WallboardConfig().board.pageSeconds, 15, "default")
        let b = board(8)
        XCTAssertEqual(scene(b, config: config, at: 19.9).currentPage().pageMarker, "PAGE 1/2")
        XCTAssertEqual(scene(b, config: config, at: 20).currentPage().pageMarker, "PAGE 2/2")
        XCTAssertEqual(scene(b, config: config, at: 20).currentPage().tiles.map(\.id), ["q5", "q6", "q7", "q8"])
        XCTAssertThrowsError(try WallboardConfig(parsing: "[board]\npage_size = 13\n"))
        XCTAssertThrowsError(try WallboardConfig(parsing: "[board]\npage_seconds = 0s\n"))
    }

    func testPagingIsIdempotentAndKeepsItsMarks() {
        let p = page(board(20, breached: Set(1...8)), turn: 1)
        XCTAssertEqual(p.currentPage(), p)
    }
}
