import XCTest

@testable import WallboardCore
@testable import WallboardSystem

/// `wallboardctl thresholds` prints config-file notation (as the README says): it parses back to
/// the same limits, shows `[staff]`, and lists the built-in queues before the feed reports them.
final class ThresholdListingTests: XCTestCase {
    func testListingIsConfigTextThatParsesBackToTheSameLimits() throws {
        let config = try WallboardConfig(parsing: """
            [staff]
            available.amber = 3
            available.red = 1
            [queue "crime"]
            label = "CRIME #1"
            target = 1m
            longest_wait.amber = 5m
            longest_wait.red = off
            extra.silent.amber = 2.5
            extra.silent.direction = lower
            """)
        let text = ThresholdListing.render(config: config, queues: ["online"])
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("[staff]"), text)
        XCTAssertTrue(lines.contains("available.amber = 3"), text)
        XCTAssertTrue(lines.contains("[queue \"999\"]   # built-in defaults for 999 (not in the config file)"), text)
        XCTAssertTrue(lines.contains("[queue \"101\"]   # built-in defaults for 101 (not in the config file)"), text)
        XCTAssertTrue(lines.contains("[queue \"online\"]   # reported by the feed; built-in defaults for any other queue"), text)
        XCTAssertTrue(lines.contains("longest_wait.red = off"), text)
        XCTAssertTrue(lines.contains("extra.silent.direction = lower"), text)

        let back = try WallboardConfig(parsing: text)
        XCTAssertEqual(back.staff, config.staff)
        for id in ["crime", "999", "101", "online"] {
            // The limits in force (a longest wait that follows the target is written out).
            XCTAssertEqual(back.queue(id).resolved(reportedTarget: nil).thresholds, config.queue(id).resolved(reportedTarget: nil).thresholds, id)
            XCTAssertEqual(back.queue(id).label, config.queue(id).label, id)
            XCTAssertEqual(back.queue(id).target, config.queue(id).target, id)
        }
    }
}

/// The listing shows the limits the alarms use: a queue whose longest-wait limits follow the
/// target the feed reports is listed with those limits, not with the flat fallback.
final class ThresholdListingTargetTests: XCTestCase {
    func testAReportedTargetsDerivedLimitsAreListedAsInForce() throws {
        let config = WallboardConfig()
        let text = ThresholdListing.render(config: config, queues: ["ONLINE", "misc"], targets: ["ONLINE": 1800])
        let online = text.components(separatedBy: "[queue \"ONLINE\"]")[1].components(separatedBy: "[queue")[0]
        XCTAssertTrue(online.contains("longest_wait.amber = 30m") && online.contains("longest_wait.red = 1h"), text)
        let misc = text.components(separatedBy: "[queue \"misc\"]")[1]
        XCTAssertTrue(misc.contains("longest_wait.amber = 2m") && misc.contains("longest_wait.red = 5m"), text)
        let rows = ThresholdRows.rows(config: config, queues: ["ONLINE"], targets: ["ONLINE": 1800])
        XCTAssertEqual(rows.first { $0.metric == "longest_wait" }?.redValue, 3600)
        let parsed = try WallboardConfig(parsing: text)
        XCTAssertEqual(parsed.queue("ONLINE").threshold(.longestWait)?.red, 3600, "parses back to the limits in force")
    }
}
