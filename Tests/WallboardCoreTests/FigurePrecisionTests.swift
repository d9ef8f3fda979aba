import XCTest
@testable import WallboardCore

/// Percentages as supervisors' ACD reports print them: one decimal below 10 %, whole percent from
/// 10 % up, always rounded toward the worse side (abandonment up, service level down).
final class FigurePrecisionTests: XCTestCase {
    func shownAbandonment(_ abandoned: Int, of offered: Int) -> String {
        let rate = QueueFigures.percent(abandoned, of: offered)!
        return FigureFormat.percent(FigureFormat.shown(rate, kind: .percentage, direction: .higherIsWorse))
    }

    func shownServiceLevel(_ within: Int, of offered: Int) -> String {
        let rate = QueueFigures.percent(within, of: offered)!
        return FigureFormat.percent(FigureFormat.shown(rate, kind: .percentage, direction: .lowerIsWorse))
    }

    func test999AbandonmentShowsOneDecimalBelowTenPercent() {
        XCTAssertEqual(shownAbandonment(6, of: 1000), "0.6%")
        XCTAssertEqual(shownAbandonment(7, of: 1000), "0.7%", "an exact 0.7 % is not pushed to 0.8 % by binary noise")
        XCTAssertEqual(shownAbandonment(61, of: 10000), "0.7%", "0.61 % rounds up: abandonment is worse when higher")
        XCTAssertEqual(shownAbandonment(0, of: 1000), "0.0%")
        XCTAssertEqual(shownAbandonment(94, of: 1000), "9.4%")
        XCTAssertEqual(shownAbandonment(996, of: 10000), "10%", "9.96 % rounds up to 10.0 %, shown whole")
        XCTAssertEqual(shownAbandonment(102, of: 1000), "11%")
        XCTAssertEqual(shownAbandonment(1000, of: 1000), "100%")
    }

    func testServiceLevelRoundsDown() {
        XCTAssertEqual(shownServiceLevel(896, of: 1000), "89%")
        XCTAssertEqual(shownServiceLevel(946, of: 10000), "9.4%")
        XCTAssertEqual(shownServiceLevel(999, of: 10000), "9.9%", "9.99 % is not shown as 10 %")
        XCTAssertEqual(shownServiceLevel(1, of: 3), "33%")
        XCTAssertEqual(shownServiceLevel(70, of: 10000), "0.7%")
    }

    func testTheSceneShowsTheSamePrecision() throws {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(
            publisher: "p", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2, floor: nil,
            queues: [QueueReport(id: "999", name: "999", waiting: 0, longestWait: 0, offered: 1000, answered: 993,
                                 abandoned: 7, answeredWithinTarget: 905, targetSeconds: 10)], staff: []), at: 0)
        var evaluator = AlarmEvaluator()
        let config = WallboardConfig()
        let scene = SceneBuilder(config: config).build(
            board: board, alarms: evaluator.evaluate(board: board, config: config, at: 1), now: 1,
            wallTime: WallTime(secondsOfDay: 0))
        let tile = try XCTUnwrap(scene.tiles.first)
        XCTAssertEqual(tile.figures.map(\.value).prefix(2), ["90%", "0.7%"])
    }
}
