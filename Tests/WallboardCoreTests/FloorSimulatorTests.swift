import XCTest
@testable import WallboardCore

/// Behaviour of the pure floor simulator: determinism, bookkeeping invariants, the period reset.
final class FloorSimulatorTests: XCTestCase {
    func testSameSeedPlaysTheSameFloorAndAnotherSeedDoesNot() {
        var a = FloorSimulator(seed: 42, startSecondsOfDay: 8 * 3600)
        var b = FloorSimulator(seed: 42, startSecondsOfDay: 8 * 3600)
        var c = FloorSimulator(seed: 43, startSecondsOfDay: 8 * 3600)
        // Different step patterns must not change the outcome: state depends on time, not on calls.
        for minute in stride(from: 1, through: 600, by: 1) {
            a.advance(to: Double(minute * 60))
            if minute % 7 == 0 { b.advance(to: Double(minute * 60)) }
        }
        b.advance(to: 600 * 60)
        c.advance(to: 600 * 60)
        XCTAssertEqual(a.reports().queues, b.reports().queues)
        XCTAssertEqual(a.reports().staff, b.reports().staff)
        XCTAssertNotEqual(a.reports().queues, c.reports().queues)
    }

    func testReportsCarryEveryQueueTheFloorNameAndThePeriod() {
        let sim = FloorSimulator(seed: 1, startSecondsOfDay: 8 * 3600)
        let queues = sim.reports().queues
        XCTAssertEqual(queues.map(\.id), ["999", "101", "CRIME", "ONLINE"])
        XCTAssertEqual(queues.first?.targetSeconds, 10)
        XCTAssertEqual(queues[1].targetSeconds, 30)
        XCTAssertTrue(queues.allSatisfy { $0.period == "since 00:00" })
        XCTAssertFalse(sim.floorName.isEmpty)
        // Started at 08:00, the counters already hold the night since midnight.
        XCTAssertGreaterThan(queues[0].offered ?? 0, 50)
        // Staff: the floor first, then one row per team under its home queue, always all of them.
        XCTAssertEqual(sim.reports().staff.map(\.scope), [nil, "999", "101", "CRIME", "ONLINE"])
        let empty = FloorConfiguration(
            floorName: "Closed", queues: [],
            teams: [StaffTeam(homeQueue: "DESK", skills: [], shifts: [Shift(start: 9, hours: 1, handlers: 2)], breaks: [])])
        var closed = FloorSimulator(seed: 1, startSecondsOfDay: 3 * 3600, configuration: empty)
        XCTAssertEqual(closed.reports().staff, [
            StaffReport(scope: nil, available: 0, onCall: 0, wrapUp: 0, onBreak: 0),
            StaffReport(scope: "DESK", available: 0, onCall: 0, wrapUp: 0, onBreak: 0),
        ], "nobody rostered at 03:00 is reported as zeros, not left out")
        closed.advance(to: 6 * 3600 + 15 * 60)  // 09:15: the two are out of their briefing
        XCTAssertEqual(closed.reports().staff[1], StaffReport(scope: "DESK", available: 2, onCall: 0, wrapUp: 0, onBreak: 0))
        closed.advance(to: 7 * 3600)  // 10:00: gone home
        XCTAssertEqual(closed.reports().staff[0].total, 0)
    }

    func testCountersBalanceAndStaffMatchTheRosterAllDay() {
        var sim = FloorSimulator(seed: 7, startSecondsOfDay: 6 * 3600)
        let config = sim.configuration
        var sawWaiting = false, sawEmpty = false
        for step in 1...(30 * 60) {  // 30 simulated hours in 61-second steps, across a midnight
            sim.advance(to: Double(step) * 61)
            let (queues, staff) = sim.reports()
            for q in queues {
                let offered = q.offered ?? -1, answered = q.answered ?? -1, abandoned = q.abandoned ?? -1
                XCTAssertEqual(offered, answered + abandoned + q.waiting, "\(q.id) at step \(step)")
                XCTAssertLessThanOrEqual(q.answeredWithinTarget ?? 0, answered)
                XCTAssertGreaterThanOrEqual(q.longestWait, 0)
                if q.waiting == 0 {
                    XCTAssertEqual(q.longestWait, 0, "\(q.id): nobody waits, so no wait")
                    sawEmpty = true
                } else {
                    sawWaiting = true
                }
                if let asa = q.averageSpeedOfAnswer { XCTAssertGreaterThanOrEqual(asa, 0) }
            }
            let floor = staff[0]
            XCTAssertNil(floor.scope)
            XCTAssertEqual(staff.dropFirst().reduce(0) { $0 + $1.total }, floor.total, "per-queue rows add up")
            // Everyone rostered now is on the floor; the only extras are people finishing a call
            // after their shift ended, and those are on a call or in wrap-up.
            let rostered = config.rostered(atSecondOfDay: sim.secondsOfDay)
            XCTAssertGreaterThanOrEqual(floor.total, rostered, "at \(sim.secondsOfDay)")
            XCTAssertLessThanOrEqual(floor.total, rostered + floor.onCall + floor.wrapUp, "at \(sim.secondsOfDay)")
        }
        XCTAssertTrue(sawWaiting && sawEmpty, "a day has both queues and quiet moments")
    }

