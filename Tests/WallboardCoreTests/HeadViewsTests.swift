import XCTest
@testable import WallboardCore

/// `[display] views`: one queue list per connector, checked with file:line:column like every key,
/// and `Scene.view(showing:)`, which keeps only a head's tiles, in its order.
final class HeadViewsTests: XCTestCase {
    func testViewsParseOneListPerConnector() throws {
        let config = try WallboardConfig(parsing: "[display]\nconnector = HDMI-A-1, HDMI-A-2\nviews = 999, 101 | crime,online\n")
        XCTAssertEqual(config.display.views, [["999", "101"], ["crime", "online"]])
        XCTAssertEqual(try WallboardConfig(parsing: "[display]\n").display.views, [], "default: every head shows every queue")
        // Order of keys does not matter: views may come before connector.
        let reversed = try WallboardConfig(parsing: "[display]\nviews = 999 | 101\nconnector = HDMI-A-1, HDMI-A-2\n")
        XCTAssertEqual(reversed.display.views, [["999"], ["101"]])
        // One connector (or none named) takes one view: a single screen showing a subset.
        XCTAssertEqual(try WallboardConfig(parsing: "[display]\nviews = 101, 999\n").display.views, [["101", "999"]])
    }

    func testBadViewsNameLineColumnAndExpectation() {
        let shape = "one queue list per connector, separated by |, like 999, 101 | crime, online"
        let table: [(String, String, UInt)] = [
            ("[display]\nconnector = A-1, A-2\nviews = 999 | | 101\n",
             "t.conf:3:9: 'views': '999 | | 101' is not \(shape) (at most two screens)", #line),
            ("[display]\nconnector = A-1, A-2\nviews = 999 | \n",
             "t.conf:3:9: 'views': '999 |' is not \(shape)", #line),
            ("[display]\nconnector = A-1, A-2\nviews = 999, 101, 999 | crime\n",
             "t.conf:3:9: 'views': '999, 101, 999 | crime' is not \(shape) ('999' appears twice in one view)", #line),
            ("[display]\nconnector = A-1, A-2\nviews = 999\n",
             "t.conf:3:9: 'views' gives 1 view(s) but 'connector' names 2 screen(s); give one queue list per connector, separated by |", #line),
            ("[display]\nviews = 999 | 101\n",
             "t.conf:2:9: 'views' gives 2 view(s) but 'connector' names 1 screen(s); give one queue list per connector, separated by |", #line),
            ("[display]\nveiws = 999\n",
             "t.conf:2:1: unknown key 'veiws' in [display]; did you mean 'views'?", #line),
        ]
        for (text, expected, line) in table {
            XCTAssertThrowsError(try WallboardConfig(parsing: text, file: "t.conf"), line: line) { error in
                XCTAssertEqual((error as? ConfigErrors)?.errors.first?.description, expected, line: line)
            }
        }
    }

    func testViewKeepsOnlyItsTilesInItsOrder() throws {
        var engine = BoardEngine(config: try WallboardConfig(parsing: "[board]\nqueues = 999, 101, crime\n"), startedAt: 0)
        let scene = engine.scene(now: 1, wallTime: WallTime(secondsOfDay: 0))
        XCTAssertEqual(scene.tiles.map(\.id), ["999", "101", "crime"])
        XCTAssertEqual(scene.view(showing: nil), scene, "no view: every tile")
        let view = scene.view(showing: ["crime", "999", "online"])
        XCTAssertEqual(view.tiles.map(\.id), ["crime", "999"], "the view's order; a queue without a tile is absent")
        XCTAssertEqual(view.header, scene.header)
        XCTAssertEqual(view.footer, scene.footer)
    }
}
