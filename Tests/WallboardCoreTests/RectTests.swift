import XCTest
@testable import WallboardCore

final class RectTests: XCTestCase {
    func testIntersectionAndUnion() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let b = Rect(x: 5, y: 5, width: 10, height: 10)
        XCTAssertEqual(a.intersection(b), Rect(x: 5, y: 5, width: 5, height: 5))
        XCTAssertEqual(a.union(b), Rect(x: 0, y: 0, width: 15, height: 15))
        XCTAssertTrue(a.intersection(Rect(x: 20, y: 0, width: 1, height: 1)).isEmpty)
        XCTAssertEqual(Rect(x: 0, y: 0, width: 0, height: 0).union(b), b)
    }

    func testRotationSwapsLogicalSize() {
        XCTAssertEqual(Rotation.quarter.logicalSize(width: 1920, height: 1080).width, 1080)
        XCTAssertEqual(Rotation.half.logicalSize(width: 1920, height: 1080).width, 1920)
        XCTAssertNil(Rotation(degrees: 45))
    }

    func testWallClockText() {
        XCTAssertEqual(WallTime(secondsOfDay: 14 * 3600 + 2 * 60 + 3).clockText, "14:02:03")
        XCTAssertEqual(WallTime(secondsOfDay: -1).clockText, "23:59:59")
    }
}
