import XCTest
@testable import WallboardCore

final class ControlCharactersTests: XCTestCase {
    func testControlsAreFoundNamedAndEscaped() {
        XCTAssertEqual(ControlCharacters.first(in: "ok\u{0}\u{1B}"), "\u{0}")
        XCTAssertNil(ControlCharacters.first(in: "a\tb", allowingTab: true))
        XCTAssertEqual(ControlCharacters.first(in: "a\tb"), "\t")
        XCTAssertEqual(ControlCharacters.first(in: "C1 \u{9B}2J"), "\u{9B}")
        XCTAssertNil(ControlCharacters.first(in: "Heddlu Dyfed-Powys — 999 ✓"))
        XCTAssertEqual(ControlCharacters.name("\u{1B}"), "U+001B")
        XCTAssertEqual(ControlCharacters.escaped("\u{0}\u{1B}[2J\tok\u{7F}\u{9B}"), "\\x00\\x1b[2J\tok\\x7f\\u{9b}")
        XCTAssertEqual(ControlCharacters.escaped("plain"), "plain")
    }
}
