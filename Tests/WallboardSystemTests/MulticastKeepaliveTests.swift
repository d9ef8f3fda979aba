import XCTest
@testable import WallboardSystem

/// When the board joins again for snooping switches: at once after silence, then at a bounded
/// rate while silent, and once a minute while the feed flows.
final class MulticastKeepaliveTests: XCTestCase {
    func testNothingIsDueBeforeTheFirstJoinOrWhileTheFeedFlows() {
        var k = MulticastKeepalive()
        XCTAssertNil(k.due(now: 100))
        k.joined(at: 0)
        for t in stride(from: 0.5, through: 59.5, by: 0.5) {
            k.heard(at: t)
            XCTAssertNil(k.due(now: t + 0.4), "at \(t)")
        }
    }

    func testSilenceAfterTheFeedFlowedRefreshesAtOnceThenEveryTenSeconds() {
        var k = MulticastKeepalive()
        k.joined(at: 50)
        k.heard(at: 100)  // the snooping switch prunes the port right after this datagram
        XCTAssertNil(k.due(now: 102.9))
        XCTAssertEqual(k.due(now: 103), .silent(seconds: 3))
        k.joined(at: 103)
        // Still silent (the publisher is down): not again for ten seconds.
        XCTAssertNil(k.due(now: 112.9))
        XCTAssertEqual(k.due(now: 113), .silent(seconds: 13))
        k.joined(at: 113)
        XCTAssertNil(k.due(now: 122.9))
        // The feed is back: the next refresh is the routine one, a minute after the last join.
        k.heard(at: 120)
        XCTAssertNil(k.due(now: 122.9))
        for t in stride(from: 121.0, to: 173, by: 1) { k.heard(at: t) }
        XCTAssertEqual(k.due(now: 173), .periodic(seconds: 60))
    }

    func testNoFeedAtAllIsRetriedAtTheBoundedRate() {
        var k = MulticastKeepalive()
        k.joined(at: 0)
        XCTAssertNil(k.due(now: 9.9))
        XCTAssertEqual(k.due(now: 10), .silent(seconds: 10))
        XCTAssertEqual(MulticastKeepalive.Reason.silent(seconds: 10.7).description, "no datagram for 10 s")
        XCTAssertEqual(MulticastKeepalive.Reason.periodic(seconds: 60).description, "60 s since the last membership report")
    }

    /// At most one refresh per ten seconds of silence, whatever the tick rate: an hour with no
    /// publisher costs at most 360 re-joins (each two small reports).
    func testRefreshesPerHourOfSilenceAreBounded() {
        var k = MulticastKeepalive()
        k.joined(at: 0)
        k.heard(at: 0.5)
        var refreshes = 0
        for tick in 1...36_000 {
            let now = Double(tick) / 10
            if k.due(now: now) != nil {
                refreshes += 1
                k.joined(at: now)
            }
        }
        XCTAssertEqual(refreshes, 360)
    }
}
