import WallboardCore
import XCTest

/// Feed faults through the agent's engine (bytes → BoardEngine → Scene), time injected:
/// a publisher that stops, restarts, fails over, duplicates, reorders, or has the wrong clock.
final class FaultFeedTests: XCTestCase {
    private func config(_ text: String) throws -> WallboardConfig { try WallboardConfig(parsing: text, file: "test.conf") }

    func testPublisherThatStopsGoesStaleThenFeedLostAtTheConfiguredTimes() throws {
        var p = FaultPipeline(config: try config("[feed]\nstale_after = 5s\nlost_after = 20s\n"))
        var pub = FaultPublisher("acd-a", session: 0xA)
        for t in 0...10 { p.receive(try pub.next(waiting: 3), at: Double(t)) }

        // Last datagram at t=10: current until 15, stale after, FEED LOST after 30.
        let fresh = p.scene(at: 14.9)
        XCTAssertNil(p.tile(fresh, "999")?.stale)
        XCTAssertEqual(p.tile(fresh, "999")?.waiting, "3")
        XCTAssertNil(fresh.feedLost)
        XCTAssertNotNil(fresh.staff)

        let stale = p.scene(at: 15.1)
        XCTAssertNotNil(p.tile(stale, "999")?.stale, "past stale_after the tile must say its data is old")
        XCTAssertEqual(p.tile(stale, "999")?.level, .normal, "no alarm colour on old data")
        XCTAssertNil(stale.feedLost)

        XCTAssertNil(p.scene(at: 29.9).feedLost)
        let lost = p.scene(at: 30.1)
        XCTAssertNotNil(lost.feedLost, "past lost_after the board must say FEED LOST")
        XCTAssertNil(lost.staff, "staff counts are withdrawn when the feed is lost")
        XCTAssertTrue(lost.tiles.allSatisfy { $0.stale != nil })

        // And it recovers with the next datagram.
        p.receive(try pub.next(waiting: 4), at: 40)
        let back = p.scene(at: 40)
        XCTAssertNil(back.feedLost)
        XCTAssertEqual(p.tile(back, "999")?.waiting, "4")
        XCTAssertNil(p.tile(back, "999")?.stale)
    }

    func testPublisherRestartWithLowerSequenceIsAcceptedAsANewSession() throws {
        var p = FaultPipeline()
        var first = FaultPublisher("acd-a", session: 0xA)
        first.sequence = 50_000
        for t in 0..<10 { p.receive(try first.next(waiting: 7), at: Double(t)) }

        // Restart: new random session, sequence from 1, its clock later than before.
        var restarted = FaultPublisher("acd-a", session: 0xB, sent: first.sentMilliseconds + 5_000)
        guard case .apply = p.receive(try restarted.next(waiting: 2), at: 10) else {
            return XCTFail("restart refused: \(p.intake.counters)")
        }
        XCTAssertEqual(p.tile(p.scene(at: 10), "999")?.waiting, "2")
        for t in 11..<20 {
            guard case .apply = p.receive(try restarted.next(waiting: t), at: Double(t)) else {
                return XCTFail("restarted session dropped at t=\(t): \(p.intake.counters)")
            }
        }
        XCTAssertEqual(p.intake.counters[.replay], 0)
        // The old session, replayed now, is refused: it cannot displace the live one.
        var old = FaultPublisher("acd-a", session: 0xA, sent: first.sentMilliseconds)
        old.sequence = 60_000
        guard case .rejected(.replay) = p.receive(try old.next(waiting: 99), at: 20) else { return XCTFail("old session accepted") }
        XCTAssertEqual(p.tile(p.scene(at: 20), "999")?.waiting, "19")
    }

    func testRestartWithClockGoneBackIsAcceptedOnceTheOldSessionFallsSilent() throws {
        var p = FaultPipeline()
        var first = FaultPublisher("acd-a", session: 0xA)
        for t in 0..<10 { p.receive(try first.next(waiting: 7), at: Double(t)) }
        // A Pi with no RTC: the restarted publisher's clock is a day behind.
        var restarted = FaultPublisher("acd-a", session: 0xC, sent: first.sentMilliseconds - 86_400_000)
        var acceptedAt: Double?
        for step in 0..<20 {
            let t = 9.5 + Double(step) * 0.5
            if case .apply = p.receive(try restarted.next(waiting: 1), at: t), acceptedAt == nil { acceptedAt = t }
        }
        let at = try XCTUnwrap(acceptedAt, "restarted publisher dropped forever: \(p.intake.counters)")
        // Accepted within the fail-over time (1.5 × 1 s interval) of the old session's last datagram.
        XCTAssertLessThanOrEqual(at, 9 + PublisherTable.failoverTime(interval: 1) + 0.5)
        XCTAssertEqual(p.tile(p.scene(at: 20), "999")?.waiting, "1")
        // Before that, its datagrams were counted as replays, not silently lost.
        XCTAssertEqual(p.intake.counters[.replay], p.intake.counters.received - p.intake.counters.applied)
    }

