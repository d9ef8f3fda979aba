import XCTest

@testable import WallboardCore

/// An incident tile's alarm is a first-class alarm: it sounds, repeats, is acknowledged by name or
/// with everything, says who on its tile and in the status, and the acknowledgement ends with the
/// alarm — all as a queue's, under an id that no queue can take (`AlarmSubject`).
final class IncidentAlarmBellTests: XCTestCase {
    let wall = WallTime(secondsOfDay: 14 * 3600 + 2 * 60 + 33)
    static let urban = AlarmSubject.incident("immediate/urban")

    func incident(open: Int = 5, unresourced: Int = 2, oldest: Double, target: Double = 900) -> IncidentReport {
        IncidentReport(
            grade: "immediate", area: "urban", open: open, unresourced: unresourced, oldestUnresourced: oldest,
            targetSeconds: target)
    }

    func message(seq: UInt64, queues: [QueueReport] = [], _ incidents: [IncidentReport]) -> FeedMessage {
        FeedMessage(
            publisher: "p", session: 1, sequence: seq, sentAtMilliseconds: 0, interval: 2, queues: queues, incidents: incidents)
    }

    func tile(_ scene: Scene) -> TileScene? { scene.tiles.first { $0.id == Self.urban.tileID } }

    // MARK: the bell's decision, pure

    func testAnIncidentInBreachSoundsAtOnceAndRepeatsUntilAcknowledged() {
        var bell = AlarmBell()
        var config = AlarmConfig()
        config.repeatEvery = 30
        bell.follow(BoardAlarms(incidents: ["immediate/urban": QueueAlarm(level: .amber)]), config: config, at: 0)
        XCTAssertFalse(bell.soundDue(config: config, at: 0), "a warning does not sound under sound = breach")
        let breach = BoardAlarms(incidents: ["immediate/urban": QueueAlarm(level: .red)])
        bell.follow(breach, config: config, at: 5)
        XCTAssertTrue(bell.soundDue(config: config, at: 5), "an incident breach sounds at once")
        XCTAssertEqual(bell.unacknowledged, [Self.urban])
        XCTAssertTrue(bell.soundDue(config: config, at: 35), "and repeats")
        XCTAssertEqual(try bell.acknowledge(Self.urban, by: "alice", at: 36, clock: "14:02", shown: breach, config: config).get(), [Self.urban])
        bell.follow(breach, config: config, at: 40)
        XCTAssertFalse(bell.soundDue(config: config, at: 70), "acknowledged: silent")
    }

    func testAQueueAndAnIncidentOfTheSameIdAreTwoAlarms() throws {
        var bell = AlarmBell()
        let config = AlarmConfig()
        // "immediate/urban" is a valid queue id too (Q id is any text): the two must not share an alarm.
        let both = BoardAlarms(
            queues: ["immediate/urban": QueueAlarm(level: .red)], incidents: ["immediate/urban": QueueAlarm(level: .red)])
        bell.follow(both, config: config, at: 0)
        XCTAssertEqual(bell.unacknowledged, [.queue("immediate/urban"), Self.urban], "queues first")
        _ = bell.acknowledge(Self.urban, by: "alice", at: 1, clock: "14:02", shown: both, config: config)
        XCTAssertEqual(bell.unacknowledged, [.queue("immediate/urban")], "the queue still sounds")
        XCTAssertNil(bell.acknowledgement(.queue("immediate/urban")))
        XCTAssertEqual(bell.acknowledgement(Self.urban)?.by, "alice")
        XCTAssertTrue(bell.soundDue(config: config, at: 1))
    }

    func testRefusalNamesTheIncidentTile() {
        var bell = AlarmBell()
        let shown = BoardAlarms(incidents: ["immediate/urban": QueueAlarm(level: .amber)])
        bell.follow(shown, config: AlarmConfig(), at: 0)
        let refused = bell.acknowledge(Self.urban, by: "a", at: 1, clock: "x", shown: shown, config: AlarmConfig())
        XCTAssertEqual(refused, .failure(.notInAlarm(Self.urban, shows: "WARNING", needs: .red)))
        if case .failure(let why) = refused {
            XCTAssertEqual("\(why)", "incident tile immediate/urban is not in breach (it shows WARNING); only an alarm can be acknowledged")
        }
    }

    // MARK: the id scheme

