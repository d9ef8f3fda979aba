import XCTest

@testable import WallboardCore
@testable import WallboardSystem

/// `threshold set` has no rules of its own: the config parser judges the edited text, so the file
/// and the command accept and refuse exactly the same values, in the same words.
final class ThresholdChangeTests: XCTestCase {
    let known = ["999", "101"]
    let knownIncidents = ["immediate/urban"]

    func change(
        _ queue: String, _ metric: String, amber: String? = nil, red: String? = nil, text: String? = nil,
        reportedTarget: Double? = nil, profile: ThresholdProfile = .day
    ) throws(ThresholdChange.Problem) -> ThresholdChange {
        let config = text.map { try! WallboardConfig(parsing: $0, file: "w.conf") } ?? WallboardConfig()
        return try ThresholdChange(
            queue: queue, metric: metric, amber: amber, red: red, config: config, text: text, file: "w.conf", knownQueues: known,
            knownIncidents: knownIncidents, reportedTarget: reportedTarget, profile: profile)
    }

    func problem(
        _ queue: String, _ metric: String, amber: String? = nil, red: String? = nil, text: String? = nil, profile: ThresholdProfile = .day
    ) -> String? {
        do {
            _ = try change(queue, metric, amber: amber, red: red, text: text, profile: profile)
            return nil
        } catch { return error.description }
    }

    /// The README's own form, when amber already equals the new red (refused before: "amber (30s)
    /// must be below red (30s)"); amber = red means a straight step to red, in the file as here.
    func testRedEqualToAmberIsAcceptedAsTheFileAcceptsIt() throws {
        let text = "[queue \"101\"]\nlongest_wait.amber = 30s\n"
        let c = try change("101", "longest_wait", red: "30s", text: text)
        XCTAssertEqual(c.new.amber, 30)
        XCTAssertEqual(c.new.red, 30)
        XCTAssertEqual(c.summary, "101 longest_wait: red 2m → 30s")
        XCTAssertEqual(c.text, "[queue \"101\"]\nlongest_wait.amber = 30s\nlongest_wait.red = 30s\n")
        XCTAssertEqual(c.config, try WallboardConfig(parsing: c.text, file: "w.conf"))
    }

    func testEditsTheTextAndKeepsTheRest() throws {
        let c = try change("999", "longest_wait", amber: "15s")
        XCTAssertEqual(c.new.amber, 15)
        XCTAssertEqual(c.new.red, c.old?.red, "red kept")
        XCTAssertEqual(c.summary, "999 longest_wait: amber 10s → 15s")
        // Without a file, the running settings are written out and edited: earlier edits stay.
        let second = try ThresholdChange(
            queue: "101", metric: "waiting", amber: "4", red: "9", config: c.config, text: nil, file: "built-in defaults",
            knownQueues: known)
        XCTAssertEqual(second.config.queue("999").threshold(.longestWait)?.amber, 15)
        XCTAssertEqual(second.config.queue("101").threshold(.waiting)?.red, 9)
        XCTAssertEqual(second.config.queue("101").threshold(.serviceLevel), WallboardConfig().queue("101").threshold(.serviceLevel))
    }

    func testRefusalsAreTheParsersOwnWords() {
        XCTAssertEqual(problem("998", "longest_wait", red: "30s"), "unknown queue '998' (known: 999, 101)")
        XCTAssertEqual(
            problem("999", "longest_wiat", red: "30s"),
            "unknown key 'longest_wiat.red' in [queue \"999\"]; did you mean 'longest_wait.red'?")
        XCTAssertEqual(
            problem("999", "service_level", red: "101%"),
            "'service_level.red': '101%' is not a percentage from 0% to 100%, like 90%, or off")
        XCTAssertEqual(
            problem("999", "longest_wait", red: "30"), "'longest_wait.red': '30' is not a duration like 10s, 2m or 1h, at most 24h, or off")
        XCTAssertEqual(
            problem("999", "longest_wait", red: "25h"), "'longest_wait.red': '25h' is not a duration like 10s, 2m or 1h, at most 24h, or off")
        XCTAssertEqual(
            problem("999", "waiting", red: "20000"), "'waiting.red': '20000' is not a whole number from 0 to 10000, like 5, or off")
        // Service level: lower is worse, so red must be at or below amber.
        XCTAssertEqual(
            problem("999", "service_level", amber: "80%", red: "90%"),
            "service_level.red (90%) must be at or beyond service_level.amber (80%): lower is worse")
        XCTAssertNil(problem("999", "service_level", amber: "97%", red: "92%"))
        XCTAssertEqual(problem("999", "waiting"), "threshold set needs amber=VALUE and/or red=VALUE")
        XCTAssertEqual(
            problem("999", "longest_wait", red: "5s\u{1B}[2J"),
            "control character U+001B is not allowed (only tabs); remove it")
        // The same values in the file give the same verdict (one validator).
        XCTAssertThrowsError(try WallboardConfig(parsing: "[queue \"999\"]\nwaiting.red = 20000\n"))
        XCTAssertNoThrow(try WallboardConfig(parsing: "[queue \"999\"]\nwaiting.red = 0\nlongest_wait.red = 24h\n"))
        XCTAssertNil(problem("999", "waiting", amber: "0", red: "0"))
    }

