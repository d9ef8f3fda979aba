import XCTest
@testable import WallboardCore

final class AlarmEvaluatorTests: XCTestCase {
    /// Drives one metric through a sequence of (time, value) with an injected clock and returns the
    /// levels shown.
    func levels(_ threshold: Threshold, metric: Metric = .longestWait, _ samples: [(Double, Double)]) -> [AlarmLevel] {
        var evaluator = AlarmEvaluator()
        let clock = ManualClock()
        return samples.map { t, value in
            clock.set(t)
            return evaluator.evaluate(key: .init(queue: "q", metric: metric), value: value, threshold: threshold, at: clock.now()).level
        }
    }

    func testLimitsAreTheLastAcceptableValueInEitherDirection() {
        let wait = Threshold(amber: 20, red: 30, direction: .higherIsWorse, hysteresis: 0, dwell: 0)
        XCTAssertEqual(levels(wait, [(0, 20), (1, 20.9), (2, 21), (3, 30), (4, 31)]), [.normal, .normal, .amber, .amber, .red])
        let sl = Threshold(amber: 95, red: 90, direction: .lowerIsWorse, hysteresis: 0, dwell: 0)
        XCTAssertEqual(levels(sl, metric: .serviceLevel, [(0, 95), (1, 94.9), (2, 90), (3, 89.99)]), [.normal, .amber, .amber, .red])
    }

    func testWorseShowsAtOnceButBetterWaitsForDwell() {
        let t = Threshold(amber: 20, red: 30, direction: .higherIsWorse, hysteresis: 0, dwell: 10)
        // Red at 31 s at once; back under 20 at t=1 but must hold 10 s before normal shows.
        XCTAssertEqual(
            levels(t, [(0, 31), (1, 5), (5, 5), (10.9, 5), (11, 5), (12, 5)]),
            [.red, .red, .red, .red, .normal, .normal])
    }

    func testDwellRestartsWhenTheValueBouncesBack() {
        let t = Threshold(amber: 20, red: 30, direction: .higherIsWorse, hysteresis: 0, dwell: 10)
        XCTAssertEqual(
            levels(t, [(0, 31), (1, 5), (8, 31), (9, 5), (15, 5), (18.9, 5), (19, 5)]),
            [.red, .red, .red, .red, .red, .red, .normal])
    }

    func testDwellStepsDownThroughTheLevelDeservedAtTheEnd() {
        let t = Threshold(amber: 20, red: 30, direction: .higherIsWorse, hysteresis: 0, dwell: 10)
        // Better than red since t=1 (amber, then normal): after 10 s it shows what is deserved then.
        XCTAssertEqual(levels(t, [(0, 31), (1, 25), (6, 10), (11, 10)]), [.red, .red, .red, .normal])
    }

    func testHysteresisHoldsALevelUntilTheValueIsClearlyBetter() {
        let t = Threshold(amber: 20, red: 30, direction: .higherIsWorse, hysteresis: 5, dwell: 0)
        XCTAssertEqual(
            levels(t, [(0, 31), (1, 29), (2, 26), (3, 25), (4, 21), (5, 16), (6, 15), (7, 29)]),
            [.red, .red, .red, .amber, .amber, .amber, .normal, .amber])
        let sl = Threshold(amber: nil, red: 90, direction: .lowerIsWorse, hysteresis: 2, dwell: 0)
        XCTAssertEqual(levels(sl, metric: .serviceLevel, [(0, 89), (1, 91), (2, 92), (3, 90)]), [.red, .red, .normal, .normal])
    }

    func testAHoveringValueDoesNotFlicker() {
        let t = Threshold(amber: 20, red: 30, direction: .higherIsWorse, hysteresis: 1, dwell: 5)
        let samples = (0..<40).map { i in (Double(i), i % 2 == 0 ? 30.0 : 31.0) }
        let shown = levels(t, samples)
        XCTAssertEqual(shown.first, .amber)
        XCTAssertTrue(shown.dropFirst().allSatisfy { $0 == .red }, "\(shown)")
    }

