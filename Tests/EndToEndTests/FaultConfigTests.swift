import Foundation
import XCTest
import WallboardSystem

/// A broken config file: at start-up the agent refuses it with a clear error (file:line:column)
/// and a non-zero exit; at reload (SIGHUP) it logs the error and keeps drawing with the old one.
final class FaultConfigTests: XCTestCase {
    func testBrokenConfigAtStartUpIsAClearErrorAndNonZeroExit() throws {
        let agent = try FaultAgent()
        let good = try String(contentsOfFile: agent.configPath, encoding: .utf8)
        let cases: [(name: String, text: String, mustMention: String)] = [
            // Cut off in the middle of a section header, as a full disk or a bad copy leaves it.
            ("truncated header", good + "[queue \"99", ":\(good.split(separator: "\n").count + 1):"),
            // Cut off mid-value.
            ("truncated value", good + "[queue \"999\"]\nwaiting.amber =", "waiting.amber"),
            ("garbage", "\u{7f}ELF\u{1}\u{1}\u{0}\u{0}garbage\n\u{0}\u{0}", ":1:"),
            ("typo", good + "[queue \"999\"]\nwaitng.amber = 3\n", "waiting.amber"),
        ]
        for c in cases {
            try c.text.write(toFile: agent.configPath, atomically: true, encoding: .utf8)
            let r = try Executable.run("wallboard", [
                "--config", agent.configPath, "--display", "png", "--png", agent.pngPath, "--socket", agent.controlPath,
            ])
            XCTAssertNotEqual(r.status, 0, "\(c.name): a broken config must not start")
            XCTAssertTrue(r.stderr.contains(agent.configPath + ":"), "\(c.name): error must name the file: \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(c.mustMention), "\(c.name): \(r.stderr)")
            XCTAssertLessThan(r.stderr.count, 2000, "\(c.name): a clear error, not a dump: \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: agent.pngPath), "\(c.name): drew with a broken config")
        }
        let missing = try Executable.run("wallboard", ["--config", agent.directory + "/nope.conf", "--display", "png"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("nope.conf"), missing.stderr)
    }

    func testBrokenConfigAtReloadKeepsTheOldOne() throws {
        let agent = try FaultAgent()
        try agent.writeConfig(extra: "[queue \"999\"]\nwaiting.amber = 3\nwaiting.red = 6\n")
        try agent.start()
        defer { agent.stop() }
        let thresholds = { () throws -> String in
            let r = try agent.request(.init(.thresholds))
            XCTAssertTrue(r.ok, "\(r)")
            return r.text ?? ""
        }
        let original = try thresholds()
        let framesBefore = try agent.status().framesDrawn

        // Truncated mid-write, then SIGHUP: logged with file:line, ignored.
        let good = try String(contentsOfFile: agent.configPath, encoding: .utf8)
        try String(good.prefix(good.count - 9)).appending("\n[queue \"101").write(
            toFile: agent.configPath, atomically: true, encoding: .utf8)
        kill(agent.pid, SIGHUP)
        usleep(1_500_000)
        XCTAssertTrue(agent.process?.isRunning ?? false, "agent exited on a bad reload: \(agent.stderr)")
        XCTAssertEqual(try thresholds(), original, "a config that fails validation must never be applied")
        XCTAssertTrue(agent.stderr.contains(agent.configPath + ":"), "the bad file must be logged with file:line: \(agent.stderr)")
        XCTAssertGreaterThan(try agent.status().framesDrawn, framesBefore, "still drawing")

        // Garbage too.
        try "\u{0}\u{1}\u{2}binary junk\n=\n[".write(toFile: agent.configPath, atomically: true, encoding: .utf8)
        kill(agent.pid, SIGHUP)
        usleep(1_000_000)
        XCTAssertTrue(agent.process?.isRunning ?? false, "agent exited on a garbage reload: \(agent.stderr)")
        XCTAssertEqual(try thresholds(), original)

        // And a good file is then taken: the reload path itself works (so "kept" above means refused).
        try agent.writeConfig(extra: "[queue \"999\"]\nwaiting.amber = 4\nwaiting.red = 9\n")
        kill(agent.pid, SIGHUP)
        usleep(1_500_000)
        XCTAssertNotEqual(try thresholds(), original, "a good config must be applied on SIGHUP")
    }
}
