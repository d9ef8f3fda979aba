import XCTest
@testable import WallboardCore

/// The engine builds each scene with its `SceneMemo`; every frame must equal the scene built from
/// the same board, alarms and config with no memo at all, through every input the memo keys on:
/// ticking figures, changed counters and extras, staleness and FEED LOST, relabelled queues,
/// changed limits, the night profile, a queue left off the board, acknowledgements.
final class SceneMemoTests: XCTestCase {
    func testEveryFrameEqualsTheSceneBuiltWithoutAMemo() throws {
        var simulator = FloorSimulator(seed: 11, startSecondsOfDay: 10 * 3600)
        var publisher = FeedPublisher(publisher: "acd-a", session: 1, interval: 1, floor: simulator.floorName)
        var engine = BoardEngine(startedAt: 0)
        let relabelled = try WallboardConfig(parsing: """
            [board]
            night = 19:00-07:00
            [queue "999"]
            label = Emergency
            waiting.amber = 1
            waiting.red = 3
            waiting.red@night = 2
            [queue "CRIME"]
            target = 60s
            extra.silent_calls.amber = 2
            """)
        var leftOut = relabelled
        leftOut.board.queues = ["999", "101"]
        var changedTiles = 0
        var last: Scene?
        for t in 0..<900 {
            let now = Double(t)
            simulator.advance(to: now)
            var (queues, staff) = simulator.reports()
            if (400..<440).contains(t) { queues.removeAll { $0.id == "CRIME" } }  // CRIME alone goes stale
            if (450..<520).contains(t) {
                for i in queues.indices { queues[i].extras = [ExtraFigure(name: "silent_calls", value: Double(t / 7 % 5))] }
            }
            if !(200..<260).contains(t) {  // a silence long enough for FEED LOST
                for datagram in try publisher.datagrams(queues: queues, staff: staff, sentAtMilliseconds: UInt64(t) * 1000) {
                    engine.receive(bytes: datagram, from: "test", now: now)
                }
            }
            switch t {
            case 300: engine.apply(config: relabelled)
            case 500: engine.thresholdProfile = .night
            case 560: engine.thresholdProfile = .day
            case 600: engine.apply(config: leftOut)
            case 700: engine.apply(config: relabelled)
            default: break
            }
            if t % 50 == 25 { _ = engine.acknowledge(nil, by: "alice", now: now, wallTime: WallTime(secondsOfDay: 36_000 + t)) }
            let wall = WallTime(secondsOfDay: 36_000 + t)
            let frame = now + 0.01
            let scene = engine.scene(now: frame, wallTime: wall)
            var expected = SceneBuilder(config: engine.config.thresholds(for: engine.thresholdProfile)).build(
                board: engine.board, alarms: engine.alarms, now: frame, wallTime: wall, feed: engine.feedHealth(now: frame),
                freshness: engine.freshness, acknowledgements: engine.bell.acknowledgements, health: engine.health,
                views: engine.headViews)
            expected.thresholdsMarker = engine.thresholdProfile.marker
            XCTAssertEqual(scene, expected, "second \(t)")
            if let last, last.tiles.map(\.figures) != scene.tiles.map(\.figures) { changedTiles += 1 }
            last = scene
        }
        XCTAssertGreaterThan(changedTiles, 50, "the small figures changed often along the way")
    }

    func testHistoriesWithTheSameCallsWaitingAreTheSameAndAnyChangeOfThemTellsThemApart() {
        var a = QueueHistory()
        var b = QueueHistory()
        for t in stride(from: 0.0, to: 600, by: 7) {
            a.record(waiting: Int(t) % 9, longestWait: t, at: t)
            b.record(waiting: Int(t) % 9, longestWait: t, at: t)
        }
        XCTAssertTrue(a.hasSameWaiting(as: b))
        var longer = b
        longer.record(waiting: 0, longestWait: 900, at: 599)  // only the longest wait grew
        XCTAssertTrue(a.hasSameWaiting(as: longer))
        XCTAssertEqual(a.waiting(at: 599), longer.waiting(at: 599))
        var c = b
        c.record(waiting: 0, longestWait: 600, at: 600)  // a new minute
        XCTAssertFalse(a.hasSameWaiting(as: c))
        var d = b
        d.record(waiting: 99, longestWait: 1, at: 599)  // a higher peak in the last minute
        XCTAssertFalse(a.hasSameWaiting(as: d))
        XCTAssertTrue(QueueHistory().hasSameWaiting(as: QueueHistory()))
    }

    func testMatchingInputsInPlaceAgreesWithComparingKeys() {
        var random = SimulationRandom(seed: 5)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let configs = [AlarmDefaults.queue("999"), AlarmDefaults.queue("101"), QueueConfig(id: "x", label: "X"), QueueConfig(id: "x", target: 20)]
        func inputs() -> (QueueFigures, QueueConfig, QueueAlarm) {
            let f = QueueFigures(
                waiting: pick(3), longestWait: Double(pick(3)), serviceLevel: [nil, 90, 95][pick(3)],
                abandonmentRate: [nil, 1.5][pick(2)], averageSpeedOfAnswer: [nil, 7][pick(2)], targetSeconds: [nil, 10][pick(2)],
                availableStaff: [nil, 2][pick(2)], period: [nil, "since 00:00"][pick(2)],
                extras: [[], [ExtraFigure(name: "s", value: Double(pick(2)))]][pick(2)])
            var alarm = QueueAlarm()
            for metric in [Metric.serviceLevel, .abandoned, .averageSpeedOfAnswer, .availableStaff, .extra("s")] where pick(3) == 0 {
                alarm.metrics[metric] = MetricAlarm(metric: metric, level: [.amber, .red][pick(2)], value: 1)
            }
            return (f, configs[pick(configs.count)], alarm)
        }
        var matched = 0
        for _ in 0..<20_000 {
            let (f, q, a) = inputs()
            let (g, r, b) = pick(2) == 0 ? (f, q, a) : inputs()
            let key = SmallFiguresInputs(f, q, a)
            XCTAssertEqual(key.matches(g, r, b), key == SmallFiguresInputs(g, r, b))
            if key.matches(g, r, b) { matched += 1 }
        }
        XCTAssertGreaterThan(matched, 5000)
        XCTAssertLessThan(matched, 15_000)
    }
}