    func testWorstMetricDrivesTheQueueWithAReasonInWords() throws {
        var q = QueueConfig(id: "999")
        q.thresholds = [
            .longestWait: Threshold(amber: 20, red: 30, dwell: 0),
            .waiting: Threshold(amber: 5, red: 10, dwell: 0),
            .serviceLevel: Threshold(amber: 95, red: 90, direction: .lowerIsWorse, dwell: 0),
            .extra("silent"): Threshold(amber: 1, red: 3, dwell: 0),
        ]
        var evaluator = AlarmEvaluator()
        let figures = QueueFigures(waiting: 7, longestWait: 42.8, serviceLevel: 89.6, extras: [ExtraFigure(name: "silent", value: 2)])
        let alarm = evaluator.evaluate(queue: "999", figures: figures, config: q, at: 0)
        XCTAssertEqual(alarm.level, .red)
        XCTAssertEqual(alarm.driver?.metric, .longestWait, "ties go to longest wait")
        XCTAssertEqual(alarm.reason, "LONGEST WAIT 0:42 > 0:30")
        XCTAssertEqual(alarm.metrics[.serviceLevel]?.reason, "SERVICE LEVEL 89% < 90%")
        XCTAssertEqual(alarm.metrics[.waiting]?.reason, "WAITING 7 > 5")
        XCTAssertEqual(alarm.level(of: .extra("silent")), .amber)
        XCTAssertEqual(alarm.metrics[.extra("silent")]?.reason, "SILENT 2 > 1")

        let calmer = QueueFigures(waiting: 12, longestWait: 10, serviceLevel: 99)
        let second = evaluator.evaluate(queue: "999", figures: calmer, config: q, at: 1)
        XCTAssertEqual(second.driver?.metric, .waiting)
        XCTAssertEqual(second.reason, "WAITING 12 > 10")
    }

    func testAReasonHeldByHysteresisSaysWhatItWas() {
        var evaluator = AlarmEvaluator()
        let t = Threshold(amber: nil, red: 30, hysteresis: 5, dwell: 0)
        _ = evaluator.evaluate(key: .init(queue: "q", metric: .longestWait), value: 31, threshold: t, at: 0)
        let held = evaluator.evaluate(key: .init(queue: "q", metric: .longestWait), value: 27, threshold: t, at: 1)
        XCTAssertEqual(held.level, .red)
        XCTAssertEqual(held.reason, "LONGEST WAIT 0:27, WAS > 0:30")
    }

    func testUnknownValuesAndStaleQueuesRaiseNothing() {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(publisher: "a", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2, queues: [
            QueueReport(id: "999", name: "999", waiting: 3, longestWait: 40, offered: 0, answered: 0, abandoned: 0, answeredWithinTarget: 0),
        ]), at: 0)
        var evaluator = AlarmEvaluator()
        let config = WallboardConfig()
        let now = evaluator.evaluate(board: board, config: config, at: 1)
        XCTAssertEqual(now.queue("999").level, .red)
        XCTAssertEqual(now.queue("999").reason, "LONGEST WAIT 0:41 > 0:20")
        XCTAssertNil(now.queue("999").metrics[.serviceLevel], "0 offered: no service level, so no alarm on it")
        let stale = evaluator.evaluate(board: board, config: config, at: 7)
        XCTAssertEqual(stale.queue("999").level, .normal, "stale data raises no alarm; the tile says NO DATA instead")
        XCTAssertEqual(evaluator.shownLevel(queue: "999", metric: .longestWait), .normal)
    }

    func testFloorStaffAlarm() {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(publisher: "a", session: 1, sequence: 1, sentAtMilliseconds: 0, staff: [
            StaffReport(available: 0, onCall: 12, wrapUp: 1, onBreak: 2),
        ]), at: 0)
        var config = WallboardConfig()
        config.staff.available = Threshold(amber: 3, red: 1, direction: .lowerIsWorse, dwell: 0)
        var evaluator = AlarmEvaluator()
        let alarms = evaluator.evaluate(board: board, config: config, at: 1)
        XCTAssertEqual(alarms.staff?.level, .red)
        XCTAssertEqual(alarms.staff?.reason, "AVAILABLE 0 < 1")
        XCTAssertEqual(alarms.worst, .red)
    }
}

