import XCTest
@testable import WallboardCore

/// The intake as the agent uses it: decode + verify + replay + A/B, counted by reason.
final class FeedIntakeTests: XCTestCase {
    func testSignedFeedCountsEveryReason() throws {
        var intake = FeedIntake(keys: [FeedSamples.key])
        let signer = FeedEncoder(key: FeedSamples.key)
        let good = try signer.encode(FeedSamples.message(sequence: 1))
        XCTAssertEqual(intake.receive(good, now: 0), .apply(FeedSamples.message(sequence: 1)))
        XCTAssertEqual(intake.receive(good, now: 0.1), .rejected(.replay(
            "publisher 'acd-a' session 5f2a seq 1 seen before or too old")))
        _ = intake.receive(try FeedEncoder().encode(FeedSamples.message(sequence: 2)), now: 0.2)
        _ = intake.receive(try FeedEncoder(key: FeedKey(id: "k1", secret: [1])).encode(FeedSamples.message(sequence: 3)), now: 0.3)
        _ = intake.receive(try FeedEncoder(key: FeedKey(id: "k9", secret: [1])).encode(FeedSamples.message(sequence: 3)), now: 0.35)
        _ = intake.receive(Array("garbage".utf8), now: 0.4)
        _ = intake.receive([UInt8](repeating: 0x41, count: 1401), now: 0.5)
        _ = intake.receive(Array("WB 7 pub=x".utf8), now: 0.6)
        // A forged datagram with a fresh sequence number does not disturb the real session.
        XCTAssertEqual(intake.receive(try signer.encode(FeedSamples.message(sequence: 2)), now: 0.7),
                       .apply(FeedSamples.message(sequence: 2)))
        let c = intake.counters
        XCTAssertEqual(c.received, 9)
        XCTAssertEqual(c.applied, 2)
        for reason in FeedError.Reason.allCases { XCTAssertEqual(c[reason], 1, "\(reason)") }
        XCTAssertEqual(c.totalRejected, 7)
        XCTAssertEqual(c.description, "received 9, applied 2 (0 heartbeats), standby 0, failovers 0, rejected 7 "
            + "(too large 1, malformed 1, unknown version 1, unsigned 1, unknown key id 1, bad signature 1, replay 1)")
    }

    func testABFailoverWithoutAGap() throws {
        var intake = FeedIntake(keys: [FeedSamples.key])
        var a = FeedPublisher(publisher: "acd-a", session: 0xa, interval: 1, key: FeedSamples.key)
        var b = FeedPublisher(publisher: "acd-b", session: 0xb, interval: 1, key: FeedSamples.key)
        var applied: [(Double, String)] = []
        let snapshot = FeedSamples.message()
        // Both publish every second, B a little later; A dies at t=10.
        for tick in 0..<20 {
            let t = Double(tick)
            if tick < 10 {
                for d in try a.datagrams(queues: snapshot.queues, staff: snapshot.staff, sentAtMilliseconds: UInt64(tick) * 1000) {
                    if case .apply(let m) = intake.receive(d, now: t) { applied.append((t, m.publisher)) }
                }
            }
            for d in try b.datagrams(queues: snapshot.queues, staff: snapshot.staff, sentAtMilliseconds: UInt64(tick) * 1000) {
                if case .apply(let m) = intake.receive(d, now: t + 0.2) { applied.append((t + 0.2, m.publisher)) }
            }
        }
        XCTAssertEqual(applied.filter { $0.1 == "acd-a" }.count, 10)
        XCTAssertEqual(applied.first { $0.1 == "acd-b" }?.0, 11.2, "B takes over once A is 1.5 intervals silent")
        // The longest time without an applied datagram stays below a 3 s stale threshold.
        let gaps = zip(applied.dropFirst(), applied).map { $0.0 - $1.0 }
        XCTAssertLessThan(gaps.max() ?? 99, 3)
        XCTAssertEqual(intake.counters.failovers, 1)
        XCTAssertEqual(intake.counters.standby, 11)
        XCTAssertEqual(intake.activePublisher, "acd-b")
    }

    func testUnsignedFeedStillDeduplicatesAndCountsHeartbeats() throws {
        var intake = FeedIntake()
        var p = FeedPublisher(publisher: "p", session: 1, interval: 2)
        let hb = try p.heartbeat(sentAtMilliseconds: 0)
        XCTAssertEqual(intake.receive(hb, now: 0), .apply(FeedMessage(publisher: "p", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2)))
        XCTAssertEqual(intake.receive(hb, now: 0)[keyPath: \.isRejected], true)
        XCTAssertEqual(intake.counters.heartbeats, 1)
        XCTAssertEqual(intake.counters[.replay], 1)
    }
}

extension FeedIntake.Outcome {
    var isRejected: Bool {
        if case .rejected = self { return true }
        return false
    }
}