    func testCountersResetAtMidnight() {
        var sim = FloorSimulator(seed: 3, startSecondsOfDay: 22 * 3600)
        sim.advance(to: 2 * 3600 - 1)  // 23:59:59
        let before = sim.reports().queues
        XCTAssertGreaterThan(before[0].offered ?? 0, 500, "a whole day of 999 calls")
        sim.advance(to: 2 * 3600 + 60)  // 00:01:00
        let after = sim.reports().queues
        for (b, a) in zip(before, after) {
            XCTAssertLessThan(a.offered ?? .max, (b.offered ?? 0) / 10, "\(a.id) restarted")
            XCTAssertEqual(a.offered ?? -1, (a.answered ?? 0) + (a.abandoned ?? 0) + a.waiting)
        }
        XCTAssertEqual(sim.secondsOfDay, 60, accuracy: 1e-6)
    }

    func testNightIsQuieterThanTheEveningPeak() {
        var sim = FloorSimulator(seed: 11, startSecondsOfDay: 0)
        func offered(_ sim: FloorSimulator, _ id: String) -> Int {
            sim.reports().queues.first { $0.id == id }?.offered ?? 0
        }
        sim.advance(to: 3 * 3600)
        let (n999, n101) = (offered(sim, "999"), offered(sim, "101"))
        sim.advance(to: 5 * 3600)
        let night999 = offered(sim, "999") - n999, night101 = offered(sim, "101") - n101
        sim.advance(to: 18 * 3600)
        let (e999, e101) = (offered(sim, "999"), offered(sim, "101"))
        sim.advance(to: 20 * 3600)
        let evening999 = offered(sim, "999") - e999, evening101 = offered(sim, "101") - e101
        // Profile: 999 03–05 h runs at about 40 % of 18–20 h, 101 at about 12 %.
        XCTAssertGreaterThan(evening999, night999 * 3 / 2, "999 \(night999) at night vs \(evening999) in the evening")
        XCTAssertGreaterThan(evening101, night101 * 4, "101 \(night101) at night vs \(evening101) in the evening")
    }

    func testTimeNeverGoesBackAndBadTimesAreIgnored() {
        var sim = FloorSimulator(seed: 5, startSecondsOfDay: 12 * 3600)
        sim.advance(to: 3600)
        let snapshot = sim.reports().queues
        sim.advance(to: 1800)
        sim.advance(to: .nan)
        sim.advance(to: -.infinity)
        XCTAssertEqual(sim.reports().queues, snapshot)
        XCTAssertEqual(sim.secondsSinceStart, 3600, accuracy: 1e-9)
    }

    func testLongestWaitIsTheAgeOfTheOldestWaitingCall() {
        // One queue, nobody rostered: every call waits, and no caller ever gives up.
        let lonely = FloorConfiguration(
            floorName: "Empty room",
            queues: [
                QueueProfile(
                    id: "Q", name: "Q", targetSeconds: 10, dailyVolume: 86_400 / 60, profile: .flat,
                    talk: .constant(60), wrapUp: .constant(0), patience: .constant(1e9))
            ],
            teams: [])
        var sim = FloorSimulator(seed: 9, startSecondsOfDay: 0, configuration: lonely)
        // The floor is warmed up from 20:00 the evening before: at 00:00 the evening's calls are
        // still waiting, carried into the new period as offered.
        let atStart = sim.reports().queues[0]
        XCTAssertGreaterThan(atStart.waiting, 100)
        XCTAssertEqual(atStart.offered, atStart.waiting)
        XCTAssertEqual(atStart.answered, 0)
        XCTAssertGreaterThan(atStart.longestWait, 3.5 * 3600)
        XCTAssertLessThanOrEqual(atStart.longestWait, 4 * 3600)
        sim.advance(to: 3600)
        let q1 = sim.reports().queues[0]
        XCTAssertGreaterThan(q1.waiting, atStart.waiting + 30)
        XCTAssertEqual(q1.offered, q1.waiting)
        XCTAssertEqual(q1.longestWait - atStart.longestWait, 3600, accuracy: 1e-6)
        sim.advance(to: 3600 + 100)
        let q2 = sim.reports().queues[0]
        // The first caller is still first: their wait grew by exactly the 100 s that passed.
        XCTAssertEqual(q2.longestWait - q1.longestWait, 100, accuracy: 1e-6)
        XCTAssertNil(q2.averageSpeedOfAnswer, "nothing answered, no ASA")
        XCTAssertEqual(sim.reports().staff[0].total, 0)
    }
}

