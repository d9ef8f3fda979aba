import XCTest
import WallboardCore
import WallboardRender
@testable import WallboardSystem

/// A two-head pipeline: one board, two canvases sized for their own modes, each painted with
/// its own view (real FreeType rendering, compared pixel for pixel with a painter given only that view).
final class MultiHeadPipelineTests: XCTestCase {
    private let text = """
        [display]
        connector = HDMI-A-1, HDMI-A-2
        views = 999 | 101, crime
        burn_in_shift = off
        [board]
        queues = 999, 101, crime
        """

    func testEachHeadPaintsItsOwnViewAtItsOwnSize() throws {
        let config = try WallboardConfig(parsing: text)
        let pipeline = try BoardPipeline(config: config, sizes: [(640, 360), (480, 270)], now: 0)
        XCTAssertEqual(pipeline.heads.map(\.queues), [["999"], ["101", "crime"]])
        let scene = pipeline.scene(now: 1, wallTime: WallTime(secondsOfDay: 3600), banner: nil)
        XCTAssertNotNil(pipeline.paint(scene, head: 0, now: 1))
        XCTAssertNotNil(pipeline.paint(scene, head: 1, now: 1))
        XCTAssertEqual([pipeline.heads[0].canvas.width, pipeline.heads[0].canvas.height], [640, 360])
        XCTAssertEqual([pipeline.heads[1].canvas.width, pipeline.heads[1].canvas.height], [480, 270])

        for (head, queues, size) in [(0, ["999"], (640, 360)), (1, ["101", "crime"], (480, 270))] {
            let only = try painted(scene.view(showing: queues), config: config, size: size)
            let everything = try painted(scene, config: config, size: size)
            XCTAssertEqual(Array(pipeline.heads[head].canvas.pixels), Array(only.pixels), "head \(head) shows exactly \(queues)")
            XCTAssertNotEqual(Array(pipeline.heads[head].canvas.pixels), Array(everything.pixels), "head \(head) is not the whole board")
        }
        // Nothing changed: neither head repaints.
        XCTAssertNil(pipeline.paint(scene, head: 0, now: 1))
        XCTAssertNil(pipeline.paint(scene, head: 1, now: 1))
    }

    func testReloadChangesViewsAndMissingSecondHeadShowsEverything() throws {
        let config = try WallboardConfig(parsing: text)
        let pipeline = try BoardPipeline(config: config, sizes: [(320, 180), (320, 180)], now: 0)
        var fresh = config
        fresh.display.views = [["crime"], ["999"]]
        pipeline.update(config: fresh)
        XCTAssertEqual(pipeline.heads.map(\.queues), [["crime"], ["999"]])
        // Two views but only one screen opened (second monitor absent): that screen shows every queue.
        XCTAssertNil(BoardEngine(config: config, startedAt: 0, heads: 1).view(head: 0))
        let single = try BoardPipeline(config: config, width: 320, height: 180, now: 0)
        XCTAssertEqual(single.heads.count, 1)
        XCTAssertNil(single.heads[0].queues)
    }

    private func painted(_ scene: Scene, config: WallboardConfig, size: (Int, Int)) throws -> Canvas {
        let canvas = Canvas(width: size.0, height: size.1)
        _ = Painter(fonts: try Fonts(), layoutOptions: BoardPipeline.layoutOptions(config)).paint(scene: scene, into: canvas)
        return canvas
    }
}
