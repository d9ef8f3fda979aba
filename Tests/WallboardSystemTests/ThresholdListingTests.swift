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

/// Incident tiles' limits are listed too, in their own `[incident "GRADE/AREA"]` sections, so the
/// values `threshold set GRADE/AREA` changes can be seen; the listing still parses back.
final class ThresholdListingIncidentTests: XCTestCase {
    func testIncidentSectionsAreListedWithTheLimitsInForce() throws {
        let config = try WallboardConfig(parsing: "[incident \"immediate/urban\"]\nlabel = URBAN\nunresourced.red = 5\n")
        let incidents = ["immediate/urban", "priority/rural"]
        let text = ThresholdListing.render(
            config: config, queues: [], incidents: incidents, incidentTargets: ["priority/rural": 3600])
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("[incident \"immediate/urban\"]"), text)
        XCTAssertTrue(lines.contains("unresourced.red = 5"), text)
        XCTAssertTrue(lines.contains("[incident \"priority/rural\"]   # reported by the feed; oldest follows its target (amber past half, red past it)"), text)
        let rural = text.components(separatedBy: "[incident \"priority/rural\"]")[1]
        XCTAssertTrue(rural.contains("oldest.amber = 30m") && rural.contains("oldest.red = 1h"), text)
        let back = try WallboardConfig(parsing: text)
        XCTAssertEqual(
            back.incident("priority/rural").threshold(.oldestUnresourced),
            config.incident("priority/rural").threshold(.oldestUnresourced, reportedTarget: 3600))
        XCTAssertEqual(back.incident("immediate/urban").threshold(.unresourced)?.red, 5)

        let rows = ThresholdRows.rows(config: config, queues: ["999"], incidents: incidents, incidentTargets: ["priority/rural": 3600])
        let row = try XCTUnwrap(rows.first { $0.queue == "priority/rural" && $0.metric == "oldest" })
        XCTAssertEqual([row.amber, row.red], ["30m", "1h"], "rows name the tile as threshold set takes it")
        XCTAssertFalse(rows.contains { $0.queue == "999" && $0.metric == "oldest" }, "a queue has no incident metric")
    }
}
