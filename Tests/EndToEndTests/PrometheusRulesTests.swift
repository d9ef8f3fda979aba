import Foundation
import XCTest

/// Deploy/prometheus/wallboard-rules.yml as Prometheus itself reads it: `promtool check rules`
/// (syntax, PromQL) and `promtool test rules` (each alert fires when it should, and not before).
final class PrometheusRulesTests: XCTestCase {
    func testRulesPassPromtoolCheckAndTheirUnitTests() throws {
        let promtool = try RequiredTools.find(["promtool"], for: "the alert rule tests")[0]
        let dir = RequiredTools.repositoryRoot + "/Deploy/prometheus"
        let check = try AgentProcess.runProgram(promtool, ["check", "rules", dir + "/wallboard-rules.yml"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("SUCCESS: 7 rules found"), check.stdout)

        let test = try AgentProcess.runProgram(promtool, ["test", "rules", dir + "/wallboard-rules.test.yml"])
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        XCTAssertTrue(test.stdout.contains("SUCCESS"), test.stdout)
    }

    /// The rule tests can fail: a rule with a wrong threshold is caught by the same test file.
    func testABrokenRuleFailsItsUnitTest() throws {
        let promtool = try RequiredTools.find(["promtool"], for: "the alert rule tests")[0]
        let dir = RequiredTools.repositoryRoot + "/Deploy/prometheus"
        let scratch = "/tmp/wbr-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let rules = try String(contentsOfFile: dir + "/wallboard-rules.yml", encoding: .utf8)
        let broken = rules.replacingOccurrences(of: "(time() - wallboard_last_frame_timestamp_seconds) > 120", with: "(time() - wallboard_last_frame_timestamp_seconds) > 600")
        XCTAssertNotEqual(broken, rules)
        try broken.write(toFile: scratch + "/wallboard-rules.yml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: dir + "/wallboard-rules.test.yml", toPath: scratch + "/wallboard-rules.test.yml")
        let test = try AgentProcess.runProgram(promtool, ["test", "rules", scratch + "/wallboard-rules.test.yml"])
        XCTAssertNotEqual(test.status, 0, test.stdout)
        XCTAssertTrue((test.stdout + test.stderr).contains("WallboardFrozen"), test.stdout + test.stderr)
    }
}
