import WallboardCore
import WallboardSystem

/// `simulate`: publishes the simulated UK police control-room floor (`FloorSimulator`) every
/// interval, as a real publisher would: absolute state, fresh session, signed when keyed.
enum SimulateCommand {
    static let help = """
        simulate options:
          --seed N           the same seed plays the same floor (default: random)
          --start HH:MM      time of day the floor starts at (default: now, local time)
          --speed N          simulated seconds per real second (default 1)
          --duration SECS    stop after this many real seconds (default: run until stopped)
        """

    static func run(_ a: inout Arguments) throws -> Int32 {
        let seed = try a.option("--seed", as: { UInt64($0) }, expected: "a whole number") ?? UInt64.random(in: 0...UInt64.max)
        let start = try a.option("--start", as: parseClock, expected: "a time of day HH:MM")
        let speed = try a.option("--speed", as: { Double($0) }, expected: "a number above 0") ?? 1
        guard speed > 0, speed.isFinite, speed <= 100_000 else { throw UsageError("--speed: must be above 0 (at most 100000)") }
        let duration = try a.option("--duration", as: { Double($0) }, expected: "a number of seconds")
        var options = try PublishOptions.parse(&a)
        try a.finish()

        var simulator = FloorSimulator(
            seed: seed, startSecondsOfDay: start ?? Double(SystemClock.wallTime().secondsOfDay))
        var incidents = IncidentSimulator(seed: seed)
        if options.floor == nil { options.floor = simulator.floorName }
        let sender = try options.makeSender()
        var publisher = options.makePublisher()
        CommandLineTool.printError(
            "wallboard-publish: simulating '\(simulator.floorName)' (seed \(seed), \(speed)× real time) to \(sender.destinationDescription)")
        let clock = SystemClock()
        let began = clock.now()
        var next = began
        while true {
            let elapsed = clock.now() - began
            if let duration, elapsed >= duration { return 0 }
            simulator.advance(to: elapsed * speed)
            incidents.advance(to: elapsed * speed)
            let r = simulator.reports()
            for d in try publisher.datagrams(
                queues: r.queues, staff: r.staff, handlers: simulator.handlerReports(), incidents: incidents.reports(),
                sentAtMilliseconds: wallMilliseconds()) {
                try sender.send(d)
            }
            next += options.interval
            sleepSeconds(min(next, duration.map { began + $0 } ?? next) - clock.now())
        }
    }

    /// "HH:MM" → seconds since midnight.
    static func parseClock(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return Double(h * 3600 + m * 60)
    }
}
