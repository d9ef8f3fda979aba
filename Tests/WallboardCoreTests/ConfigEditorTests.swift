import WallboardTestSupport
import XCTest
@testable import WallboardCore

final class ConfigEditorTests: XCTestCase {
    let original = """
        # Control room wallboard
        [feed]
        port = 4950   # the floor's port

        [queue "999"]
        # Emergency calls
          longest_wait.amber = 10s
          longest_wait.red = 20s   # agreed with the duty inspector

        # 101 below
        [queue "101"]
        label = 101

        """

    func testReplacingAValueKeepsCommentsSpacingAndOrder() throws {
        let edited = try ConfigEditor.setThreshold(queue: "999", key: "longest_wait.red", value: "30s", in: original)
        XCTAssertEqual(edited, original.replacingOccurrences(
            of: "longest_wait.red = 20s   # agreed", with: "longest_wait.red = 30s   # agreed"))
        XCTAssertEqual(try WallboardConfig(parsing: edited).queue("999").threshold(.longestWait)?.red, 30)
    }

    func testAddingAKeyGoesAfterTheLastSettingOfItsSectionWithItsIndent() throws {
        let edited = try ConfigEditor.setThreshold(queue: "999", metric: .serviceLevel, level: .red, value: 85, in: original)
        XCTAssertEqual(edited, original.replacingOccurrences(
            of: "# agreed with the duty inspector\n",
            with: "# agreed with the duty inspector\n  service_level.red = 85%\n"))
    }

    func testAddingToASectionThatDoesNotExistAppendsIt() throws {
        let edited = try ConfigEditor.setThreshold(queue: "crime", key: "waiting.amber", value: "8", in: original)
        XCTAssertEqual(edited, original + "\n[queue \"crime\"]\nwaiting.amber = 8\n")
        XCTAssertEqual(try WallboardConfig(parsing: edited).queue("crime").threshold(.waiting)?.amber, 8)
    }

    func testAddingToAnEmptySectionGoesRightAfterItsHeader() throws {
        let text = "[queue \"101\"]\n# nothing yet\n[feed]\nport = 1\n"
        let edited = try ConfigEditor.setThreshold(queue: "101", key: "waiting.red", value: "20", in: text)
        XCTAssertEqual(edited, "[queue \"101\"]\nwaiting.red = 20\n# nothing yet\n[feed]\nport = 1\n")
    }

    func testAnEditThatWouldBreakTheFileIsRefused() {
        XCTAssertThrowsError(try ConfigEditor.setThreshold(queue: "999", key: "longest_wait.red", value: "5s", in: original)) { error in
            XCTAssertEqual(
                "\(error)",
                "wallboard.conf:8:22: longest_wait.red (5s) must be at or beyond longest_wait.amber (10s): higher is worse")
        }
        XCTAssertThrowsError(try ConfigEditor.setThreshold(queue: "999", key: "longest_wait.rd", value: "5s", in: original))
        XCTAssertThrowsError(try ConfigEditor.setThreshold(queue: "999", key: "service_level.red", value: "85", in: original))
    }

    func testAmberAndRedMoveTogetherWithoutTrippingOverTheOldValues() throws {
        // Amber 25s alone would be past the old red 20s; set together, the result is consistent.
        XCTAssertThrowsError(try ConfigEditor.setThreshold(queue: "999", key: "longest_wait.amber", value: "25s", in: original))
        let edited = try ConfigEditor.setThreshold(queue: "999", metric: .longestWait, amber: "25s", red: "30s", in: original)
        let t = try XCTUnwrap(WallboardConfig(parsing: edited).queue("999").threshold(.longestWait))
        XCTAssertEqual([t.amber, t.red], [25, 30])
        XCTAssertTrue(edited.contains("  longest_wait.red = 30s   # agreed with the duty inspector\n"))
    }

    func testWindowsLineEndingsStayWindows() throws {
        let text = "[queue \"999\"]\r\nwaiting.red = 9\r\n"
        let edited = try ConfigEditor.setThreshold(queue: "999", key: "waiting.amber", value: "4", in: text)
        XCTAssertEqual(edited, "[queue \"999\"]\r\nwaiting.red = 9\r\nwaiting.amber = 4\r\n")
    }

    func testValuesThatNeedQuotesAreQuoted() throws {
        let edited = try ConfigEditor.set("title", to: "ROOM #2", section: "board", in: "[board]\ntitle = A\n")
        XCTAssertEqual(edited, "[board]\ntitle = \"ROOM #2\"\n")
        XCTAssertEqual(try WallboardConfig(parsing: edited).board.title, "ROOM #2")
    }
}
