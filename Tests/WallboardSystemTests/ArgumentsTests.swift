import XCTest
@testable import WallboardSystem

final class ArgumentsTests: XCTestCase {
    func testOptionsFlagsAndPositionals() throws {
        var a = Arguments(["send", "--group", "239.1.2.3", "--port=5000", "-v", "extra"])
        XCTAssertEqual(a.next(), "send")
        XCTAssertEqual(try a.option("--group"), "239.1.2.3")
        XCTAssertEqual(try a.option("--port", as: { Int($0) }, expected: "a port number"), 5000)
        XCTAssertTrue(a.flag("-v", "--verbose"))
        XCTAssertFalse(a.flag("--quiet"))
        XCTAssertThrowsError(try a.finish()) { XCTAssertEqual("\($0)", "unexpected argument 'extra'") }
    }

    func testMissingValueAndBadValueAreUsageErrors() {
        var a = Arguments(["--port"])
        XCTAssertThrowsError(try a.option("--port")) { XCTAssertEqual("\($0)", "--port needs a value") }
        var b = Arguments(["--port", "http"])
        XCTAssertThrowsError(try b.option("--port", as: { Int($0) }, expected: "a port number")) {
            XCTAssertEqual("\($0)", "--port: 'http' is not a port number")
        }
        var c = Arguments(["--bogus"])
        XCTAssertNil(c.next())
        XCTAssertThrowsError(try c.finish()) { XCTAssertEqual("\($0)", "unknown option '--bogus'") }
    }
}
