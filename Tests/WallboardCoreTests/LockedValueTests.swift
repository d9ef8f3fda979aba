import Dispatch
import XCTest

@testable import WallboardCore

final class LockedValueTests: XCTestCase {
    /// Eight threads, 100 000 increments: every one counted (no lost update, no torn read).
    func testConcurrentUpdatesAreNeverLost() {
        let counter = LockedValue(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<12_500 { counter.withLock { $0 += 1 } }
        }
        XCTAssertEqual(counter.value, 100_000)
    }

    /// A copy of the box shares the one mutex and value (the storage is a reference that never moves).
    func testCopiesShareOneValue() {
        let a = LockedValue([1])
        let b = a
        b.withLock { $0.append(2) }
        XCTAssertEqual(a.value, [1, 2])
    }

    /// The value's own deinit runs when the box goes (ManagedBuffer destroys the header).
    func testTheValueIsReleasedWithTheBox() {
        final class Tracked { let gone: () -> Void; init(_ gone: @escaping () -> Void) { self.gone = gone }; deinit { gone() } }
        var released = false
        do { _ = LockedValue(Tracked { released = true }) }
        XCTAssertTrue(released)
    }

    func testManualClockIsSafeAcrossThreads() {
        let clock = ManualClock(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in for _ in 0..<1000 { clock.advance(0.5) } }
        XCTAssertEqual(clock.now(), 2000)
    }
}
