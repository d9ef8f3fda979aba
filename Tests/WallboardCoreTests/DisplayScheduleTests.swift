import XCTest
@testable import WallboardCore

/// `[display] on` / `wake_on`: the grammar, the decision at a local time, and the config errors.
final class DisplayScheduleTests: XCTestCase {
    /// 2024-01-01 00:00 UTC, a Monday.
    let monday = 1_704_067_200.0

    func schedule(_ text: String) throws -> DisplaySchedule {
        try DisplaySchedule.parse(text).get()
    }

    func at(_ weekday: Int, _ hh: Int, _ mm: Int) -> LocalTime {
        LocalTime(weekday: weekday, secondsOfDay: hh * 3600 + mm * 60)
    }

    func testLocalTimeFromUnixTimeAndOffset() {
        XCTAssertEqual(LocalTime(unixTime: monday, utcOffset: 0), at(0, 0, 0))
        // One second before, an hour west: Sunday 22:59:59.
        XCTAssertEqual(LocalTime(unixTime: monday - 1, utcOffset: -3600), LocalTime(weekday: 6, secondsOfDay: 22 * 3600 + 3599))
        XCTAssertEqual(LocalTime(unixTime: monday + 5 * 86_400 + 3600, utcOffset: 3600), at(5, 2, 0))
        XCTAssertEqual(LocalTime(unixTime: 0, utcOffset: 0).weekday, 3)  // 1970-01-01, a Thursday
    }

    func testPlainRangeEveryDay() throws {
        let s = try schedule("07:00-19:00")
        XCTAssertFalse(s.isOn(at: at(2, 6, 59)))
        XCTAssertTrue(s.isOn(at: at(2, 7, 0)))
        XCTAssertTrue(s.isOn(at: at(6, 18, 59)))
        XCTAssertFalse(s.isOn(at: at(6, 19, 0)))
        XCTAssertEqual(s.nextChange(after: at(2, 20, 0))?.text(from: at(2, 20, 0)), "Thu 07:00")
        XCTAssertEqual(s.nextChange(after: at(2, 3, 0))?.text(from: at(2, 3, 0)), "07:00")
        XCTAssertEqual(s.nextChange(after: at(2, 12, 0))?.text(from: at(2, 12, 0)), "19:00")
    }

    func testWeekdaysAndSeveralRanges() throws {
        let s = try schedule("Mon-Fri 07:00-19:00, Sat 09:00-13:00")
        XCTAssertTrue(s.isOn(at: at(0, 8, 0)))
        XCTAssertTrue(s.isOn(at: at(4, 18, 0)))
        XCTAssertFalse(s.isOn(at: at(5, 8, 0)))
        XCTAssertTrue(s.isOn(at: at(5, 9, 0)))
        XCTAssertFalse(s.isOn(at: at(5, 13, 0)))
        XCTAssertFalse(s.isOn(at: at(6, 12, 0)))  // Sunday: off all day
        XCTAssertEqual(s.nextChange(after: at(5, 14, 0))?.text(from: at(5, 14, 0)), "Mon 07:00")
        // Day ranges wrap over the weekend; names are case-blind.
        let weekend = try schedule("fri-mon 10:00-12:00")
        XCTAssertTrue(weekend.isOn(at: at(6, 11, 0)))
        XCTAssertTrue(weekend.isOn(at: at(0, 11, 0)))
        XCTAssertFalse(weekend.isOn(at: at(1, 11, 0)))
    }

    /// A range across midnight belongs to the day it starts on.
    func testMidnightCrossing() throws {
        let s = try schedule("Fri 22:00-06:00")
        XCTAssertFalse(s.isOn(at: at(4, 21, 59)))
        XCTAssertTrue(s.isOn(at: at(4, 22, 0)))
        XCTAssertTrue(s.isOn(at: at(5, 5, 59)))   // Saturday morning: Friday's night
        XCTAssertFalse(s.isOn(at: at(5, 6, 0)))
        XCTAssertFalse(s.isOn(at: at(4, 3, 0)))   // Friday morning: Thursday had no night
        XCTAssertTrue(try schedule("00:00-24:00").isOn(at: at(3, 23, 59)))
        XCTAssertTrue(try schedule("Sat 00:00-24:00").isOn(at: at(5, 23, 59)))
        XCTAssertFalse(try schedule("Sat 00:00-24:00").isOn(at: at(6, 0, 0)))
    }

