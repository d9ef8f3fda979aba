import XCTest
@testable import WallboardCore

/// The default floor behaves like a UK police control room over a whole simulated day, and the
/// mechanisms behind it (999 priority, briefings, breaks) do what they claim.
///
/// The ranges are what published figures allow, widened just enough for one day's randomness
/// (measured over 30 seeds with `wallboard-bench simulator`: no seed falls outside them):
/// - 999: national target 90 % answered within 10 s; forces mostly report 85–97 % month to
///   month; callers almost never give up before answer.
/// - 101: average answer one to two minutes and 7–14 % abandoned (HMICFRS inspections); asserted
///   as 45–150 s and 6–15 %.
/// - Crime-recording desk: waits of many minutes with about a quarter abandoning; asserted as an
///   ASA of at least 4 minutes and 15–40 % abandoned.
/// - Online reports and web chat: picked up in tens of minutes, not seconds.
final class FloorSimulatorRealismTests: XCTestCase {
    private struct DayFigures {
        var serviceLevel: Double  // answered within target ÷ offered
        var abandonment: Double  // abandoned ÷ offered
        var asa: Double
        var offered: Int
        var silent: Double?
    }

    private func wholeDay(seed: UInt64) -> [String: DayFigures] {
        var sim = FloorSimulator(seed: seed, startSecondsOfDay: 0)
        sim.advance(to: 86_399)  // 23:59:59, just before the counters reset
        var figures: [String: DayFigures] = [:]
        for q in sim.reports().queues {
            let offered = Double(max(q.offered ?? 0, 1))
            figures[q.id] = DayFigures(
                serviceLevel: Double(q.answeredWithinTarget ?? 0) / offered,
                abandonment: Double(q.abandoned ?? 0) / offered,
                asa: q.averageSpeedOfAnswer ?? -1, offered: q.offered ?? 0,
                silent: q.extras.first { $0.name == "silent" }?.value)
        }
        return figures
    }

    func testADayLooksLikeAUKPoliceControlRoom() throws {
        for seed: UInt64 in [1, 2, 3] {
            let day = wholeDay(seed: seed)
            let e = try XCTUnwrap(day["999"]), n = try XCTUnwrap(day["101"])
            let crime = try XCTUnwrap(day["CRIME"]), online = try XCTUnwrap(day["ONLINE"])
            let tag = "seed \(seed)"
            // Volumes: configured 900 / 1,400 / 280 / 450 a day; Poisson noise is a few percent.
            XCTAssertEqual(Double(e.offered), 900, accuracy: 120, tag)
            XCTAssertEqual(Double(n.offered), 1400, accuracy: 160, tag)

            XCTAssertTrue((0.85...0.97).contains(e.serviceLevel), "\(tag): 999 service level \(e.serviceLevel)")
            XCTAssertLessThan(e.abandonment, 0.03, tag)
            XCTAssertLessThan(e.asa, 10, tag)
            let silentShare = try XCTUnwrap(e.silent) / Double(e.offered)
            XCTAssertTrue((0.01...0.06).contains(silentShare), "\(tag): silent 999 share \(silentShare)")

            XCTAssertTrue((0.06...0.15).contains(n.abandonment), "\(tag): 101 abandonment \(n.abandonment)")
            XCTAssertTrue((45...150).contains(n.asa), "\(tag): 101 ASA \(n.asa)")
            XCTAssertLessThan(n.serviceLevel, e.serviceLevel, tag)

            XCTAssertTrue((0.15...0.40).contains(crime.abandonment), "\(tag): crime abandonment \(crime.abandonment)")
            XCTAssertGreaterThan(crime.asa, 240, "\(tag): crime desk waits are many minutes")
            XCTAssertGreaterThan(online.asa, 300, "\(tag): online contacts wait tens of minutes")
            XCTAssertNil(online.silent, "only queues configured for it report silent calls")
        }
    }

    func testA999CallGoesBeforeOlder101CallsOnASharedTeam() throws {
        // One overloaded team lists 101 first, yet 999 has the higher queue priority: a handler
        // coming free must take the 999 call, so 999 waits seconds while 101 waits minutes.
        let shared = FloorConfiguration(
            floorName: "Shared",
            queues: [
                QueueProfile(
                    id: "999", name: "999", targetSeconds: 10, dailyVolume: 300, priority: 2, profile: .flat,
                    talk: .exponential(mean: 300), wrapUp: .constant(30), patience: .constant(1e9)),
                QueueProfile(
                    id: "101", name: "101", targetSeconds: 30, dailyVolume: 3000, priority: 1, profile: .flat,
                    talk: .exponential(mean: 300), wrapUp: .constant(30), patience: .exponential(mean: 900)),
            ],
            teams: [
                StaffTeam(
                    homeQueue: "101", skills: ["101", "999"], shifts: [Shift(start: 0, hours: 24, handlers: 8)],
                    breaks: [], briefingSeconds: 0)
            ])
        var sim = FloorSimulator(seed: 8, startSecondsOfDay: 0, configuration: shared)
        sim.advance(to: 12 * 3600)
        let queues = sim.reports().queues
        let e = try XCTUnwrap(queues.first { $0.id == "999" }), n = try XCTUnwrap(queues.first { $0.id == "101" })
        // 8 handlers, ~13 Erlangs offered: 101 is swamped, while a 999 call only waits for the
        // next handler to come free (one every ~40 s).
        XCTAssertGreaterThan(n.averageSpeedOfAnswer ?? 0, 300)
        XCTAssertLessThan(e.averageSpeedOfAnswer ?? .infinity, 60)
        XCTAssertGreaterThan(Double(n.abandoned ?? 0) / Double(n.offered ?? 1), 0.3)
        XCTAssertEqual(e.abandoned, 0)
    }

    func testShiftsStartWithABriefingAndBreaksAreTakenDuringTheDay() {
        var sim = FloorSimulator(seed: 4, startSecondsOfDay: 6 * 3600 + 55 * 60)
        // 07:00 shift lines start 5 people (101: 3, crime: 1, online: 1) into a 10-minute briefing.
        sim.advance(to: 10 * 60)  // 07:05
        XCTAssertGreaterThanOrEqual(sim.reports().staff[0].other, 5)
        var mostOnBreak = 0
        for minute in stride(from: 4 * 60, through: 8 * 60, by: 5) {  // 10:55–14:55
            sim.advance(to: Double(minute * 60))
            mostOnBreak = max(mostOnBreak, sim.reports().staff[0].onBreak)
        }
        XCTAssertGreaterThanOrEqual(mostOnBreak, 3, "staggered mid-shift breaks")
        let floor = sim.reports().staff[0]
        XCTAssertLessThan(floor.onBreak * 3, floor.total, "breaks are staggered, not taken all at once")
    }
}
