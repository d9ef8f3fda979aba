#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender
import WallboardSystem

/// `wallboard-bench update` and `update-callgrind`: one *typical update* as the agent does it once a
/// second with a live feed — the simulated UK police floor's signed datagram(s) for that second go
/// through the agent's own `BoardPipeline`: the engine (decode, HMAC verify, publisher table, board,
/// the tick's staleness, alarms, scene) and the head's painter, which repaints what changed into a
/// 1920×1080 canvas.
/// The datagrams are made beforehand (publishing is not the board's cost) and the first full frame
/// is painted before measuring.
///
/// `update-callgrind` is for `valgrind --tool=callgrind --collect-atstart=no
/// --toggle-collect='*measuredUpdates*'` (Deploy/bench/callgrind.sh): instructions per update,
/// a figure that does not move with the machine's load.
enum UpdateBenchmark {
    static let key = FeedKey(id: "floor1", secret: Array("benchmark-key".utf8))
    /// The simulated floor starts at 10:00:00 (a busy morning) whenever the benchmark runs, and the
    /// header clock shows the same simulated time: the figure must not depend on when it is taken.
    static let simulatedStart = 10 * 3600

    struct Fixture {
        let pipeline: BoardPipeline
        /// Per simulated second, the datagrams that arrived in it.
        var seconds: [[[UInt8]]]
        var damagedPixels = 0
    }

    static func fixture(updates: Int, width: Int = 1920, height: Int = 1080) throws -> Fixture {
        var simulator = FloorSimulator(seed: 42, startSecondsOfDay: Double(simulatedStart))
        var publisher = FeedPublisher(publisher: "acd-a", session: 0x5eed, interval: 1, floor: simulator.floorName, key: key)
        var seconds: [[[UInt8]]] = []
        // One extra second for the first (full) frame.
        for s in 0...updates {
            simulator.advance(to: Double(s))
            let (queues, staff) = simulator.reports()
            seconds.append(try publisher.datagrams(
                queues: queues, staff: staff, sentAtMilliseconds: UInt64(1_763_740_800_000 + s * 1000)))
        }
        // No burn-in shift: its full repaint every 5 minutes is not the typical update measured here.
        var config = WallboardConfig()
        config.display.burnInShift = nil
        var fixture = Fixture(
            pipeline: try BoardPipeline(config: config, keys: [key], width: width, height: height, now: 0),
            seconds: seconds)
        step(&fixture, 0)
        // The first frame is a full one (the whole canvas), not a typical update: not counted.
        fixture.damagedPixels = 0
        return fixture
    }

    @inline(__always) static func step(_ f: inout Fixture, _ s: Int) {
        let now = Double(s)
        for datagram in f.seconds[s] { f.pipeline.engine.receive(bytes: datagram, from: "bench", now: now) }
        f.pipeline.engine.tick(now: now + 0.005)
        let scene = f.pipeline.scene(now: now + 0.01, wallTime: WallTime(secondsOfDay: simulatedStart + s), banner: nil)
        for rect in f.pipeline.paint(scene, now: now + 0.01) ?? [] { f.damagedPixels += rect.width * rect.height }
    }

    /// The measured region (named so callgrind can toggle collection on it).
    @inline(never) static func measuredUpdates(_ f: inout Fixture, count: Int) {
        for s in 1...count { step(&f, s) }
    }

    static func run() throws {
        let count = 600
        var f = try fixture(updates: count)
        let start = BoardBenchmark.seconds(), cpuStart = cpuSeconds()
        measuredUpdates(&f, count: count)
        let per = (BoardBenchmark.seconds() - start) / Double(count)
        let cpuPer = (cpuSeconds() - cpuStart) / Double(count)
        let applied = f.pipeline.engine.intake.counters.applied
        print("update: typical update (signed datagram → intake → board → scene → paint damage, 1920×1080): "
            + "\(format1(cpuPer * 1e6)) µs CPU (\(format1(per * 1e6)) µs wall) per update over \(count) simulated seconds; "
            + "\(applied) datagrams applied, \(f.damagedPixels / count) damaged px per update")
    }

    static func callgrind() throws {
        let count = 100
        var f = try fixture(updates: count)
        measuredUpdates(&f, count: count)
        print("update-callgrind: \(count) updates measured (divide callgrind's Ir by \(count)); "
            + "\(f.pipeline.engine.intake.counters.applied) datagrams applied, \(f.damagedPixels / count) damaged px per update, "
            + "\(f.damagedPixels) damaged px in all")
    }

    /// CPU time of this thread: on a shared machine, wall time measures the neighbours too.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func format1(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
