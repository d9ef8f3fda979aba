#if canImport(Glibc)
import Glibc
#endif
import Foundation
import WallboardCore
import WallboardSystem

/// What the Pi benchmark sends the agent over real loopback multicast: the genuine publisher (the
/// simulated floor's signed datagrams, once a second) and a flood of forged ones — well-formed,
/// floor-sized, signed under the board's key id and the genuine publisher's name, but with the
/// wrong secret, so each costs the board a full decode and HMAC before it is refused. Both run on
/// threads of their own (outside the cgroup) and stop by themselves: bounded in time and count.
///
/// `@unchecked Sendable` is sound because its threads write the counts with `lock` held, `stop()`
/// and the stop check take it too, and the benchmark reads the counts only after the flood's
/// completion has been signalled (a semaphore, which orders those reads after the writes).
final class PiFeed: @unchecked Sendable {
    let endpoint: MulticastEndpoint
    let key: FeedKey
    private let lock = NSLock()
    private var stopping = false
    private(set) var genuineSent = 0
    private(set) var forgedSent = 0
    /// How long the flood ran, seconds.
    private(set) var floodSeconds = 0.0

    init(endpoint: MulticastEndpoint, key: FeedKey) {
        self.endpoint = endpoint
        self.key = key
    }

    private var stopped: Bool { lock.withLock { stopping } }

    func stop() { lock.withLock { stopping = true } }

    /// One second of the simulated floor per wall second, from 10:00:00, until `stop()`.
    func startGenuine() throws {
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        Thread.detachNewThread { [self] in
            var simulator = FloorSimulator(seed: 42, startSecondsOfDay: Double(UpdateBenchmark.simulatedStart))
            var publisher = FeedPublisher(publisher: "acd-a", session: 0x5eed, interval: 1, floor: simulator.floorName, key: key)
            let start = AgentBenchmark.monotonic()
            var second = 0
            while !stopped {
                simulator.advance(to: Double(second))
                let (queues, staff) = simulator.reports()
                let sentAt = UInt64(Date().timeIntervalSince1970 * 1000)
                for datagram in (try? publisher.datagrams(queues: queues, staff: staff, sentAtMilliseconds: sentAt)) ?? [] {
                    if (try? sender.send(datagram)) != nil { lock.withLock { genuineSent += 1 } }
                }
                second += 1
                let wait = start + Double(second) - AgentBenchmark.monotonic()
                if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
            }
        }
    }

    /// Forged datagrams at `rate` per second for at most `seconds` (and at most rate × seconds of
    /// them), paced in 1 ms steps. Calls `done` when finished.
    func startFlood(rate: Int, seconds: Double, done: @escaping @Sendable () -> Void) throws {
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        let pool = try PiFeed.forgedPool(keyID: key.id)
        let limit = Int(Double(rate) * seconds)
        Thread.detachNewThread { [self] in
            let start = AgentBenchmark.monotonic()
            var sent = 0
            while sent < limit && !stopped {
                let elapsed = AgentBenchmark.monotonic() - start
                if elapsed >= seconds { break }
                let due = min(limit, Int(elapsed * Double(rate)))
                if sent >= due {
                    usleep(1000)
                    continue
                }
                while sent < due {
                    // Loopback delivery drops silently when the board's buffer is full; never an error here.
                    try? sender.send(pool[sent % pool.count])
                    sent += 1
                }
                lock.withLock { forgedSent = sent }
            }
            let elapsed = AgentBenchmark.monotonic() - start
            lock.withLock {
                forgedSent = sent
                floodSeconds = elapsed
            }
            done()
        }
    }

    /// Distinct forged datagrams (each its own sequence number), made before the flood starts.
    static func forgedPool(keyID: String) throws -> [[UInt8]] {
        let forger = FeedKey(id: keyID, secret: Array("not-the-board-key".utf8))
        var simulator = FloorSimulator(seed: 7, startSecondsOfDay: Double(UpdateBenchmark.simulatedStart))
        var publisher = FeedPublisher(publisher: "acd-a", session: 0x5eed, interval: 1, floor: simulator.floorName, key: forger)
        simulator.advance(to: 60)
        let (queues, staff) = simulator.reports()
        var pool: [[UInt8]] = []
        while pool.count < 2000 {
            pool += try publisher.datagrams(queues: queues, staff: staff, sentAtMilliseconds: UInt64(Date().timeIntervalSince1970 * 1000))
        }
        return pool
    }
}
