import WallboardCore
import XCTest

@testable import WallboardSystem

final class DamageTrackerTests: XCTestCase {
    let bounds = Rect(x: 0, y: 0, width: 100, height: 100)

    func testFirstFramesAreFullThenTheBackBufferGetsThisAndThePreviousFramesDamage() {
        var tracker = DamageTracker(bounds: bounds)
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        let b = Rect(x: 50, y: 50, width: 10, height: 10)
        let c = Rect(x: 80, y: 0, width: 5, height: 5)

        tracker.add([bounds])
        XCTAssertEqual(tracker.rectsForBackBuffer(), [bounds], "first frame: everything")
        tracker.frameShown()

        tracker.add([a])
        XCTAssertEqual(tracker.rectsForBackBuffer(), [bounds], "second frame: the other buffer was never drawn")
        tracker.frameShown()

        tracker.add([b])
        XCTAssertEqual(Set(tracker.rectsForBackBuffer()), [a, b], "previous (a) ∪ this (b)")
        tracker.frameShown()

        tracker.add([c])
        XCTAssertEqual(Set(tracker.rectsForBackBuffer()), [b, c], "a is in both buffers by now")
    }

    /// Frames that could not be shown (flip in flight, EBUSY) keep their damage for the next one.
    func testDamageOfFramesNotShownAccumulates() {
        var tracker = DamageTracker(bounds: bounds)
        tracker.add([bounds]); tracker.frameShown()
        tracker.add([]); tracker.frameShown()  // previous now empty
        let a = Rect(x: 0, y: 0, width: 10, height: 10), b = Rect(x: 40, y: 40, width: 5, height: 5)
        tracker.add([a])
        tracker.add([b])  // not shown in between
        XCTAssertTrue(tracker.hasPending)
        XCTAssertEqual(Set(tracker.rectsForBackBuffer()), [a, b])
        tracker.frameShown()
        XCTAssertFalse(tracker.hasPending)
        XCTAssertEqual(Set(tracker.rectsForBackBuffer()), [a, b], "still owed to the other buffer")
    }

    func testMergeClipsJoinsOverlapsAndCapsTheCount() {
        let merged = DamageTracker.merge(
            [Rect(x: -5, y: -5, width: 10, height: 10), Rect(x: 3, y: 3, width: 4, height: 4), Rect(x: 90, y: 90, width: 20, height: 20),
             Rect(x: 30, y: 30, width: 0, height: 5)],
            bounds: bounds)
        XCTAssertEqual(Set(merged), [Rect(x: 0, y: 0, width: 7, height: 7), Rect(x: 90, y: 90, width: 10, height: 10)])
        let many = (0..<40).map { Rect(x: $0 * 2, y: 0, width: 1, height: 1) }
        XCTAssertEqual(DamageTracker.merge(many, bounds: bounds), [Rect(x: 0, y: 0, width: 79, height: 1)])
    }

    func testInvalidateAllOwesBothBuffersTheWholeScreen() {
        var tracker = DamageTracker(bounds: bounds)
        tracker.add([bounds]); tracker.frameShown()
        tracker.add([]); tracker.frameShown()
        tracker.invalidateAll()
        XCTAssertEqual(tracker.rectsForBackBuffer(), [bounds])
        tracker.frameShown()
        XCTAssertEqual(tracker.rectsForBackBuffer(), [bounds])
    }
}