    func testNamesAndTileIDs() {
        XCTAssertEqual(AlarmSubject(name: "immediate/urban"), Self.urban)
        XCTAssertEqual(AlarmSubject(name: "999"), .queue("999"))
        XCTAssertEqual(AlarmSubject(name: "queue:immediate/urban"), .queue("immediate/urban"), "the explicit form of such a queue")
        XCTAssertEqual(AlarmSubject(name: "a/b/c"), .queue("a/b/c"), "not GRADE/AREA: a queue")
        XCTAssertEqual(AlarmSubject(name: "immediate/"), .queue("immediate/"))
        XCTAssertEqual(AlarmSubject(name: "Sales UK/x"), .queue("Sales UK/x"), "a space is no grade")
        for subject in [Self.urban, .queue("999"), .queue("immediate/urban"), .queue("queue:x"), .queue("a/b/c")] {
            XCTAssertEqual(AlarmSubject(name: subject.name), subject, "\(subject) reads back from its name")
            XCTAssertEqual(AlarmSubject(tileID: subject.tileID), subject)
        }
        XCTAssertEqual(AlarmSubject.queue("immediate/urban").name, "queue:immediate/urban")
        // No queue id can be an incident's tile id: a queue id never holds a control character.
        XCTAssertNotEqual(Self.urban.tileID, AlarmSubject.queue("incident:immediate/urban").tileID)
        XCTAssertTrue(Self.urban.tileID.unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertThrowsError(try WallboardConfig(parsing: "[queue \"\u{1F}immediate/urban\"]\n"), "the config refuses it")
    }

    // MARK: through the engine, as the agent drives it

    func testTheEngineSoundsForAnIncidentBreachAndAcknowledgesItByNameOnTileAndStatus() throws {
        var engine = BoardEngine(startedAt: 0)
        engine.apply(message(seq: 1, [incident(oldest: 901)]), at: 1)  // past the 15-minute target
        var scene = engine.scene(now: 1, wallTime: wall)
        XCTAssertEqual(tile(scene)?.level, .red)
        XCTAssertTrue(engine.soundDue(now: 1), "an incident tile in breach sounds the bell")
        XCTAssertEqual(engine.bell.unacknowledged, [Self.urban])

        XCTAssertEqual(try engine.acknowledge(AlarmSubject(name: "immediate/urban"), by: "alice", now: 2, wallTime: wall).get(), [Self.urban])
        scene = engine.scene(now: 3, wallTime: wall)
        XCTAssertEqual(tile(scene)?.acknowledged, "ACKNOWLEDGED by alice 14:02", "the tile says who, as a queue's does")
        XCTAssertEqual(tile(scene)?.status, "BREACH", "an acknowledged breach is still a breach")
        XCTAssertFalse(engine.soundDue(now: 60))

        let summary = try XCTUnwrap(engine.summary(now: 3).incidents.first)
        XCTAssertEqual(summary.id, "immediate/urban")
        XCTAssertEqual([summary.grade, summary.area], ["immediate", "urban"])
        XCTAssertEqual(summary.state, .breach)
        XCTAssertEqual(summary.reason, "OLDEST UNRESOURCED 15:03 > 15:00")
        XCTAssertEqual(summary.open, 5)
        XCTAssertEqual(summary.unresourced, 2)
        XCTAssertEqual(summary.oldestUnresourcedSeconds, 903)
        XCTAssertEqual(summary.acknowledgedBy, "alice")
        XCTAssertEqual(summary.acknowledgedAt, "14:02")
    }

    func testAckWithNoNameCoversQueuesAndIncidents() throws {
        var config = WallboardConfig()
        config.queues = [QueueConfig(id: "999", thresholds: [.waiting: Threshold(amber: nil, red: 2)])]
        var engine = BoardEngine(config: config, startedAt: 0)
        engine.apply(
            message(seq: 1, queues: [QueueReport(id: "999", name: "999", waiting: 3, longestWait: 1)], [incident(oldest: 901)]), at: 1)
        _ = engine.scene(now: 1, wallTime: wall)
        XCTAssertEqual(engine.bell.unacknowledged, [.queue("999"), Self.urban])
        XCTAssertEqual(try engine.acknowledge(nil, by: "bob", now: 2, wallTime: wall).get(), [.queue("999"), Self.urban])
        XCTAssertEqual(engine.bell.unacknowledged, [])
    }

    func testTheAcknowledgementEndsWhenTheIncidentLeavesAlarmGoesStaleOrWorsens() throws {
        var config = WallboardConfig()
        config.alarm.sound = .warning
        var engine = BoardEngine(config: config, startedAt: 0)
        // Amber past half the target, acknowledged under sound = warning …
        engine.apply(message(seq: 1, [incident(oldest: 451)]), at: 1)
        _ = engine.scene(now: 1, wallTime: wall)
        XCTAssertTrue(engine.soundDue(now: 1), "sound = warning: amber sounds")
        _ = try engine.acknowledge(Self.urban, by: "alice", now: 2, wallTime: wall).get()
        // … does not cover the breach that follows.
        engine.apply(message(seq: 2, [incident(oldest: 901)]), at: 3)
        var scene = engine.scene(now: 3, wallTime: wall)
        XCTAssertNil(tile(scene)?.acknowledged, "a warning acknowledged does not cover the breach")
        XCTAssertTrue(engine.soundDue(now: 3), "the breach sounds again")
        _ = try engine.acknowledge(Self.urban, by: "bob", now: 4, wallTime: wall).get()

        // Resourced: the alarm ends (after its dwell), and with it the acknowledgement.
        engine.apply(message(seq: 3, [incident(unresourced: 0, oldest: 0)]), at: 5)
        for now in stride(from: 5.0, through: 40, by: 1) { scene = engine.scene(now: now, wallTime: wall) }
        XCTAssertEqual(tile(scene)?.level, .normal)
        XCTAssertNil(engine.bell.acknowledgement(Self.urban), "left alarm: the acknowledgement is gone")
        engine.apply(message(seq: 4, [incident(oldest: 901)]), at: 41)
        scene = engine.scene(now: 41, wallTime: wall)
        XCTAssertNil(tile(scene)?.acknowledged)
        XCTAssertTrue(engine.soundDue(now: 41), "the next alarm sounds again")

        // Stale: no alarm is shown about old figures, so none stands acknowledged either.
        _ = try engine.acknowledge(Self.urban, by: "carol", now: 42, wallTime: wall).get()
        scene = engine.scene(now: 200, wallTime: wall)
        XCTAssertNotNil(tile(scene)?.stale)
        XCTAssertNil(engine.bell.acknowledgement(Self.urban), "stale: the acknowledgement is dropped")
        XCTAssertEqual(engine.summary(now: 200).incidents.first?.state, .stale)
        XCTAssertNil(engine.summary(now: 200).incidents.first?.oldestUnresourcedSeconds, "a frozen figure is not reported as current")
    }
}
