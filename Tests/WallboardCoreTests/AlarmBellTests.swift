import XCTest

@testable import WallboardCore

/// The audible alarm's decisions, with the time passed in: when the tone sounds, repeats, stops on
/// `ack`, and sounds again for the next alarm.
final class AlarmBellTests: XCTestCase {
    func alarms(_ levels: [String: AlarmLevel]) -> BoardAlarms {
        BoardAlarms(queues: levels.mapValues { QueueAlarm(level: $0) })
    }

    func testBreachSoundsAtOnceThenEveryRepeatUntilAcknowledged() {
        var bell = AlarmBell()
        var config = AlarmConfig()
        config.repeatEvery = 30
        bell.follow(alarms(["999": .normal]), config: config, at: 0)
        XCTAssertFalse(bell.soundDue(config: config, at: 0), "nothing in breach")
        bell.follow(alarms(["999": .red]), config: config, at: 10)
        XCTAssertTrue(bell.soundDue(config: config, at: 10), "a breach sounds at once")
        XCTAssertFalse(bell.soundDue(config: config, at: 11))
        XCTAssertFalse(bell.soundDue(config: config, at: 39.9))
        XCTAssertTrue(bell.soundDue(config: config, at: 40), "repeats after 30 s")
        let done = bell.acknowledge(nil, by: "alice", at: 45, clock: "14:02", shown: alarms(["999": .red]), config: config)
        XCTAssertEqual(try done.get(), [.queue("999")])
        XCTAssertEqual(bell.acknowledgement(.queue("999"))?.text, "ACKNOWLEDGED by alice 14:02")
        bell.follow(alarms(["999": .red]), config: config, at: 70)
        XCTAssertFalse(bell.soundDue(config: config, at: 70), "acknowledged: silent")
        XCTAssertFalse(bell.soundDue(config: config, at: 200))
        XCTAssertEqual(bell.sounded, 2)
    }

    func testClearingDropsTheAcknowledgementAndTheNextBreachSoundsAgain() {
        var bell = AlarmBell()
        let config = AlarmConfig()
        bell.follow(alarms(["999": .red]), config: config, at: 0)
        XCTAssertTrue(bell.soundDue(config: config, at: 0))
        _ = bell.acknowledge(.queue("999"), by: "alice", at: 1, clock: "14:02", shown: alarms(["999": .red]), config: config)
        bell.follow(alarms(["999": .amber]), config: config, at: 5)
        XCTAssertNil(bell.acknowledgement(.queue("999")), "left breach: the acknowledgement is gone")
        bell.follow(alarms(["999": .red]), config: config, at: 6)
        XCTAssertNil(bell.acknowledgement(.queue("999")))
        XCTAssertTrue(bell.soundDue(config: config, at: 6), "a new breach sounds although the last tone was 6 s ago")
    }

    func testStaleQueueEndsItsAlarm() {
        var bell = AlarmBell()
        let config = AlarmConfig()
        bell.follow(alarms(["999": .red]), config: config, at: 0)
        _ = bell.acknowledge(.queue("999"), by: "bob", at: 1, clock: "09:00", shown: alarms(["999": .red]), config: config)
        bell.follow(alarms([:]), config: config, at: 2)  // stale queues are not evaluated
        XCTAssertTrue(bell.acknowledgements.isEmpty)
        XCTAssertFalse(bell.soundDue(config: config, at: 100))
    }

    func testAnotherQueueBreachingSoundsAtOnceEvenWithinTheRepeat() {
        var bell = AlarmBell()
        let config = AlarmConfig()
        bell.follow(alarms(["999": .red]), config: config, at: 0)
        XCTAssertTrue(bell.soundDue(config: config, at: 0))
        bell.follow(alarms(["999": .red, "101": .red]), config: config, at: 3)
        XCTAssertTrue(bell.soundDue(config: config, at: 3))
        // Acknowledging one leaves the other sounding.
        _ = bell.acknowledge(.queue("999"), by: "alice", at: 4, clock: "14:02", shown: alarms(["999": .red, "101": .red]), config: config)
        XCTAssertEqual(bell.unacknowledged, [.queue("101")])
        XCTAssertTrue(bell.soundDue(config: config, at: 33))
    }

    func testWarningSettingSoundsForAmberAndAnAcknowledgedWarningSoundsAgainOnBreach() {
        var bell = AlarmBell()
        var config = AlarmConfig()
        config.sound = .warning
        bell.follow(alarms(["101": .amber]), config: config, at: 0)
        XCTAssertTrue(bell.soundDue(config: config, at: 0))
        _ = bell.acknowledge(.queue("101"), by: "alice", at: 1, clock: "14:02", shown: alarms(["101": .amber]), config: config)
        XCTAssertFalse(bell.soundDue(config: config, at: 40))
        bell.follow(alarms(["101": .red]), config: config, at: 41)
        XCTAssertNil(bell.acknowledgement(.queue("101")), "a warning acknowledged does not cover the breach")
        XCTAssertTrue(bell.soundDue(config: config, at: 41))
    }

