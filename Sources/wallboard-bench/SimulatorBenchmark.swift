#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// `wallboard-bench simulator`: how long a simulated 24 h takes (one jump, the fast-replay case,
/// and in 2-second publisher ticks), and the day's realism figures over many seeds — the numbers
/// quoted in the README and checked loosely by FloorSimulatorRealismTests.
enum SimulatorBenchmark {
    static let seeds: [UInt64] = Array(1...30)

    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func run() throws {
        var figures: [(name: String, values: [Double])] = []
        func add(_ name: String, _ value: Double) {
            if let i = figures.firstIndex(where: { $0.name == name }) {
                figures[i].values.append(value)
            } else {
                figures.append((name, [value]))
            }
        }
        var jump = 0.0, build = 0.0
        for seed in seeds {
            let t0 = seconds()
            var sim = FloorSimulator(seed: seed, startSecondsOfDay: 0)  // includes the 4 h warm-up
            let t1 = seconds()
            sim.advance(to: 86_399)  // 00:00 → 23:59:59 in one jump
            let t2 = seconds()
            build += t1 - t0
            jump += t2 - t1
            for q in sim.reports().queues {
                let offered = Double(max(q.offered ?? 0, 1))
                add("\(q.id) offered", offered)
                add("\(q.id) service level %", 100 * Double(q.answeredWithinTarget ?? 0) / offered)
                add("\(q.id) abandoned %", 100 * Double(q.abandoned ?? 0) / offered)
                add("\(q.id) ASA s", q.averageSpeedOfAnswer ?? 0)
            }
        }
        let n = Double(seeds.count)
        print("simulator: 24 h in one jump: \(fixed(jump / n * 1000, 2)) ms; construction (4 h warm-up): \(fixed(build / n * 1000, 2)) ms (mean of \(seeds.count) seeds)")

        // A publisher ticking every 2 s for a day: advance + reports each tick.
        var sim = FloorSimulator(seed: 1, startSecondsOfDay: 0)
        var checksum = 0
        let t0 = seconds()
        for tick in 1...43_200 {
            sim.advance(to: Double(tick) * 2)
            let r = sim.reports()
            checksum &+= r.queues[0].waiting &+ r.staff[0].total
        }
        let ticking = seconds() - t0
        print("simulator: 24 h in 43,200 ticks of 2 s (advance + reports): \(fixed(ticking * 1000, 1)) ms, \(fixed(ticking / 43_200 * 1e6, 2)) µs per tick (checksum \(checksum))")

        print("simulator: whole-day figures, 00:00–23:59:59, mean [min .. max] over \(seeds.count) seeds:")
        for (name, values) in figures {
            let mean = values.reduce(0, +) / Double(values.count)
            let label = name + String(repeating: " ", count: max(0, 22 - name.count))
            print("  \(label) \(fixed(mean, 1))  [\(fixed(values.min() ?? 0, 1)) .. \(fixed(values.max() ?? 0, 1))]")
        }
    }

    static func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        var digits = places > 0 ? String(fraction) : ""
        while digits.count < places { digits = "0" + digits }
        return (value < 0 ? "-" : "") + "\(whole)" + (places > 0 ? ".\(digits)" : "")
    }
}
