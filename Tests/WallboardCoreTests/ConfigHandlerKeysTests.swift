import XCTest
@testable import WallboardCore

/// `[board] view` and `[staff] not_ready.amber/.red`, through the one config parser (their refusals,
/// with file:line:column, are in `ConfigParserTests.testBadFilesNameLineColumnAndExpectation`).
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
}
