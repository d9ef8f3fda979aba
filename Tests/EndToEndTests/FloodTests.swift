import Foundation
import WallboardCore
import WallboardSystem
import XCTest

/// 100,000+ datagrams a second of garbage, then of well-formed but unsigned datagrams, at a running
/// agent with a key configured, over real multicast on loopback. The agent must keep drawing
/// (frames keep coming, the clock ticks), take the genuine publisher's datagrams between the junk,
/// count what it dropped by reason, and keep its memory flat. Bounded: a few seconds per phase.
final class FloodTests: XCTestCase {
    /// Sends `pool` round-robin as fast as it can for `seconds`, plus one genuine signed datagram
    /// every half second. Returns datagrams sent.
    final class Flooder: @unchecked Sendable {
        let sender: MulticastSender
        var genuine: FeedPublisher
        var sent = 0
        var genuineSent = 0
        init(sender: MulticastSender, key: FeedKey) {
            self.sender = sender
            genuine = FeedPublisher(publisher: "acd-a", session: 0xF100D, interval: 0.5, key: key)
        }

        func genuineDatagram(waiting: Int) throws -> [UInt8] {
            let q = QueueReport(id: "999", name: "999", waiting: waiting, longestWait: 3, offered: 10, answered: 9)
            return try genuine.datagrams(queues: [q], staff: [], sentAtMilliseconds: UInt64(Date().timeIntervalSince1970 * 1000))[0]
        }

        func flood(_ pool: [[UInt8]], seconds: Double, genuine: Bool = true) throws {
            let start = Date()
            var nextGenuine = 0.0
            var i = 0
            while true {
                // Check the clock every 256 sends only: the loop itself must be cheap.
                if i & 255 == 0 {
                    let elapsed = Date().timeIntervalSince(start)
                    if elapsed >= seconds { break }
                    if genuine, elapsed >= nextGenuine {
                        try? sender.send(try genuineDatagram(waiting: 100 + genuineSent))
                        genuineSent += 1
                        nextGenuine += 0.5
                    }
                }
                // Loopback delivery drops silently when the agent's buffer is full; never an error here.
                try? sender.send(pool[i % pool.count])
                i += 1
            }
            sent += i
        }
    }

