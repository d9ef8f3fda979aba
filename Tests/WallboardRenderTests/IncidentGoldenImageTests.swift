import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardRender

/// Incident tiles and the board's health line as people see them, built by the real SceneBuilder
/// and painted with real FreeType, against reference PNGs in Golden/ (see `GoldenImageTests`).
extension GoldenImageTests {
    /// Two queues and three incident tiles: immediate urban in breach (oldest unresourced past its
    /// 15-minute target), immediate rural in warning, priority urban normal; the clock not synced.
    static func incidentScene(acknowledgements: [AlarmSubject: Acknowledgement] = [:]) throws -> Scene {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(
            publisher: "cad-a", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2, floor: "North Control",
            queues: [
                QueueReport(id: "999", name: "999 Emergency", waiting: 2, longestWait: 6, offered: 412, answered: 398, abandoned: 4,
                            answeredWithinTarget: 400, targetSeconds: 10, averageSpeedOfAnswer: 4.2),
                QueueReport(id: "101", name: "101 Non-emergency", waiting: 9, longestWait: 48, offered: 900, answered: 820, abandoned: 60,
                            answeredWithinTarget: 800, targetSeconds: 30, averageSpeedOfAnswer: 21),
            ],
            incidents: [
                IncidentReport(grade: "immediate", area: "urban", open: 11, unresourced: 3, oldestUnresourced: 962, targetSeconds: 900,
                               attended: 64, attendedWithinTarget: 57),
                IncidentReport(grade: "immediate", area: "rural", open: 4, unresourced: 1, oldestUnresourced: 640, targetSeconds: 1200,
                               attended: 12, attendedWithinTarget: 10),
                IncidentReport(grade: "priority", area: "urban", open: 23, unresourced: 0, oldestUnresourced: 0, targetSeconds: 3600,
                               attended: 140, attendedWithinTarget: 131),
            ]), at: 10)
        let config = try WallboardConfig(parsing: "[display]\nred_pulse = off\n")
        var evaluator = AlarmEvaluator()
        let alarms = evaluator.evaluate(board: board, config: config, at: 12)
        return SceneBuilder(config: config).build(
            board: board, alarms: alarms, now: 12, wallTime: WallTime(secondsOfDay: 14 * 3600 + 2 * 60),
            acknowledgements: acknowledgements, health: BoardHealthReadings(socCelsius: 58, clockSynchronised: false))
    }

    func testIncidentTilesAndHealthLine() throws {
        let scene = try Self.incidentScene()
        XCTAssertEqual(scene.tiles.map(\.status), ["OK", "WARNING", "BREACH", "WARNING", "OK"])
        XCTAssertTrue(scene.footer.feed.hasPrefix("BOARD: CLOCK NOT SYNCED · "))
        try check("incidents-1920x1080", scene, width: 1920, height: 1080)
        try check("incidents-800x480", scene, width: 800, height: 480)
    }

    /// The breaching incident tile acknowledged: "ACKNOWLEDGED by alice 14:02" under its reason,
    /// whole, as on a queue's tile; still red with BREACH (new goldens; the others are unchanged).
    func testAnAcknowledgedIncidentTile() throws {
        let ack = Acknowledgement(by: "alice", at: 11, clock: "14:02", level: .red)
        let scene = try Self.incidentScene(acknowledgements: [.incident("immediate/urban"): ack, .queue("immediate/urban"): ack])
        let urban = try XCTUnwrap(scene.tiles.first { $0.id == AlarmSubject.incident("immediate/urban").tileID })
        XCTAssertEqual(urban.acknowledged, "ACKNOWLEDGED by alice 14:02")
        XCTAssertEqual(urban.status, "BREACH")
        XCTAssertEqual(scene.tiles.filter { $0.acknowledged != nil }.count, 1, "a queue's acknowledgement of the same id is not the incident's")
        for (width, height) in [(1920, 1080), (800, 480)] {
            let (_, painter) = try render(scene, width: width, height: height, log: true)
            let drawn = painter.textLog ?? []
            let line = try XCTUnwrap(drawn.first { $0.text == "ACKNOWLEDGED by alice 14:02" }, "\(width)x\(height)")
            XCTAssertEqual(line.shown, line.text, "cut at \(width)x\(height)")
            let reason = try XCTUnwrap(drawn.first { $0.text == urban.reason })
            XCTAssertEqual(reason.shown, reason.text, "reason cut at \(width)x\(height)")
            XCTAssertLessThanOrEqual(reason.box.rect.maxY, line.box.rect.y, "the reason sits above the acknowledgement")
        }
        try check("incidents-acknowledged-1920x1080", scene, width: 1920, height: 1080)
        try check("incidents-acknowledged-800x480", scene, width: 800, height: 480)
    }
}
