import XCTest

@testable import WallboardCore
@testable import WallboardSystem

/// `threshold set --profile night` edits the `@night` keys (the plain keys stay the day's), and
/// `thresholds` says which profile is in force and lists the night limits.
final class ThresholdProfileControlTests: XCTestCase {
    let text = "[board]\nnight = 19:00-07:00\n\n[queue \"101\"]\nwaiting.amber = 5\nwaiting.red = 10\n"

    func testSetNightEditsTheNightKeysOnly() throws {
        let config = try WallboardConfig(parsing: text, file: "w.conf")
        let c = try ThresholdChange(
            queue: "101", metric: "waiting", amber: "2", red: "4", config: config, text: text, file: "w.conf",
            knownQueues: ["999", "101"], profile: .night)
        XCTAssertEqual(c.text, text + "waiting.amber@night = 2\nwaiting.red@night = 4\n")
        XCTAssertEqual(c.summary, "101 waiting (night): amber 5 → 2, red 10 → 4")
        XCTAssertEqual(c.config.queue("101").thresholds[.waiting]?.amber, 5, "the day limit is kept")
        XCTAssertEqual(c.config.queue("101").nightThresholds[.waiting]?.red, 4)
        // Without [board] night the parser refuses, in its own words.
        XCTAssertThrowsError(try ThresholdChange(
            queue: "101", metric: "waiting", amber: "2", red: nil, config: WallboardConfig(), text: "[queue \"101\"]\n", file: "w.conf",
            knownQueues: ["101"], profile: .night)) { error in
            XCTAssertTrue("\(error)".contains("[board] has no 'night = …'"), "\(error)")
        }
    }

    func testListingNamesTheProfileInForceAndParsesBack() throws {
        let config = try WallboardConfig(parsing: text + "waiting.red@night = 6\n", file: "w.conf")
        let listing = ThresholdListing.render(config: config, queues: [], inForce: .night)
        XCTAssertTrue(listing.contains("# In force now: the night thresholds"), listing)
        XCTAssertTrue(listing.contains("\nwaiting.red@night = 6"), listing)
        XCTAssertFalse(listing.contains("waiting.amber@night"), "only what the night changes")
        let rows = ThresholdRows.rows(config: config, queues: ["101"], inForce: .night)
        let night = rows.first { $0.queue == "101" && $0.metric == "waiting" && $0.profile == "night" }
        XCTAssertEqual(night?.red, "6")
        XCTAssertEqual(night?.inForce, true)
        XCTAssertEqual(rows.first { $0.queue == "101" && $0.metric == "waiting" && $0.profile == "day" }?.inForce, false)
        // No night profile: rows as before, without the profile fields.
        XCTAssertNil(ThresholdRows.rows(config: WallboardConfig(), queues: ["101"]).first?.profile)
    }
}
