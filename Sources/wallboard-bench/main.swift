import WallboardSystem

// Benchmarks, run in release: `swift run -c release wallboard-bench NAME`.
// Each benchmark lives in its own file and registers one line below.
var benchmarks: [String: () throws -> Void] = [:]

// feed (decode + verify + apply):
benchmarks["feed"] = FeedBenchmark.run

// render (full frame, typical update):
benchmarks["render"] = RenderBenchmark.run

// latency (datagram → presented frame):
benchmarks["latency"] = LatencyBenchmark.run

// agent (CPU, memory):
benchmarks["agent"] = AgentBenchmark.run

// pi (the agent in a Raspberry Pi 3's budget: cgroup of 10 % of a core and 256 MB; root):
benchmarks["pi"] = PiBenchmark.run

// board (apply + alarms + scene, config parse):
benchmarks["board"] = BoardBenchmark.run

// config (parse + validate: valid file, mistakes, garbage):
benchmarks["config"] = ConfigBenchmark.run

// proof (typical update end to end; for callgrind):
benchmarks["update"] = UpdateBenchmark.run
benchmarks["update-callgrind"] = UpdateBenchmark.callgrind
benchmarks["soak"] = SoakBenchmark.run

// asterisk (the Asterisk bridge's cost per poll; asterisk-allocs for Deploy/bench/asterisk-allocs.sh):
benchmarks["asterisk"] = AsteriskBenchmark.run
benchmarks["asterisk-allocs"] = AsteriskBenchmark.allocations

// simulator (simulated day: time and realism figures):
benchmarks["simulator"] = SimulatorBenchmark.run

let help = """
    wallboard-bench — Wallboard's benchmarks (build with -c release).

    Usage: wallboard-bench NAME...   (one or more of: \(benchmarks.keys.sorted().joined(separator: ", ")))
    """

CommandLineTool.main(name: "wallboard-bench", help: help) { arguments in
    var names: [String] = []
    while let name = arguments.next() { names.append(name) }
    try arguments.finish()
    guard !names.isEmpty else { throw UsageError("name a benchmark: \(benchmarks.keys.sorted())") }
    for name in names {
        guard let run = benchmarks[name] else { throw UsageError("unknown benchmark '\(name)'") }
        try run()
    }
    return 0
}