final class FloorSimulatorConfigurationTests: XCTestCase {
    func testNonsenseFiguresAreNeutralisedNotFatal() {
        let shift = Shift(start: .nan, hours: .infinity, handlers: -3)
        XCTAssertEqual(shift.lengthSeconds, 0)
        XCTAssertEqual(shift.handlers, 0)
        XCTAssertEqual(Shift(start: -2, hours: 10, handlers: 1).startSecondOfDay, 22 * 3600)
        let rule = BreakRule(earliest: 0.9, latest: 0.2, minutes: 15)
        XCTAssertEqual(rule.earliest, 0.2)
        XCTAssertEqual(rule.latest, 0.9)
        XCTAssertEqual(BreakRule(earliest: .nan, latest: 0.5, minutes: 10).minutes, 0)
        var random = SimulationRandom(seed: 1)
        XCTAssertEqual(DurationDistribution.lognormal(mean: .nan, cv: 1).sample(&random), 0)
        XCTAssertEqual(DurationDistribution.exponential(mean: -5).sample(&random), 0)
        XCTAssertEqual(DailyProfile(hourlyWeights: [.nan, -1]).factor(atSecondOfDay: 3600), 0)

        // A floor built from such figures still runs and keeps its books straight.
        let odd = FloorConfiguration(
            floorName: "Odd",
            queues: [
                QueueProfile(
                    id: "Q", name: "Q", targetSeconds: .nan, dailyVolume: 2000, profile: DailyProfile(hourlyWeights: [1]),
                    talk: .lognormal(mean: .nan, cv: .nan), wrapUp: .exponential(mean: .infinity), patience: .constant(-1)),
                QueueProfile(
                    id: "Z", name: "Z", targetSeconds: 10, dailyVolume: .nan, profile: .flat,
                    talk: .constant(60), wrapUp: .constant(0), patience: .constant(60)),
            ],
            teams: [
                StaffTeam(
                    homeQueue: "Q", skills: ["Q", "nope"], shifts: [Shift(start: 0, hours: 24, handlers: 1), shift],
                    breaks: [rule, BreakRule(earliest: .nan, latest: .nan, minutes: .nan)], briefingSeconds: .nan,
                    notReadyChance: .nan)
            ])
        var sim = FloorSimulator(seed: 2, startSecondsOfDay: .nan, configuration: odd)
        sim.advance(to: 86_400 + 3600)
        for q in sim.reports().queues {
            XCTAssertEqual(q.offered ?? -1, (q.answered ?? 0) + (q.abandoned ?? 0) + q.waiting)
        }
        XCTAssertGreaterThan(sim.reports().queues[0].offered ?? 0, 0, "the 00:00–01:00 hour has demand")
        XCTAssertEqual(sim.reports().queues[1].offered, 0, "a NaN volume is no volume")
        XCTAssertEqual(sim.reports().staff[0].total, 1)
    }

    func testRandomStreamIsFixedBySeed() {
        // xoshiro256** over a SplitMix64-expanded seed of 0, computed independently from the
        // reference C code (transcribed to Python): a change to the generator would silently
        // change every simulated floor.
        var a = SimulationRandom(seed: 0)
        let first = (0..<3).map { _ in a.next() }
        XCTAssertEqual(first, [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var c = SimulationRandom(seed: 1)
        XCTAssertNotEqual(first[0], c.next())
        var u = SimulationRandom(seed: 99)
        var sum = 0.0
        for _ in 0..<10_000 {
            let x = u.unit()
            XCTAssertTrue(x >= 0 && x < 1)
            sum += x
        }
        XCTAssertEqual(sum / 10_000, 0.5, accuracy: 0.02)
        var e = SimulationRandom(seed: 5)
        let mean = (0..<20_000).reduce(0.0) { acc, _ in acc + DurationDistribution.lognormal(mean: 300, cv: 0.8).sample(&e) } / 20_000
        XCTAssertEqual(mean, 300, accuracy: 15, "lognormal parameterised by its mean")
    }
}