    static func garbagePool() -> [[UInt8]] {
        var rng = SystemRandomNumberGenerator()
        var pool: [[UInt8]] = (0..<200).map { _ in
            (0..<Int.random(in: 1...600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
        // Near misses too: a real header with junk after, a future version, oversize.
        pool.append(Array("WB 1 pub=x session=1 seq=1 sent=0\nQ id=999 waiting=-1\n".utf8))
        pool.append(Array("WB 9 pub=x session=1 seq=1 sent=0\n".utf8))
        pool.append(Array(repeating: UInt8(ascii: "A"), count: 1500))
        return pool
    }

    static func unsignedPool() throws -> [[UInt8]] {
        let encoder = FeedEncoder()
        return try (0..<200).map { i in
            try encoder.encode(FeedMessage(
                publisher: "spoof-\(i % 7)", session: UInt64(i), sequence: UInt64(i), sentAtMilliseconds: 0,
                queues: [QueueReport(id: "999", name: "999", waiting: 999, longestWait: 999)]))
        }
    }

    func testAgentKeepsDrawingUnderAFloodAndCountsTheDrops() throws {
        let agent = try FaultAgent()
        try agent.start()
        defer { agent.stop() }
        let flooder = Flooder(sender: try agent.sender(), key: agent.key)

        // Warm up: a genuine datagram, a few frames, then the memory baseline.
        try flooder.sender.send(try flooder.genuineDatagram(waiting: 1))
        usleep(1_500_000)
        let before = try agent.status()
        let rssBefore = agent.rssKilobytes()
        XCTAssertGreaterThan(rssBefore, 0)

        // Flood on a background thread; watch the agent from here.
        let phase = 2.5
        let pools = [Self.garbagePool(), try Self.unsignedPool()]
        let done = DispatchSemaphore(value: 0)
        let started = Date()
        // Two sending threads (the kernel does loopback delivery inside sendto, so one thread of a
        // debug build cannot reach the rate alone); the second sends the same pools without genuine ones.
        // On a shared machine more threads also win more of the CPU against other processes.
        let helpers = [Flooder(sender: try agent.sender(), key: agent.key), Flooder(sender: try agent.sender(), key: agent.key)]
        let helperDone = DispatchSemaphore(value: 0)
        for helper in helpers {
            Thread.detachNewThread {
                for pool in pools { try? helper.flood(pool, seconds: phase, genuine: false) }
                helperDone.signal()
            }
        }
        Thread.detachNewThread {
            for pool in pools { try? flooder.flood(pool, seconds: phase) }
            for _ in helpers { helperDone.wait() }
            done.signal()
        }
        var samples: [(frames: Int, uptime: Double, rss: Int)] = []
        while done.wait(timeout: .now() + 0.5) == .timedOut {
            XCTAssertTrue(agent.process?.isRunning ?? false, "agent died under the flood: \(agent.stderr)")
            if let s = try? agent.status() { samples.append((s.framesDrawn, s.uptimeSeconds, agent.rssKilobytes())) }
        }
        let floodSeconds = Date().timeIntervalSince(started)
        let totalSent = flooder.sent + helpers.reduce(0) { $0 + $1.sent }
        let rate = Double(totalSent) / floodSeconds

        // Recovery: the genuine publisher's next datagram shows at once.
        // (After the agent has drained the backlog: a datagram sent into a still-full socket buffer is
        // dropped by the kernel, which is the flood working, not the agent failing. Three tries.)
        usleep(500_000)
        for _ in 0..<3 {
            try flooder.sender.send(try flooder.genuineDatagram(waiting: 7))
            usleep(300_000)
        }
        usleep(300_000)
        let after = try agent.status()
        let rssAfter = agent.rssKilobytes()
        print("flood: \(totalSent) datagrams in \(String(format: "%.1f", floodSeconds)) s = \(Int(rate))/s; "
            + "rejected \(after.drops), overflowed \(after.datagrams.receiveBufferDrops); frames \(before.framesDrawn) → \(after.framesDrawn); "
            + "RSS \(rssBefore) → \(rssAfter) kB (peak \(samples.map(\.rss).max() ?? 0)); status answered \(samples.count)×")

        XCTAssertTrue(agent.process?.isRunning ?? false, "agent died: \(agent.stderr)")
        // The aim is 100,000+/s (reached on this machine when it is not building: 217,000/s). The
        // sender shares 2 cores with the agent and whatever else runs, so the hard floor is lower;
        // below it the test proves too little and fails.
        XCTAssertGreaterThanOrEqual(rate, 50_000, "the flood was too slow to prove anything")
        if rate < 100_000 { print("flood: note: \(Int(rate))/s is under the 100,000/s aim (machine busy)") }
        // Kept drawing: the clock ticks once a second, so at least one frame per second of flood.
        XCTAssertGreaterThanOrEqual(after.framesDrawn - before.framesDrawn, Int(floodSeconds) - 1)
        XCTAssertGreaterThanOrEqual(samples.count, Int(floodSeconds), "control socket stopped answering under the flood")
        XCTAssertGreaterThan(after.uptimeSeconds - before.uptimeSeconds, floodSeconds - 0.5)
        // Counted what it dropped (rejected by reason, or discarded by the kernel); never more than was sent.
        func dropped(_ s: AgentStatus) -> Int { s.drops.values.reduce(0, +) + s.datagrams.receiveBufferDrops }
        let droppedInFlood = dropped(after) - dropped(before)
        XCTAssertGreaterThan(after.drops["unsigned", default: 0], 0, "\(after.drops)")
        XCTAssertGreaterThan(after.drops["malformed", default: 0], 0, "\(after.drops)")
        XCTAssertGreaterThan(droppedInFlood, 10_000, "\(after.drops)")
        XCTAssertLessThanOrEqual(droppedInFlood, totalSent + 10)
        // The genuine publisher got through, and no spoofed publisher was ever taken.
        let acd = try XCTUnwrap(after.publishers.first { $0.id == "acd-a" }, "\(after.publishers)")
        XCTAssertGreaterThanOrEqual(acd.accepted, 2)
        XCTAssertLessThan(try XCTUnwrap(acd.lastSeenSecondsAgo), 2)
        XCTAssertFalse(after.publishers.contains { $0.id.hasPrefix("spoof") }, "\(after.publishers)")
        // Memory flat: 4 MB of slack for allocator noise against hundreds of thousands of datagrams.
        let peak = max(rssAfter, samples.map(\.rss).max() ?? 0)
        XCTAssertLessThan(peak - rssBefore, 4096, "RSS grew from \(rssBefore) kB to \(peak) kB under the flood")
    }
}
