import XCTest
@testable import WallboardCore

/// `[board] view` and `[staff] not_ready.amber/.red`, through the one config parser.
final class ConfigHandlerKeysTests: XCTestCase {
    func testValuesParse() throws {
        let config = try WallboardConfig(parsing: "[board]\nview = both\n[staff]\nnot_ready.amber = 10m\nnot_ready.red = 1h\n")
        XCTAssertEqual(config.board.view, .both)
        XCTAssertEqual(config.staff.notReady.amber, 600)
        XCTAssertEqual(config.staff.notReady.red, 3600)
        let defaults = WallboardConfig()
        XCTAssertEqual(defaults.board.view, .tiles)
        XCTAssertTrue(defaults.staff.notReady.isEmpty, "off unless the room sets its policy")
        XCTAssertEqual(try WallboardConfig(parsing: "[staff]\nnot_ready.amber = 15m\nnot_ready.red = 15m\n").staff.notReady.red, 900,
                       "amber = red: straight to red")
        XCTAssertNil(try WallboardConfig(parsing: "[staff]\nnot_ready.amber = off\n").staff.notReady.amber)
    }

    func testBadValuesNameFileLineColumn() {
        let table: [(String, String, UInt)] = [
            ("[board]\nview = grid\n", "t.conf:2:8: 'view': 'grid' is not one of tiles, handlers, both", #line),
            ("[staff]\nnot_ready.amber = 10\n",
             "t.conf:2:19: 'not_ready.amber': '10' is not a duration like 10s, 2m or 1h, at most 24h, or off", #line),
            ("[staff]\nnot_ready.red = 25h\n",
             "t.conf:2:17: 'not_ready.red': '25h' is not a duration like 10s, 2m or 1h, at most 24h, or off", #line),
            ("[staff]\nnot_ready.amber = 20m\nnot_ready.red = 10m\n",
             "t.conf:3:17: not_ready.red (10m) must be at or beyond not_ready.amber (20m): higher is worse", #line),
            ("[staff]\nnot_ready.dwell = 10s\n",
             "t.conf:2:1: unknown key 'not_ready.dwell' in [staff]", #line),
            ("[staff]\nnotready.amber = 10m\n",
             "t.conf:2:1: unknown key 'notready.amber' in [staff]; did you mean 'not_ready.amber'?", #line),
        ]
        for (text, expected, line) in table {
            do {
                _ = try WallboardConfig(parsing: text, file: "t.conf")
                XCTFail("accepted a bad file:\n\(text)", line: line)
            } catch {
                XCTAssertEqual(error.description, expected, line: line)
            }
        }
    }
}
