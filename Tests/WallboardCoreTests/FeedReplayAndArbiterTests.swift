import XCTest
@testable import WallboardCore

final class FeedReplayAndArbiterTests: XCTestCase {
    func testSequenceWindowSlides() {
        var w = SequenceWindow(first: 100)
        XCTAssertFalse(w.accept(100), "duplicate")
        XCTAssertTrue(w.accept(102))
        XCTAssertTrue(w.accept(101), "late but inside the window")
        XCTAssertFalse(w.accept(101))
        XCTAssertTrue(w.accept(102 + 63))
        XCTAssertFalse(w.accept(101), "now 64 behind: outside the window")
        XCTAssertTrue(w.accept(103), "63 behind and unseen")
        XCTAssertTrue(w.accept(10_000), "a big jump forward")
        XCTAssertFalse(w.accept(10_000 - 64))
        XCTAssertTrue(w.accept(10_000 - 63))
        XCTAssertEqual(w.highest, 10_000)
    }

    func testReplayWindowPerPublisherAndSession() {
        var r = PublisherTable(failoverAfter: 5)
        func admit(_ pub: String, _ session: UInt64, _ seq: UInt64, sent: UInt64, at now: Double) -> FeedError? {
            r.replayError(FeedMessage(publisher: pub, session: session, sequence: seq, sentAtMilliseconds: sent), now: now)
        }
        XCTAssertNil(admit("a", 1, 10, sent: 1000, at: 0))
        XCTAssertEqual(admit("a", 1, 10, sent: 1000, at: 0.1)?.reason, .replay)
        XCTAssertNil(admit("b", 1, 10, sent: 1000, at: 0.2), "another publisher has its own window")
        XCTAssertNil(admit("a", 1, 11, sent: 3000, at: 2))
        // A recording of an older session, replayed while the live one talks: rejected.
        XCTAssertEqual(admit("a", 99, 500, sent: 900, at: 2.5)?.reason, .replay)
        // The publisher restarts: new session, later 'sent', accepted at once from any sequence.
        XCTAssertNil(admit("a", 2, 1, sent: 5000, at: 4))
        XCTAssertEqual(r.session(of: "a"), 2)
        // The old session is now retired for good, even after silence.
        XCTAssertEqual(admit("a", 1, 12, sent: 9_999_999, at: 4.5)?.reason, .replay)
        // A publisher whose clock went backwards gets in after the current session falls silent.
        XCTAssertEqual(admit("a", 3, 1, sent: 10, at: 6)?.reason, .replay)
        XCTAssertNil(admit("a", 3, 2, sent: 10, at: 9.5))
        XCTAssertEqual(r.session(of: "a"), 3)
    }

    func testReplayWindowMemoryIsBounded() {
        var r = PublisherTable(failoverAfter: 5, maximumPublishers: 8)
        for i in 0..<10_000 {
            _ = r.replayError(FeedMessage(publisher: "forged-\(i)", session: UInt64(i), sequence: 1, sentAtMilliseconds: 0),
                              now: Double(i))
        }
        XCTAssertEqual(r.count, 8)
        XCTAssertNotNil(r.session(of: "forged-9999"), "the most recent are kept")
        XCTAssertNil(r.session(of: "forged-0"))
    }

    func testArbiterFollowsOneFailsOverOnSilenceAndDoesNotFlap() {
        var a = PublisherTable()  // interval 2 s → fail-over after 3 s of silence
        XCTAssertEqual(try a.admit(publisher: "A", interval: 2, now: 0), .follow)
        XCTAssertEqual(try a.admit(publisher: "B", interval: 2, now: 0.3), .standby)
        XCTAssertEqual(try a.admit(publisher: "A", interval: 2, now: 2), .follow)
        XCTAssertEqual(try a.admit(publisher: "B", interval: 2, now: 2.3), .standby)
        XCTAssertEqual(try a.admit(publisher: "B", interval: 2, now: 4.9), .standby, "A silent 2.9 s: not yet")
        XCTAssertEqual(try a.admit(publisher: "B", interval: 2, now: 5.3), .failover(from: "A"))
        XCTAssertEqual(a.active, "B")
        XCTAssertEqual(try a.admit(publisher: "A", interval: 2, now: 6), .standby, "A is back but B talks: no flap")
        XCTAssertEqual(try a.admit(publisher: "B", interval: 2, now: 7.3), .follow)
        XCTAssertEqual(PublisherTable.failoverTime(interval: nil), 3)
        XCTAssertEqual(PublisherTable.failoverTime(interval: 0.2), 1)
        XCTAssertEqual(PublisherTable(failoverAfter: 1).failoverAfter("x"), 1)
    }

    func testArbiterMemoryIsBoundedAndKeepsTheActive() throws {
        var a = PublisherTable(maximumPublishers: 4)
        XCTAssertEqual(try a.admit(publisher: "real", interval: 2, now: 0), .follow)
        for i in 0..<1000 { _ = try a.admit(publisher: "junk-\(i)", interval: 2, now: 1) }
        XCTAssertEqual(a.active, "real")
        XCTAssertEqual(try a.admit(publisher: "real", interval: 2, now: 2), .follow)
    }
}

extension PublisherTable {
    /// The replay rules' verdict on one verified datagram (nil: admitted).
    mutating func replayError(_ message: FeedMessage, now: Double) -> FeedError? {
        do {
            _ = try admit(message, keyID: nil, now: now)
            return nil
        } catch { return error }
    }

    /// The arbiter's verdict on the next datagram of `publisher` (session 1), declaring `interval`.
    /// A replay error here is a test failure, never mistaken for a verdict (XCTAssertEqual reports it).
    mutating func admit(publisher: String, interval: Double?, now: Double) throws -> Decision {
        let sequence = (self[publisher]?.window.highest ?? 0) + 1
        let message = FeedMessage(publisher: publisher, session: 1, sequence: sequence, sentAtMilliseconds: 0, interval: interval)
        return try admit(message, keyID: nil, now: now)
    }

    func session(of publisher: String) -> UInt64? { self[publisher]?.session }
}
