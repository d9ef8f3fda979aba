import XCTest
@testable import WallboardCore

/// `[board] night` and `METRIC.amber@night`: parsing, the profile at a local time, the alarm it
/// gives and the wall's marker.
final class ThresholdProfileTests: XCTestCase {
    let text = """
        [board]
        queues = 101, 999
        night = 19:00-07:00
        [queue "101"]
        waiting.amber = 5
        waiting.red = 10
        waiting.amber@night = 2
        waiting.red@night = 4
        """

    func testNightKeysParseOverTheDayThreshold() throws {
        let config = try ConfigParser(file: "t.conf").parse(text)
        let queue = config.queue("101")
        XCTAssertEqual(queue.thresholds[.waiting]?.amber, 5)
        XCTAssertEqual(queue.nightThresholds[.waiting]?.amber, 2)
        XCTAssertEqual(queue.nightThresholds[.waiting]?.red, 4)
        XCTAssertEqual(queue.nightThresholds[.waiting]?.hysteresis, queue.thresholds[.waiting]?.hysteresis)
        XCTAssertEqual(config.thresholds(for: .night).queue("101").thresholds[.waiting]?.red, 4)
        XCTAssertEqual(config.thresholds(for: .day), config)
    }

    func testProfileAtLocalTimeAndUnsynchronisedClock() throws {
        let night = try DisplaySchedule.parse("19:00-07:00").get()
        func at(_ h: Int) -> LocalTime { LocalTime(weekday: 2, secondsOfDay: h * 3600) }
        XCTAssertEqual(ThresholdProfile.active(night: night, at: at(20), clockSynchronised: true), .night)
        XCTAssertEqual(ThresholdProfile.active(night: night, at: at(3), clockSynchronised: true), .night)
        XCTAssertEqual(ThresholdProfile.active(night: night, at: at(12), clockSynchronised: true), .day)
        XCTAssertEqual(ThresholdProfile.active(night: night, at: at(20), clockSynchronised: false), .day)
        XCTAssertEqual(ThresholdProfile.active(night: nil, at: at(20), clockSynchronised: true), .day)
    }

    /// 3 waiting is fine by day and a warning at night; the wall says which limits are in force.
    func testEngineAlarmsAndMarkerFollowTheProfile() throws {
        let config = try ConfigParser(file: "t.conf").parse(text)
        var engine = BoardEngine(config: config, startedAt: 0)
        let bytes = try FeedEncoder(key: nil).encode(FeedMessage(
            publisher: "acd-a", session: 1, sequence: 1, sentAtMilliseconds: 1_000, interval: 1,
            queues: [QueueReport(id: "101", name: "101", waiting: 3, longestWait: 5)]))
        _ = engine.receive(bytes: bytes, from: "10.0.0.1:4000", now: 1)
        var scene = engine.scene(now: 1, wallTime: WallTime(secondsOfDay: 0))
        XCTAssertEqual(scene.tiles.first { $0.id == "101" }?.level, .normal)
        XCTAssertNil(scene.currentPage().pageMarker)
        engine.thresholdProfile = .night
        scene = engine.scene(now: 2, wallTime: WallTime(secondsOfDay: 0))
        XCTAssertEqual(scene.tiles.first { $0.id == "101" }?.level, .amber)
        XCTAssertEqual(scene.currentPage().pageMarker, "NIGHT THRESHOLDS")
        scene.paging.size = 1
        XCTAssertEqual(scene.currentPage().pageMarker, "NIGHT THRESHOLDS · PAGE 1/2")
        XCTAssertEqual(scene.currentPage().currentPage().pageMarker, "NIGHT THRESHOLDS · PAGE 1/2")
    }

    func testErrorsWithFileLine() {
        let table: [(String, String, UInt)] = [
            ("[queue \"101\"]\nwaiting.amber@night = 3\n",
             "t.conf:2:1: 'waiting.amber@night' is a night threshold, but [board] has no 'night = …' saying when the night is (like night = 19:00-07:00)", #line),
            ("[board]\nnight = 19:00-07:00\n[queue \"101\"]\nwaiting.dwell@night = 3s\n",
             "t.conf:4:1: unknown key 'waiting.dwell@night' in [queue \"101\" (only amber and red have a night form)]", #line),
            ("[board]\nnight = 19:00-07:00\n[queue \"101\"]\nwaiting.amber@night = lots\n",
             "t.conf:4:23: 'waiting.amber@night': 'lots' is not a whole number from 0 to 10000, like 5, or off", #line),
            ("[board]\nnight = 19:00-07:00\n[queue \"101\"]\nwaiting.red = 10\nwaiting.amber@night = 12\n",
             "t.conf:5:23: waiting.red@night (10) must be at or beyond waiting.amber@night (12): higher is worse; the red limit is the day's, so set waiting.red@night too", #line),
            ("[board]\nnight = always\n",
             "t.conf:2:9: 'night': 'always' is not when the night thresholds apply, like 19:00-07:00 (always is not a night)", #line),
        ]
        for (text, message, line) in table {
            XCTAssertThrowsError(try ConfigParser(file: "t.conf").parse(text), line: line) { error in
                XCTAssertEqual("\(error)", message, line: line)
            }
        }
    }
}