    /// Europe/London, 2024-03-31: at 01:00 UTC the offset goes from +0 to +1 h. The decision takes the
    /// offset at the instant, so 06:30 UTC is 07:30 local, inside 07:00-19:00 (a fixed winter
    /// offset would keep the screen dark an hour into the shift). 02:30 local never happens.
    func testDSTDayUsesTheOffsetAtTheInstant() throws {
        let s = try schedule("07:00-19:00")
        let changeover = 1_711_846_800.0  // 2024-03-31 01:00 UTC
        let sixThirtyUTC = changeover + 5.5 * 3600
        XCTAssertTrue(s.isOn(at: LocalTime(unixTime: sixThirtyUTC, utcOffset: 3600)))
        XCTAssertFalse(s.isOn(at: LocalTime(unixTime: sixThirtyUTC, utcOffset: 0)))
        XCTAssertEqual(LocalTime(unixTime: changeover - 1, utcOffset: 0).secondsOfDay, 3599)   // 00:59:59 GMT
        XCTAssertEqual(LocalTime(unixTime: changeover, utcOffset: 3600).secondsOfDay, 7200)   // 02:00 BST
        XCTAssertEqual(LocalTime(unixTime: changeover, utcOffset: 3600).weekday, 6)           // a Sunday
    }

    func testDecisionWakeAndHold() throws {
        let s = try schedule("07:00-19:00")
        var last: MonotonicSeconds?
        func decide(_ time: LocalTime, _ level: AlarmLevel, _ now: Double, wake: WakeOn = .breach, synced: Bool = true) -> ScreenPower {
            ScreenPower.decide(
                schedule: s, wakeOn: wake, at: time, clockSynchronised: synced, worstAlarm: level, feedLost: false, now: now,
                lastAlarmAt: &last)
        }
        XCTAssertEqual(decide(at(1, 12, 0), .normal, 0), ScreenPower(isOn: true, reason: .scheduled(until: "19:00")))
        XCTAssertEqual(decide(at(1, 20, 0), .normal, 10), ScreenPower(isOn: false, reason: .offBySchedule(until: "Wed 07:00")))
        XCTAssertEqual(decide(at(1, 20, 0), .normal, 10).text, "off by schedule until Wed 07:00")
        // A warning does not wake a breach-only board; a breach does, and the panel stays lit for the hold after it clears.
        XCTAssertFalse(decide(at(1, 20, 1), .amber, 20).isOn)
        XCTAssertEqual(decide(at(1, 20, 2), .red, 30), ScreenPower(isOn: true, reason: .wokenByAlarm))
        XCTAssertTrue(decide(at(1, 20, 3), .normal, 30 + ScreenPower.wakeHold - 1).isOn)
        XCTAssertFalse(decide(at(1, 20, 9), .normal, 30 + ScreenPower.wakeHold).isOn)
        last = nil
        XCTAssertTrue(decide(at(1, 21, 0), .amber, 1000, wake: .warning).isOn)
        last = nil
        XCTAssertFalse(decide(at(1, 21, 0), .red, 2000, wake: .never).isOn)
        // No schedule: always on whatever the clock says.
        XCTAssertEqual(
            ScreenPower.decide(schedule: .always, wakeOn: .breach, at: at(1, 3, 0), clockSynchronised: false, worstAlarm: .normal, feedLost: false, now: 0, lastAlarmAt: &last),
            ScreenPower(isOn: true, reason: .noSchedule))
    }