/// A board that cries wolf is lying too: a queue without built-in limits takes its longest-wait
/// limits from its own service-level target.
final class TargetDerivedLimitsTests: XCTestCase {
    func online(longestWait: Double, target: Double?) -> QueueFigures {
        QueueFigures(waiting: 3, longestWait: longestWait, targetSeconds: target)
    }

    func testAThirtyMinuteTargetIsNotInBreachAtTenMinutes() {
        var evaluator = AlarmEvaluator()
        let config = WallboardConfig()
        let calm = evaluator.evaluate(queue: "ONLINE", figures: online(longestWait: 598, target: 1800), config: config.queue("ONLINE"), at: 0)
        XCTAssertEqual(calm.level, .normal, "9:58 against a 30-minute target")
        let amber = evaluator.evaluate(queue: "ONLINE", figures: online(longestWait: 1801, target: 1800), config: config.queue("ONLINE"), at: 1)
        XCTAssertEqual(amber.level, .amber)
        XCTAssertEqual(amber.reason, "LONGEST WAIT 30:01 > 30:00")
        let red = evaluator.evaluate(queue: "ONLINE", figures: online(longestWait: 3601, target: 1800), config: config.queue("ONLINE"), at: 2)
        XCTAssertEqual(red.level, .red)
        XCTAssertEqual(red.reason, "LONGEST WAIT 1:00:01 > 1:00:00")
    }

    func testTheConfiguredTargetWinsAndConfiguredLimitsWinOverBoth() throws {
        let config = try WallboardConfig(parsing: """
            [queue "crime"]
            target = 10m
            [queue "web"]
            target = 10m
            longest_wait.amber = 1m
            longest_wait.red = 3m
            """)
        XCTAssertEqual(config.queue("crime").threshold(.longestWait, reportedTarget: 30)?.amber, 600)
        XCTAssertEqual(config.queue("crime").threshold(.longestWait, reportedTarget: 30)?.red, 1200)
        XCTAssertEqual(config.queue("web").threshold(.longestWait, reportedTarget: 30)?.red, 180)
    }

    /// Found last session: a `[queue]` section that tunes only how calmly the longest-wait alarm
    /// moves (its dwell, hysteresis, or the section's `dwell`) lost the target-derived limits, so a
    /// caller could wait an hour past target on a calm tile. Only an `amber`/`red` line replaces them.
    func testTuningOnlyDwellKeepsTheTargetDerivedLimits() throws {
        let config = try WallboardConfig(parsing: """
            [queue "crime"]
            target = 5m
            longest_wait.dwell = 30s
            [queue "web"]
            target = 10m
            longest_wait.hysteresis = 20s
            [queue "online"]
            dwell = 1m
            [queue "quiet"]
            longest_wait.amber = off
            longest_wait.red = off
            [incident "immediate/rural"]
            target = 20m
            oldest.dwell = 45s
            """)
        let incident = try XCTUnwrap(config.incident("immediate/rural").threshold(.oldestUnresourced), "an incident too")
        XCTAssertEqual(incident.amber, 600)
        XCTAssertEqual(incident.red, 1200)
        XCTAssertEqual(incident.dwell, 45)
        let crime = try XCTUnwrap(config.queue("crime").threshold(.longestWait), "no longest-wait alarm at all")
        XCTAssertEqual(crime.amber, 300)
        XCTAssertEqual(crime.red, 600)
        XCTAssertEqual(crime.dwell, 30, "the dwell written is kept")
        let web = try XCTUnwrap(config.queue("web").threshold(.longestWait))
        XCTAssertEqual(web.red, 1200)
        XCTAssertEqual(web.hysteresis, 20)
        let onlineDesk = try XCTUnwrap(config.queue("online").threshold(.longestWait, reportedTarget: 1800))
        XCTAssertEqual(onlineDesk.amber, 1800, "the feed's target still drives the limits")
        XCTAssertEqual(onlineDesk.dwell, 60, "the section's dwell reaches the derived alarm too")
        XCTAssertNil(config.queue("quiet").threshold(.longestWait), "both limits written off: no alarm, as written")

        var evaluator = AlarmEvaluator()
        let late = evaluator.evaluate(
            queue: "crime", figures: online(longestWait: 601, target: nil), config: config.queue("crime"), at: 0)
        XCTAssertEqual(late.level, .red, "a caller past twice the target never leaves the tile calm")
        XCTAssertEqual(late.reason, "LONGEST WAIT 10:01 > 10:00")
        // What `wallboardctl thresholds` prints is what the alarm uses, and reads back the same.
        let listed = config.queue("crime").resolved(reportedTarget: nil)
        XCTAssertEqual(listed.threshold(.longestWait), crime)
        let reread = try WallboardConfig(parsing: ConfigText.queue(listed).joined(separator: "\n"))
        XCTAssertEqual(reread.queue("crime").threshold(.longestWait), crime)
    }

