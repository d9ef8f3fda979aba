#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender
import WallboardSystem

/// `wallboard-bench soak`: 24 simulated hours of the UK police floor through everything the agent
/// does except the socket and the screen — signed datagrams every 2 s → the agent's `BoardPipeline`
/// (engine, then painter at 1920×1080) once a simulated second — as fast as the CPU allows, with the
/// process RSS sampled every simulated hour. Prints the samples and the growth after the first hour.
/// (Deploy/bench/soak.sh runs it; SoakTests is the short in-test version.)
enum SoakBenchmark {
    static func rssKilobytes() -> Int {
        guard let f = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, 256, f) != nil {
            let text = String(cString: line)
            if text.hasPrefix("VmRSS:") { return Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0 }
        }
        return 0
    }

    static func run() throws {
        let hours = Int(FontLocator.environment("WALLBOARD_SOAK_HOURS") ?? "") ?? 24
        let key = UpdateBenchmark.key
        var simulator = FloorSimulator(seed: 7, startSecondsOfDay: 0)
        var publisher = FeedPublisher(publisher: "acd-a", session: 1, interval: 2, floor: simulator.floorName, key: key)
        let pipeline = try BoardPipeline(config: WallboardConfig(), keys: [key], width: 1920, height: 1080, now: 0)
        var samples: [Int] = []
        var damaged = 0
        let start = BoardBenchmark.seconds()
        for second in 0..<(hours * 3600) {
            let now = Double(second)
            if second % 2 == 0 {
                simulator.advance(to: now)
                let (queues, staff) = simulator.reports()
                for d in try publisher.datagrams(queues: queues, staff: staff, sentAtMilliseconds: UInt64(second) * 1000) {
                    pipeline.engine.receive(bytes: d, from: "soak", now: now)
                }
            }
            pipeline.engine.tick(now: now + 0.005)
            let scene = pipeline.scene(now: now + 0.01, wallTime: WallTime(secondsOfDay: second), banner: nil)
            for r in pipeline.paint(scene, now: now + 0.01) ?? [] { damaged &+= r.width * r.height }
            if second % 3600 == 3599 { samples.append(rssKilobytes()) }
        }
        let elapsed = BoardBenchmark.seconds() - start
        let growth = (samples.last ?? 0) - (samples.first ?? 0)
        print("soak: \(hours) simulated hours in \(Int(elapsed)) s (\(Int(Double(hours * 3600) / elapsed))× real time); "
            + "\(pipeline.engine.intake.counters.applied) datagrams applied, \(hours * 3600) frames painted")
        print("soak: RSS per hour (kB): \(samples.map(String.init).joined(separator: " "))")
        print("soak: RSS growth after the first hour: \(growth) kB")
    }
}
