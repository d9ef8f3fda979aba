import WallboardCore
import WallboardSystem

/// Feed throughput on one core: signed datagrams through `BoardEngine.receive` — decode + HMAC
/// verify + publisher table (replay window, A/B) + board apply + freshness — the agent's whole
/// per-datagram path.
/// Run: `swift run -c release wallboard-bench feed`.
enum FeedBenchmark {
    static func run() throws {
        let key = FeedKey(id: "k1", secret: Array("benchmark-key-32-bytes-long.....".utf8))
        var simulator = FloorSimulator(seed: 1, startSecondsOfDay: 10 * 3600)
        simulator.advance(to: 60)
        let floor = simulator.reports()
        let small = [QueueReport(id: "999", name: "999 Emergency", waiting: 3, longestWait: 12.5, offered: 412,
                                 answered: 398, abandoned: 9, answeredWithinTarget: 371, targetSeconds: 10,
                                 averageSpeedOfAnswer: 6.2)]
        print("feed: one thread; rates per CPU-second of this process (the VM is shared), wall-clock in brackets")
        try measure("signed, simulated floor (4 queues, 5 staff lines)", key: key, queues: floor.queues, staff: floor.staff)
        try measure("signed, one queue", key: key, queues: small, staff: [])
        try measure("unsigned, simulated floor", key: nil, queues: floor.queues, staff: floor.staff)
        try decodeOnly("decode only (no key, no intake), simulated floor", queues: floor.queues, staff: floor.staff)
        sha256Throughput()
    }

    /// Pre-encodes a pool of datagrams, then feeds them through a fresh engine per pass
    /// (fresh so sequence numbers are new to the replay window) until two seconds have passed.
    static func measure(_ label: String, key: FeedKey?, queues: [QueueReport], staff: [StaffReport]) throws {
        var publisher = FeedPublisher(publisher: "bench", session: 42, interval: 2, floor: "Bench Floor", key: key)
        var pool: [[UInt8]] = []
        for i in 0..<4096 {
            pool += try publisher.datagrams(queues: queues, staff: staff, sentAtMilliseconds: UInt64(i))
        }
        let bytes = pool.reduce(0) { $0 + $1.count } / pool.count
        let clock = SystemClock()
        var done = 0
        let cpuStart = SystemClock.processCPUSeconds()
        let start = clock.now()
        var now = start
        while now - start < 2 {
            var engine = BoardEngine(keys: key.map { [$0] } ?? [], startedAt: 0)
            for (i, d) in pool.enumerated() {
                let t = Double(i) * 0.001
                guard case .apply = engine.receive(bytes: d, from: "bench", now: t) else {
                    throw BenchmarkFailure("datagram \(i) was not applied: \(engine.intake.counters)")
                }
            }
            done += pool.count
            now = clock.now()
            if engine.board.silence(at: 0) < 0 { print("") }  // keep `engine` observable to the optimiser
        }
        report("\(label), \(bytes) bytes", "decode+verify+apply", done, wall: now - start, cpu: SystemClock.processCPUSeconds() - cpuStart)
    }

    /// The decoder alone, for the breakdown.
    static func decodeOnly(_ label: String, queues: [QueueReport], staff: [StaffReport]) throws {
        var publisher = FeedPublisher(publisher: "bench", session: 42, interval: 2, floor: "Bench Floor")
        let pool = try (0..<1024).flatMap { try publisher.datagrams(queues: queues, staff: staff, sentAtMilliseconds: UInt64($0)) }
        let decoder = FeedDecoder()
        let clock = SystemClock()
        let cpuStart = SystemClock.processCPUSeconds()
        let start = clock.now()
        var done = 0, sink = 0
        while clock.now() - start < 2 {
            for d in pool { sink &+= try decoder.decode(d).queues.count }
            done += pool.count
        }
        report(label + " [\(sink & 1)]", "decodes", done, wall: clock.now() - start, cpu: SystemClock.processCPUSeconds() - cpuStart)
    }

    static func report(_ label: String, _ what: String, _ count: Int, wall: Double, cpu: Double) {
        let rate = Double(count) / cpu
        print("feed: \(label): \(group(Int(rate))) \(what)/s per CPU-second (\(fixed(1e6 / rate, 2)) µs each) "
            + "[\(group(Int(Double(count) / wall)))/s wall; \(count) in \(fixed(wall, 2)) s, \(fixed(cpu, 2)) s CPU]")
    }

    static func sha256Throughput() {
        let data = [UInt8](repeating: 0x5a, count: 1 << 20)
        let start = SystemClock.processCPUSeconds()
        var n = 0
        var sink: UInt32 = 0
        while SystemClock.processCPUSeconds() - start < 1 {
            sink ^= SHA256.hash(data).words[0]
            n += 1
        }
        let seconds = SystemClock.processCPUSeconds() - start
        print("feed: SHA-256 \(fixed(Double(n) / seconds, 1)) MB per CPU-second (1 MiB buffers) [\(sink & 1)]")
    }

    static func fixed(_ v: Double, _ places: Int) -> String {
        var p = 1.0
        for _ in 0..<places { p *= 10 }
        let scaled = Int((v * p).rounded())
        let whole = scaled / Int(p), frac = String(scaled % Int(p))
        return places == 0 ? "\(whole)" : "\(whole)." + String(repeating: "0", count: places - frac.count) + frac
    }

    static func group(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
