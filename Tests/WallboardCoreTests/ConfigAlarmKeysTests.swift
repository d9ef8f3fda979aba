import XCTest

@testable import WallboardCore

/// `[alarm]` goes through the one config parser: defaults, every key, file:line errors.
final class ConfigAlarmKeysTests: XCTestCase {
    func testDefaults() throws {
        let alarm = try WallboardConfig(parsing: "").alarm
        XCTAssertEqual(alarm.sound, .breach)
        XCTAssertEqual(alarm.tone, 880)
        XCTAssertEqual(alarm.duration, 0.5)
        XCTAssertEqual(alarm.repeatEvery, 30)
        XCTAssertEqual(alarm.device, "default")
    }

    func testEveryKey() throws {
        let alarm = try WallboardConfig(parsing: """
            [alarm]
            sound = warning
            tone = 1000Hz
            duration = 0.25s
            repeat = 1m
            device = plughw:1,0
            """).alarm
        XCTAssertEqual(alarm.sound, .warning)
        XCTAssertEqual(alarm.tone, 1000)
        XCTAssertEqual(alarm.duration, 0.25)
        XCTAssertEqual(alarm.repeatEvery, 60)
        XCTAssertEqual(alarm.device, "plughw:1,0")
        XCTAssertNil(try WallboardConfig(parsing: "[alarm]\nrepeat = off\n").alarm.repeatEvery)
    }

    func testBadValuesAreRefusedWithFileAndLine() {
        for (text, expected) in [
            ("[alarm]\nsound = loud\n", "alarm.conf:2:9"),
            ("[alarm]\n\ntone = 20\n", "alarm.conf:3:8"),
            ("[alarm]\nduration = 10s\n", "alarm.conf:2:12"),
            ("[alarm]\nrepeat = 30\n", "alarm.conf:2:10"),
            ("[alarm]\ndevice = hw 0\n", "alarm.conf:2:10"),
            ("[alarm]\nvolume = 11\n", "alarm.conf:2:1"),
            ("[alarm]\nduration = 2s\nrepeat = 2s\n", "alarm.conf:3:10: repeat (2s) must be longer than the tone's duration (2s)"),
        ] {
            XCTAssertThrowsError(try WallboardConfig(parsing: text, file: "alarm.conf"), text) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(text): \(error)")
            }
        }
    }
}
