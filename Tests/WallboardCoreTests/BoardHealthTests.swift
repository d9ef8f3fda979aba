import XCTest
@testable import WallboardCore

/// The board's own health line: one pure decision, each case by itself, nothing when healthy.
final class BoardHealthTests: XCTestCase {
    func testHealthyOrUnknownShowsNothing() {
        XCTAssertNil(BoardHealth.line(nil))
        XCTAssertNil(BoardHealth.line(BoardHealthReadings()), "unknown is not trouble")
        XCTAssertNil(BoardHealth.line(BoardHealthReadings(socCelsius: 79.9, throttledNow: [], clockSynchronised: true)))
    }

    func testEachCaseInWords() {
        XCTAssertEqual(BoardHealth.line(BoardHealthReadings(clockSynchronised: false)), "BOARD: CLOCK NOT SYNCED")
        XCTAssertEqual(BoardHealth.line(BoardHealthReadings(throttledNow: ["under_voltage"])), "BOARD: UNDER-VOLTAGE")
        XCTAssertEqual(BoardHealth.line(BoardHealthReadings(throttledNow: ["throttled"])), "BOARD: THROTTLED")
        XCTAssertEqual(BoardHealth.line(BoardHealthReadings(throttledNow: ["frequency_capped"])), "BOARD: FREQUENCY CAPPED")
        XCTAssertEqual(BoardHealth.line(BoardHealthReadings(socCelsius: 80.2)), "BOARD: TOO HOT 81°C", "rounded up, never cooler")
        XCTAssertEqual(BoardHealth.line(BoardHealthReadings(throttledNow: ["soft_temperature_limit"])), "BOARD: TOO HOT")
        XCTAssertEqual(BoardHealth.line(BoardHealthReadings(displayFallback: "fbdev")), "BOARD: DISPLAY FELL BACK TO FBDEV")
        XCTAssertEqual(
            BoardHealth.line(BoardHealthReadings(
                socCelsius: 84, throttledNow: ["throttled", "under_voltage", "soft_temperature_limit"], clockSynchronised: false,
                displayFallback: "terminal")),
            "BOARD: CLOCK NOT SYNCED · UNDER-VOLTAGE · THROTTLED · TOO HOT 84°C · DISPLAY FELL BACK TO TERMINAL")
    }

    func testTheLineLeadsTheFooterOnlyWhenSomethingIsWrong() {
        let board = BoardState(startedAt: 0)
        let builder = SceneBuilder(config: WallboardConfig())
        let clock = WallTime(secondsOfDay: 0)
        let healthy = builder.build(board: board, alarms: BoardAlarms(), now: 1, wallTime: clock, health: BoardHealthReadings(clockSynchronised: true))
        let plain = builder.build(board: board, alarms: BoardAlarms(), now: 1, wallTime: clock)
        XCTAssertEqual(healthy.footer, plain.footer, "nothing shown when healthy")
        let unsynced = builder.build(board: board, alarms: BoardAlarms(), now: 1, wallTime: clock, health: BoardHealthReadings(clockSynchronised: false))
        XCTAssertEqual(unsynced.footer.feed, "BOARD: CLOCK NOT SYNCED · " + plain.footer.feed)
        XCTAssertTrue(unsynced.footer.warning, "emphasised (triangle and bold), not by colour alone")
        var engine = BoardEngine(startedAt: 0)
        engine.health = BoardHealthReadings(throttledNow: ["under_voltage"])
        XCTAssertTrue(engine.scene(now: 1, wallTime: clock).footer.feed.hasPrefix("BOARD: UNDER-VOLTAGE · "), "the engine passes it on")
    }

    func testIncidentSimulatorIsDeterministicAndConsistent() {
        var a = IncidentSimulator(seed: 7), b = IncidentSimulator(seed: 7)
        var sawUnresourced = false
        for minute in 1...240 {
            a.advance(to: Double(minute) * 60)
            b.advance(to: Double(minute) * 60)
            XCTAssertEqual(a.reports(), b.reports())
            for r in a.reports() {
                XCTAssertNil(r.inconsistency, "\(r)")
                sawUnresourced = sawUnresourced || r.unresourced > 0
            }
        }
        XCTAssertTrue(sawUnresourced)
        XCTAssertEqual(a.reports().map(\.id), ["immediate/urban", "immediate/rural", "priority/urban"])
        XCTAssertGreaterThan(a.reports()[0].attended ?? 0, 20, "four hours of immediate urban incidents")
    }
}