    func testNoTargetKeepsTheFlatLimitsAndTheUKQueuesKeepTheirOwn() {
        let config = WallboardConfig()
        XCTAssertEqual(config.queue("misc").threshold(.longestWait)?.amber, 120)
        XCTAssertEqual(config.queue("misc").threshold(.longestWait)?.red, 300)
        XCTAssertEqual(config.queue("999").threshold(.longestWait, reportedTarget: 10)?.red, 20)
        XCTAssertEqual(config.queue("101").threshold(.longestWait, reportedTarget: 30)?.red, 120)
    }

    /// What `Deploy/dev run` shows over a whole simulated day, a minute at a time: the online desk
    /// (30-minute target, waits of tens of minutes) is never in breach, and the crime desk (5-minute
    /// target) is in breach for part of the day only, when its waits pass ten minutes.
    func testTheBuiltInFloorDoesNotCryWolf() {
        var sim = FloorSimulator(seed: 7, startSecondsOfDay: 0)
        var board = BoardState(startedAt: 0)
        var evaluator = AlarmEvaluator()
        let config = WallboardConfig()
        var breachMinutes: [String: Int] = [:], minutes = 0
        for (sequence, t) in stride(from: 0, to: 86_400, by: 60).enumerated() {
            sim.advance(to: Double(t))
            board.apply(FeedMessage(
                publisher: "sim", session: 1, sequence: UInt64(sequence + 1), sentAtMilliseconds: 0, interval: 2, floor: nil,
                queues: sim.reports().queues, staff: []), at: Double(t))
            let alarms = evaluator.evaluate(board: board, config: config, at: Double(t))
            minutes += 1
            for id in ["CRIME", "ONLINE"] where alarms.queue(id).metrics[.longestWait]?.level == .red { breachMinutes[id, default: 0] += 1 }
        }
        XCTAssertEqual(breachMinutes["ONLINE", default: 0], 0, "a 30-minute target is not breached by waits of minutes")
        XCTAssertGreaterThan(breachMinutes["CRIME", default: 0], 0, "the crime desk's long waits still raise the alarm")
        XCTAssertLessThan(breachMinutes["CRIME", default: 0], minutes / 2)
    }

    /// What `Deploy/dev run` shows: every simulated desk is judged against its own target.
    func testTheBuiltInFloorsLimitsFollowEachQueuesTarget() {
        let config = WallboardConfig()
        for q in FloorConfiguration.ukPoliceControlRoom.queues {
            let limit = config.queue(q.id).threshold(.longestWait, reportedTarget: q.targetSeconds)
            XCTAssertGreaterThanOrEqual(limit?.amber ?? 0, q.targetSeconds, q.id)
        }
    }
}