    func testAMistakeElsewhereInTheFileIsNamedWithItsLine() {
        let text = "[queue \"999\"]\nwaiting.amber = 3\n"
        // The file is valid; edit it into a state where another line disagrees.
        XCTAssertEqual(
            problem("999", "waiting", red: "2", text: text), "waiting.red (2) must be at or beyond waiting.amber (3): higher is worse")
        XCTAssertEqual(
            problem("999", "waiting", amber: "4", text: "[queue \"999\"]\nwaiting.red = 3\n"),
            "w.conf:2:15: waiting.red (3) must be at or beyond waiting.amber (4): higher is worse")
    }

    /// An incident tile's limits (`[incident "GRADE/AREA"]`) are set the same way: the section is
    /// added or edited, the parser judges it, and the old limits are those in force (derived
    /// from the feed's target when none are configured).
    func testIncidentLimitsAreSetInTheirOwnSection() throws {
        func incident(_ metric: String, amber: String? = nil, red: String? = nil, text: String) throws(ThresholdChange.Problem)
            -> ThresholdChange
        {
            try change("immediate/urban", metric, amber: amber, red: red, text: text, reportedTarget: 1200)
        }
        let c = try incident("oldest", amber: "12m", red: "25m", text: "# floor\n[queue \"999\"]\nwaiting.red = 9\n")
        XCTAssertEqual(c.subject, .incident("immediate/urban"))
        XCTAssertEqual(c.summary, "immediate/urban oldest: amber 10m → 12m, red 20m → 25m", "old: derived from the feed's 20-minute target")
        XCTAssertEqual(c.text, "# floor\n[queue \"999\"]\nwaiting.red = 9\n\n[incident \"immediate/urban\"]\noldest.amber = 12m\noldest.red = 25m\n")
        XCTAssertEqual(c.config.incident("immediate/urban").threshold(.oldestUnresourced)?.red, 1500)
        XCTAssertEqual(c.config.queue("immediate/urban"), WallboardConfig().queue("immediate/urban"), "no queue section was touched")

        let counted = try incident("unresourced", red: "5", text: c.text)
        XCTAssertEqual(counted.summary, "immediate/urban unresourced: red none → 5")
        XCTAssertTrue(counted.text.hasSuffix("oldest.red = 25m\nunresourced.red = 5\n"), counted.text)

        // Without a file, the running settings (incident sections too) are what is edited.
        let noFile = try ThresholdChange(
            queue: "immediate/urban", metric: "unresourced", amber: "2", red: nil, config: counted.config, text: nil,
            file: "built-in defaults", knownQueues: known, knownIncidents: knownIncidents)
        XCTAssertEqual(noFile.config.incident("immediate/urban").threshold(.unresourced)?.red, 5)
        XCTAssertEqual(noFile.config.incident("immediate/urban").threshold(.unresourced)?.amber, 2)
    }

    func testIncidentRefusalsAreTheParsersOwnWords() {
        let section = "[incident \"immediate/urban\"]\n"
        func problem(_ name: String, _ metric: String, amber: String? = nil, red: String? = nil, night: Bool = false) -> String? {
            self.problem(name, metric, amber: amber, red: red, text: section, profile: night ? .night : .day)
        }
        XCTAssertEqual(
            problem("immediate/rural", "oldest", red: "20m"),
            "unknown incident grade/area 'immediate/rural' (known: immediate/urban); a queue whose id has this shape is named queue:immediate/rural")
        XCTAssertEqual(
            problem("immediate/urban", "oldst", red: "20m"),
            "unknown key 'oldst.red' in [incident \"immediate/urban\"]; did you mean 'oldest.red'?")
        XCTAssertEqual(
            problem("immediate/urban", "longest_wait", red: "20m"),
            "unknown key 'longest_wait.red' in [incident \"immediate/urban\"]", "a queue metric is no incident's")
        XCTAssertEqual(
            problem("immediate/urban", "oldest", red: "soon"), "'oldest.red': 'soon' is not a duration like 10s, 2m or 1h, at most 24h, or off")
        XCTAssertEqual(
            problem("immediate/urban", "oldest", amber: "20m", red: "10m"),
            "oldest.red (10m) must be at or beyond oldest.amber (20m): higher is worse")
        XCTAssertNotNil(problem("immediate/urban", "oldest", red: "10m", night: true)?.contains("incident limits have no night form"))
        XCTAssertEqual(problem("queue:immediate/urban", "waiting", red: "3"), "unknown queue 'queue:immediate/urban' (known: 999, 101)")
    }
}