    /// FEED LOST lights a panel the schedule turned off (unless wake_on = never): the board can no
    /// longer see the breach it was told to wake for, so a dark screen would look as if all were calm.
    /// It stays lit for the hold after the feed is back, like after an alarm.
    func testFeedLossWakesAScheduledOffPanel() throws {
        let s = try schedule("07:00-19:00")
        var last: MonotonicSeconds?
        func decide(_ lost: Bool, _ now: Double, wake: WakeOn = .breach) -> ScreenPower {
            ScreenPower.decide(
                schedule: s, wakeOn: wake, at: at(1, 22, 0), clockSynchronised: true, worstAlarm: .normal, feedLost: lost,
                now: now, lastAlarmAt: &last)
        }
        XCTAssertFalse(decide(false, 0).isOn)
        XCTAssertEqual(decide(true, 10), ScreenPower(isOn: true, reason: .wokenByFeedLoss))
        XCTAssertEqual(decide(true, 10).text, "on: woken outside the schedule because the feed is lost")
        XCTAssertTrue(decide(false, 10 + ScreenPower.wakeHold - 1).isOn, "held after the feed is back")
        XCTAssertFalse(decide(false, 10 + ScreenPower.wakeHold).isOn)
        last = nil
        XCTAssertTrue(decide(true, 1000, wake: .warning).isOn)
        last = nil
        XCTAssertFalse(decide(true, 2000, wake: .never).isOn, "never means never")
    }

    /// A board whose clock is not synchronised (a Pi without an RTC booting with no network time)
    /// keeps the screen on: never dark because of a wrong clock.
    func testUnsynchronisedClockKeepsTheScreenOn() throws {
        var last: MonotonicSeconds?
        let power = ScreenPower.decide(
            schedule: try schedule("07:00-19:00"), wakeOn: .never, at: at(1, 3, 0), clockSynchronised: false,
            worstAlarm: .normal, feedLost: false, now: 0, lastAlarmAt: &last)
        XCTAssertEqual(power, ScreenPower(isOn: true, reason: .clockUnsynchronised))
        XCTAssertEqual(power.text, "on: the clock is not synchronised, so the schedule is not applied")
    }

    func testConfigKeysAndErrorsWithFileLine() throws {
        let ok = try ConfigParser(file: "t.conf").parse("[display]\non = Mon-Fri 07:00-19:00, Sat 09:00-13:00\nwake_on = warning\n")
        XCTAssertEqual(ok.display.schedule.ranges.count, 2)
        XCTAssertEqual(ok.display.wakeOn, .warning)
        XCTAssertEqual(try ConfigParser(file: "t.conf").parse("[display]\non = always\n").display.schedule, .always)
        XCTAssertEqual(WallboardConfig().display.schedule, .always)
        XCTAssertEqual(WallboardConfig().display.wakeOn, .breach)
        let table: [(String, String, UInt)] = [
            ("[display]\non = 7-19\n",
             "t.conf:2:6: 'on': '7-19' is not \(DisplaySchedule.expected); '7-19' is not [DAYS] HH:MM-HH:MM", #line),
            ("[display]\non = Mon-Fri 07:00-19:00, Sa 09:00-13:00\n",
             "t.conf:2:6: 'on': 'Mon-Fri 07:00-19:00, Sa 09:00-13:00' is not \(DisplaySchedule.expected); in 'Sa 09:00-13:00': 'Sa' is not a day or days like Mon or Mon-Fri", #line),
            ("[display]\non = 07:00-07:00\n",
             "t.conf:2:6: 'on': '07:00-07:00' is not \(DisplaySchedule.expected); in '07:00-07:00': the range is empty; all day is 00:00-24:00", #line),
            ("[display]\non = 07:00-25:00\n",
             "t.conf:2:6: 'on': '07:00-25:00' is not \(DisplaySchedule.expected); '07:00-25:00' is not [DAYS] HH:MM-HH:MM", #line),
            ("[display]\non = 07:00-19:00,\n",
             "t.conf:2:6: 'on': '07:00-19:00,' is not \(DisplaySchedule.expected); '' is not [DAYS] HH:MM-HH:MM", #line),
            ("[display]\nwake_on = alarm\n",
             "t.conf:2:11: 'wake_on': 'alarm' is not breach, warning or never (which alarm lights the screen outside the schedule)", #line),
        ]
        for (text, message, line) in table {
            XCTAssertThrowsError(try ConfigParser(file: "t.conf").parse(text), line: line) { error in
                XCTAssertEqual("\(error)", message, line: line)
            }
        }
    }
}