    /// A breach after an acknowledged warning is a new alarm: it sounds at once, not at the next
    /// repeat (and with repeat off it would never have sounded).
    func testABreachAfterAnAcknowledgedWarningSoundsAtOnce() {
        var bell = AlarmBell()
        var config = AlarmConfig()
        config.sound = .warning
        config.repeatEvery = nil
        bell.follow(alarms(["101": .amber]), config: config, at: 0)
        XCTAssertTrue(bell.soundDue(config: config, at: 0))
        _ = bell.acknowledge(.queue("101"), by: "alice", at: 1, clock: "14:02", shown: alarms(["101": .amber]), config: config)
        bell.follow(alarms(["101": .red]), config: config, at: 3)
        XCTAssertTrue(bell.soundDue(config: config, at: 3), "the breach sounds at once")
        XCTAssertFalse(bell.soundDue(config: config, at: 4), "once: repeat is off")
    }

    func testBreachSettingIgnoresWarningsAndOffNeverSounds() {
        var bell = AlarmBell()
        var config = AlarmConfig()
        bell.follow(alarms(["101": .amber]), config: config, at: 0)
        XCTAssertFalse(bell.soundDue(config: config, at: 0))
        config.sound = .off
        bell.follow(alarms(["999": .red]), config: config, at: 1)
        XCTAssertFalse(bell.soundDue(config: config, at: 1))
        XCTAssertEqual(try bell.acknowledge(.queue("999"), by: "a", at: 2, clock: "x", shown: alarms(["999": .red]), config: config).get(), [.queue("999")],
                       "with the sound off a breach can still be acknowledged on the wall")
    }

    func testRepeatOffSoundsOncePerAlarm() {
        var bell = AlarmBell()
        var config = AlarmConfig()
        config.repeatEvery = nil
        bell.follow(alarms(["999": .red]), config: config, at: 0)
        XCTAssertTrue(bell.soundDue(config: config, at: 0))
        XCTAssertFalse(bell.soundDue(config: config, at: 3600))
    }

    func testRefusals() {
        var bell = AlarmBell()
        let config = AlarmConfig()
        let shown = alarms(["999": .normal, "101": .amber])
        bell.follow(shown, config: config, at: 0)
        XCTAssertEqual(
            bell.acknowledge(.queue("101"), by: "a", at: 1, clock: "x", shown: shown, config: config),
            .failure(.notInAlarm(.queue("101"), shows: "WARNING", needs: .red)))
        XCTAssertEqual(bell.acknowledge(nil, by: "a", at: 1, clock: "x", shown: shown, config: config), .failure(.nothingToAcknowledge(needs: .red)))
        XCTAssertEqual("\(AlarmBell.Refusal.notInAlarm(.queue("101"), shows: "WARNING", needs: .red))",
                       "queue 101 is not in breach (it shows WARNING); only an alarm can be acknowledged")
    }

    /// The engine keeps the bell across a reload, and the tile and the status say who acknowledged.
    func testEngineKeepsAcknowledgementAcrossReloadAndShowsItOnTheTileAndInStatus() throws {
        var config = try WallboardConfig(parsing: "[queue \"999\"]\nwaiting.red = 2\n")
        var engine = BoardEngine(config: config, startedAt: 0)
        engine.apply(FeedSamples.message(), at: 1)  // 999: 3 waiting, past waiting.red = 2
        let wall = WallTime(secondsOfDay: 14 * 3600 + 2 * 60 + 33)
        var scene = engine.scene(now: 1, wallTime: wall)
        XCTAssertEqual(scene.tiles.first?.level, .red)
        XCTAssertNil(scene.tiles.first?.acknowledged)
        XCTAssertTrue(engine.soundDue(now: 1))
        XCTAssertEqual(try engine.acknowledge(.queue("999"), by: "alice", now: 2, wallTime: wall).get(), [.queue("999")])
        config.alarm.tone = 440
        engine.apply(config: config)
        scene = engine.scene(now: 3, wallTime: wall)
        XCTAssertEqual(scene.tiles.first?.acknowledged, "ACKNOWLEDGED by alice 14:02")
        XCTAssertEqual(engine.bell.unacknowledged, [.queue("crime")], "999 acknowledged before the reload, still after it")
        XCTAssertEqual(try engine.acknowledge(nil, by: "bob", now: 4, wallTime: wall).get(), [.queue("crime")], "999 keeps alice's")
        XCTAssertFalse(engine.soundDue(now: 40))
        XCTAssertEqual(engine.bell.acknowledgement(.queue("999"))?.by, "alice")
        let queue = try XCTUnwrap(engine.summary(now: 3).queues.first)
        XCTAssertEqual(queue.acknowledgedBy, "alice")
        XCTAssertEqual(queue.acknowledgedAt, "14:02")
    }
}