    func testABFailoverShowsNoGlitch() throws {
        var p = FaultPipeline()
        var a = FaultPublisher("acd-a", session: 0xA)
        var b = FaultPublisher("acd-b", session: 0xB)
        // Both read the same ACD: second s reports s calls waiting. A stops after t = 10.
        var events: [(Double, Int, Bool)] = []  // (time, waiting, from A)
        for s in 0..<30 {
            if s <= 10 { events.append((Double(s), s, true)) }
            events.append((Double(s) + 0.5, s, false))
        }
        var next = 0
        var step = 0.0
        while step < 30 {
            while next < events.count, events[next].0 <= step {
                let (t, waiting, fromA) = events[next]
                p.receive(fromA ? try a.next(waiting: waiting) : try b.next(waiting: waiting), at: t)
                next += 1
            }
            let scene = p.scene(at: step)
            let tile = try XCTUnwrap(p.tile(scene, "999"), "t=\(step)")
            XCTAssertNil(tile.stale, "stale at t=\(step)")
            XCTAssertNil(scene.feedLost, "feed lost at t=\(step)")
            // Never behind by more than the fail-over gap: the figure keeps moving.
            let shown = try XCTUnwrap(Int(tile.waiting), "t=\(step): \(tile.waiting)")
            XCTAssertGreaterThanOrEqual(shown, Int(step) - 2, "t=\(step)")
            step += 0.25
        }
        XCTAssertEqual(p.intake.counters.failovers, 1)
        XCTAssertEqual(p.intake.activePublisher, "acd-b")
        XCTAssertEqual(p.tile(p.scene(at: 29.6), "999")?.waiting, "29")
        XCTAssertEqual(p.intake.counters.totalRejected, 0)
    }

    func testDuplicatedAndReorderedDatagramsAreEachAppliedOnce() throws {
        var p = FaultPipeline()
        var pub = FaultPublisher("acd-a", session: 0xA)
        let datagrams = try (0..<40).map { try pub.next(waiting: $0) }
        // Swap neighbours (reorder) and send each one twice (duplicate), interleaved.
        var order: [Int] = []
        for i in stride(from: 0, to: 40, by: 2) { order += [i + 1, i, i + 1] }
        for i in 0..<40 where i % 2 == 0 { order.append(i) }
        var applied = Set<Int>()
        for (n, i) in order.enumerated() {
            switch p.receive(datagrams[i], at: Double(n) * 0.1) {
            case .apply: XCTAssertTrue(applied.insert(i).inserted, "datagram \(i) applied twice")
            case .rejected(.replay): XCTAssertTrue(applied.contains(i), "datagram \(i) refused before it was applied")
            case let other: XCTFail("datagram \(i): \(other)")
            }
        }
        XCTAssertEqual(applied.count, 40)
        XCTAssertEqual(p.intake.counters.applied, 40)
        XCTAssertEqual(p.intake.counters[.replay], order.count - 40)
        // Nothing older than the 64-datagram window is ever taken.
        var ancient = FaultPublisher("acd-a", session: 0xA)
        let first = try ancient.next(waiting: 0)
        for i in 0..<100 { p.receive(try pub.next(waiting: 50), at: 10 + Double(i) * 0.01) }
        guard case .rejected(.replay) = p.receive(first, at: 12) else { return XCTFail("ancient datagram accepted") }
        XCTAssertEqual(p.tile(p.scene(at: 12), "999")?.waiting, "50")
    }

    func testPublisherClockSkewDoesNotMatter() throws {
        // One publisher's clock is in 1970, another's decades ahead: the board goes by arrival time.
        for sent: UInt64 in [0, 4_102_444_800_000 /* 2100 */] {
            var p = FaultPipeline(config: try config("[feed]\nstale_after = 6s\n"))
            var pub = FaultPublisher("acd-a", session: 0xA, sent: sent)
            p.receive(try pub.next(waiting: 2, oldest: 5), at: 100)
            // The longest wait ticks locally from arrival: 5 s at send + 4 s since = 0:09.
            let later = p.scene(at: 104)
            XCTAssertEqual(p.tile(later, "999")?.longestWait, "0:09", "sent=\(sent)")
            XCTAssertEqual(p.board.figures(for: "999", at: 104)?.longestWait ?? -1, 9, accuracy: 0.001)
            XCTAssertNil(p.tile(later, "999")?.stale, "sent=\(sent)")
            XCTAssertNotNil(p.tile(p.scene(at: 106.1), "999")?.stale, "sent=\(sent)")
            // The publisher's clock stepping back within a session changes nothing either.
            pub.sentMilliseconds = sent / 2
            guard case .apply = p.receive(try pub.next(waiting: 3, oldest: 1), at: 107) else {
                return XCTFail("clock step refused, sent=\(sent)")
            }
            XCTAssertEqual(p.tile(p.scene(at: 108), "999")?.longestWait, "0:02", "sent=\(sent)")
        }
    }
}
