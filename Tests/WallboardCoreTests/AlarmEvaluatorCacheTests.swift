import XCTest
@testable import WallboardCore

/// The evaluator caches each queue's resolved thresholds and each alarm's reason text: every change
/// of figures, config, reported target or time must still reach the alarms, exactly as an evaluator
/// without the caches computes them.
final class AlarmEvaluatorCacheTests: XCTestCase {
    /// A seeded pick, so a failure repeats.
    func pick(_ random: inout SimulationRandom, _ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    func testCachedAlarmsEqualUncachedOnesOverARandomWalk() {
        var random = SimulationRandom(seed: 7)
        var configs = [AlarmDefaults.queue("999"), AlarmDefaults.queue("CRIME")]
        var tuned = QueueConfig(id: "999", target: 20)
        tuned.thresholds = [
            .waiting: Threshold(amber: 3, red: 6, hysteresis: 1, dwell: 2),
            .serviceLevel: Threshold(amber: 90, red: 80, direction: .lowerIsWorse, hysteresis: 2, dwell: 3),
            .longestWait: Threshold(amber: 15, red: 40, hysteresis: 3, dwell: 1),
            .extra("silent"): Threshold(amber: 1, red: 3, dwell: 0),
        ]
        configs.append(tuned)
        var lower = tuned
        lower.thresholds[.waiting] = Threshold(amber: 2, red: 4, dwell: 0)
        configs.append(lower)
        var evaluator = AlarmEvaluator()
        var reasons = Set<String>()
        for step in 0..<3000 {
            let now = Double(step) * 0.7
            let config = configs[pick(&random, 0...(configs.count - 1))]
            let waiting = pick(&random, 0...9)
            let figures = QueueFigures(
                waiting: waiting, longestWait: waiting > 0 ? Double(pick(&random, 0...90)) + 0.5 : 0,
                serviceLevel: pick(&random, 0...5) == 0 ? nil : Double(pick(&random, 700...1000)) / 10,
                abandonmentRate: Double(pick(&random, 0...80)) / 10,
                averageSpeedOfAnswer: Double(pick(&random, 0...30)),
                targetSeconds: [nil, 10, 30, 300][pick(&random, 0...3)],
                extras: pick(&random, 0...1) == 0 ? [] : [ExtraFigure(name: "silent", value: Double(pick(&random, 0...4)))])
            var reference = evaluator.withoutCaches()
            let expected = reference.evaluate(queue: "999", figures: figures, config: config, at: now)
            let got = evaluator.evaluate(queue: "999", figures: figures, config: config, at: now)
            XCTAssertEqual(got, expected, "step \(step)")
            for metric in Metric.standard + [.extra("silent")] {
                XCTAssertEqual(evaluator.shownLevel(queue: "999", metric: metric), reference.shownLevel(queue: "999", metric: metric))
            }
            if let reason = got.reason { reasons.insert(reason) }
        }
        XCTAssertGreaterThan(reasons.count, 100, "the walk went through many different reasons")
        XCTAssertTrue(reasons.contains { $0.contains(", WAS ") }, "and through held levels")
    }

    /// The board's evaluation resolves each queue's settings once: a config whose queues differ
    /// (same ids, other limits, a label) must reach every queue's alarms on its first frame.
    func testChangedQueueSettingsReachTheBoardsAlarmsOnTheirFirstFrame() throws {
        var simulator = FloorSimulator(seed: 3, startSecondsOfDay: 10 * 3600)
        var publisher = FeedPublisher(publisher: "acd-a", session: 1, interval: 1, floor: simulator.floorName)
        var engine = BoardEngine(startedAt: 0)
        let configs = [
            WallboardConfig(),
            try WallboardConfig(parsing: "[queue \"999\"]\nlabel = Hot\n[queue \"101\"]\nasa.amber = 1s\nasa.red = 2s\nasa.dwell = 0s\n"),
            try WallboardConfig(parsing: "[queue \"999\"]\nlabel = Hot\n[queue \"101\"]\nasa.amber = 500s\nasa.red = 900s\nasa.dwell = 0s\n"),
        ]
        var evaluator = AlarmEvaluator()
        var levels: Set<AlarmLevel> = []
        for t in 0..<180 {
            let now = Double(t)
            simulator.advance(to: now)
            let (queues, staff) = simulator.reports()
            for datagram in try publisher.datagrams(queues: queues, staff: staff, sentAtMilliseconds: UInt64(t) * 1000) {
                engine.receive(bytes: datagram, from: "test", now: now)
            }
            let config = configs[t / 7 % configs.count]
            var reference = evaluator.withoutCaches()
            let expected = reference.evaluate(board: engine.board, config: config, at: now)
            XCTAssertEqual(evaluator.evaluate(board: engine.board, config: config, at: now), expected, "second \(t)")
            if t > 10 { levels.insert(expected.queue("101").metrics[.averageSpeedOfAnswer]?.level ?? .normal) }
        }
        XCTAssertTrue(levels.isSuperset(of: [.normal, .red]), "the configs changed what 101's ASA alarm shows: \(levels)")
    }

    func testAChangedLimitOrTargetReachesTheReasonAtOnce() {
        var evaluator = AlarmEvaluator()
        var config = QueueConfig(id: "q")
        config.thresholds = [.waiting: Threshold(amber: 5, red: 10, dwell: 0)]
        let figures = QueueFigures(waiting: 7, longestWait: 0)
        XCTAssertEqual(evaluator.evaluate(queue: "q", figures: figures, config: config, at: 0).reason, "WAITING 7 > 5")
        config.thresholds[.waiting]?.amber = 6
        XCTAssertEqual(evaluator.evaluate(queue: "q", figures: figures, config: config, at: 1).reason, "WAITING 7 > 6")
        config.thresholds[.waiting]?.direction = .lowerIsWorse
        config.thresholds[.waiting]?.amber = 8
        config.thresholds[.waiting]?.red = 4
        XCTAssertEqual(evaluator.evaluate(queue: "q", figures: figures, config: config, at: 2).reason, "WAITING 7 < 8")
        // A target-derived longest wait follows the target the feed reports, frame by frame.
        let waitingLong = QueueFigures(waiting: 1, longestWait: 45, targetSeconds: 30)
        let crime = AlarmDefaults.queue("CRIME")
        XCTAssertEqual(evaluator.evaluate(queue: "c", figures: waitingLong, config: crime, at: 0).reason, "LONGEST WAIT 0:45 > 0:30")
        var longerTarget = waitingLong
        longerTarget.targetSeconds = 40
        XCTAssertEqual(evaluator.evaluate(queue: "c", figures: longerTarget, config: crime, at: 1).reason, "LONGEST WAIT 0:45 > 0:40")
    }

    func testMetricAlarmsActLikeADictionary() {
        let a = MetricAlarm(metric: .waiting, level: .red, value: 9)
        let b = MetricAlarm(metric: .longestWait, level: .amber, value: 31)
        var alarms: MetricAlarms = [.waiting: a, .longestWait: b]
        XCTAssertEqual(alarms, [.longestWait: b, .waiting: a], "order does not matter")
        XCTAssertNotEqual(alarms, [.waiting: a])
        XCTAssertEqual(alarms[.longestWait], b)
        alarms[.waiting] = b
        XCTAssertEqual(alarms[.waiting], b)
        XCTAssertEqual(alarms.count, 2)
        alarms[.waiting] = nil
        XCTAssertNil(alarms[.waiting])
        XCTAssertEqual(alarms.values, [b])
        alarms[.extra("x")] = nil
        XCTAssertEqual(alarms.count, 1)
    }
}
