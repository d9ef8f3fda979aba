import Foundation
import Glibc
import WallboardTestSupport
import XCTest
import WallboardCore
import WallboardRender

/// The agent as a supervisor meets it: a real process on the simulated floor, drawing PNGs, steered by
/// the real wallboardctl over a real Unix socket.
final class AgentEndToEndTests: XCTestCase {
    static let config = """
        # Test floor — every comment here must survive a threshold change.
        [board]
        title = "TEST FLOOR"   # shown in the header

        [display]
        # Small PNG frames keep a debug-build agent quick under test.
        mode = 640x360

        [queue "999"]
        # 999: a caller waiting more than ten seconds is a problem
        longest_wait.amber = 10s   # amber after ten seconds
        longest_wait.red = 20s
        """

    func testStartsNotifiesReadyAndAnswersStatus() throws {
        let agent = try AgentProcess(configText: Self.config, watchdogMicroseconds: 2_000_000)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), "no READY=1; log:\n\(agent.log)")
        XCTAssertTrue(agent.notifications.first { $0.contains("READY=1") }?.contains("STATUS=drawing to png") ?? false)
        // WATCHDOG_USEC=2 s: pings every second from the event loop.
        XCTAssertTrue(agent.waitForNotification(containing: "WATCHDOG=1", timeout: 5), agent.notifications.description)

        let status = try agent.ctl(["status"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("config:   \(agent.config)"), status.stdout)
        XCTAssertTrue(status.stdout.contains("display:  png \(agent.png)"), status.stdout)
        XCTAssertTrue(status.stdout.contains("simulat"), status.stdout)
        XCTAssertTrue(status.stdout.contains("frames:"), status.stdout)

        // The socket is 0660: never world-accessible.
        var info = stat()
        XCTAssertEqual(lstat(agent.socket, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o660)

        // The PNG display drew the board.
        let png = try Data(contentsOf: URL(fileURLWithPath: agent.png))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
        XCTAssertTrue(agent.log.contains("<5>SIGTERM: shutting down"), agent.log)
        XCTAssertNotEqual(lstat(agent.socket, &info), 0, "control socket removed on exit")
        XCTAssertTrue(agent.notifications.contains { $0.contains("STOPPING=1") } || agent.waitForNotification(containing: "STOPPING=1", timeout: 2))
    }

    func testThresholdSetIsValidatedAppliedSavedWithCommentsAndAudited() throws {
        let agent = try AgentProcess(configText: Self.config)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)

        let set = try agent.ctl(["threshold", "set", "999", "longest_wait", "amber=15s", "red=45s"])
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("999 longest_wait: amber 10s → 15s, red 20s → 45s"), set.stdout)

        // Written back: new values, every comment and the layout kept.
        let saved = try String(contentsOfFile: agent.config, encoding: .utf8)
        XCTAssertTrue(saved.contains("longest_wait.amber = 15s   # amber after ten seconds"), saved)
        XCTAssertTrue(saved.contains("longest_wait.red = 45s"), saved)
        XCTAssertTrue(saved.contains("# Test floor — every comment here must survive a threshold change."), saved)
        XCTAssertTrue(saved.contains("# 999: a caller waiting more than ten seconds is a problem"), saved)
        XCTAssertTrue(saved.contains("title = \"TEST FLOOR\"   # shown in the header"), saved)

        // Applied live, and listed in config-file notation under the queue's own section.
        let shown = try agent.ctl(["thresholds"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let section = shown.stdout.components(separatedBy: "[queue \"999\"]").dropFirst().first?
            .components(separatedBy: "\n[").first ?? ""
        XCTAssertTrue(section.contains("\nlongest_wait.amber = 15s\n"), shown.stdout)
        XCTAssertTrue(section.contains("\nlongest_wait.red = 45s\n"), shown.stdout)
        XCTAssertNoThrow(try WallboardConfig(parsing: shown.stdout), "the listing is config-file text")

        // Audit log: who (from SO_PEERCRED), what, old → new.
        let user = String(cString: getpwuid(getuid()).pointee.pw_name)
        XCTAssertTrue(agent.waitForLog("audit: \(user) (uid \(getuid())"), agent.log)
        XCTAssertTrue(agent.log.contains("threshold set 999 longest_wait: amber 10s → 15s, red 20s → 45s"), agent.log)

        // Both limits moved past the old red at once: one checked edit, not two (the in-between
        // state amber 50s > red 45s would be refused).
        let raised = try agent.ctl(["threshold", "set", "999", "longest_wait", "amber=50s", "red=1m"])
        XCTAssertEqual(raised.status, 0, raised.stderr)
        let resaved = try String(contentsOfFile: agent.config, encoding: .utf8)
        XCTAssertTrue(resaved.contains("longest_wait.amber = 50s   # amber after ten seconds"), resaved)
        XCTAssertTrue(resaved.contains("longest_wait.red = 1m"), resaved)
    }

    func testThresholdErrorsAreClearAndChangeNothing() throws {
        let agent = try AgentProcess(configText: Self.config)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        let before = try String(contentsOfFile: agent.config, encoding: .utf8)

        let cases: [([String], String)] = [
            (["threshold", "set", "998", "longest_wait", "red=30s"], "unknown queue '998'"),
            (["threshold", "set", "999", "longest_wiat", "red=30s"],
             "unknown key 'longest_wiat.red' in [queue \"999\"]; did you mean 'longest_wait.red'?"),
            (["threshold", "set", "999", "service_level", "red=120%"], "'120%' is not a percentage from 0% to 100%"),
            (["threshold", "set", "999", "longest_wait", "red=soon"], "'soon' is not a duration like 10s, 2m or 1h"),
            (["threshold", "set", "999", "longest_wait", "amber=1m", "red=30s"],
             "longest_wait.red (30s) must be at or beyond longest_wait.amber (1m): higher is worse"),
        ]
        for (arguments, expected) in cases {
            let result = try agent.ctl(arguments)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        XCTAssertEqual(try String(contentsOfFile: agent.config, encoding: .utf8), before, "a refused change never touches the file")
    }

    func testBannerSnapshotPreviewAndCheckConfig() throws {
        let agent = try AgentProcess(configText: Self.config)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)

        let message = try agent.ctl(["message", "Major incident on the M6", "--for", "30m"])
        XCTAssertEqual(message.status, 0, message.stderr)
        XCTAssertTrue(try agent.ctl(["status"]).stdout.contains("banner:   \"Major incident on the M6\""))
        XCTAssertEqual(try agent.ctl(["message", "hello", "--for", "soon"]).status, 1)
        XCTAssertEqual(try agent.ctl(["message", "clear"]).status, 0)
        XCTAssertTrue(try agent.ctl(["status"]).stdout.contains("banner:   none"))

        let file = agent.directory + "/snap.png"
        let snapshot = try agent.ctl(["snapshot", file])
        XCTAssertEqual(snapshot.status, 0, snapshot.stderr)
        let png = try Data(contentsOf: URL(fileURLWithPath: file))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let picture = try PNGReader.decode(Array(png))
        XCTAssertEqual(picture.width, 640)
        XCTAssertEqual(picture.height, 360)
        XCTAssertGreaterThan(Set(picture.pixels).count, 50, "a drawn board, not an empty picture")

        let preview = try agent.ctl(["preview", "--once"])
        XCTAssertEqual(preview.status, 0, preview.stderr)
        XCTAssertTrue(preview.stdout.contains("\u{1B}[38;2;"), "truecolor half blocks")
        XCTAssertTrue(preview.stdout.contains("▀"))

        let bad = agent.directory + "/bad.conf"
        try "[queue \"999\"]\nlongest_wait.red = 30\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let check = try agent.ctl(["check-config", bad])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains("\(bad):2:"), check.stderr)
        let good = try agent.ctl(["check-config", agent.config])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(try agent.ctl(["check-config"]).status, 0, "the agent's own file")
    }

    func testSighupReloadsAGoodFileAndKeepsTheOldConfigOnABadOne() throws {
        let agent = try AgentProcess(configText: Self.config)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)

        let good = Self.config.replacingOccurrences(of: "longest_wait.red = 20s", with: "longest_wait.red = 25s")
        try good.write(toFile: agent.config, atomically: true, encoding: .utf8)
        agent.signal(SIGHUP)
        XCTAssertTrue(agent.waitForLog("SIGHUP: reloaded \(agent.config)"), agent.log)
        XCTAssertTrue(try agent.ctl(["thresholds"]).stdout.contains("25s"))

        // A bad file: logged at error priority with file:line, ignored whole.
        let bad = good.replacingOccurrences(of: "longest_wait.red = 25s", with: "longest_wait.red = 35s")
            + "\n[queue \"101\"]\nservice_level.red = lots\n"
        try bad.write(toFile: agent.config, atomically: true, encoding: .utf8)
        agent.signal(SIGHUP)
        XCTAssertTrue(agent.waitForLog("not applied, keeping the running config"), agent.log)
        let errorLine = agent.log.split(separator: "\n").first { $0.contains("not applied") } ?? ""
        XCTAssertTrue(errorLine.hasPrefix("<3>"), String(errorLine))
        XCTAssertTrue(errorLine.contains("\(agent.config):"), "names file:line: \(errorLine)")
        XCTAssertTrue(errorLine.contains("lots"), String(errorLine))
        // Still running, still on the last good config (not even the valid part of the bad file).
        let thresholds = try agent.ctl(["thresholds"])
        XCTAssertEqual(thresholds.status, 0)
        XCTAssertTrue(thresholds.stdout.contains("25s"), thresholds.stdout)
        XCTAssertFalse(thresholds.stdout.contains("35s"), thresholds.stdout)

        // Saving a good file is enough: the agent notices the change on its next tick.
        // (The same line may already be in the log: the tick can notice the earlier writes before their SIGHUP.)
        let edited = good.replacingOccurrences(of: "longest_wait.red = 25s", with: "longest_wait.red = 40s")
        let mark = agent.logMark
        try edited.write(toFile: agent.config, atomically: true, encoding: .utf8)
        XCTAssertTrue(agent.waitForLog("\(agent.config) changed: reloaded \(agent.config)", since: mark), agent.log)
        XCTAssertTrue(try agent.ctl(["thresholds"]).stdout.contains("40s"))

        agent.signal(SIGINT)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }

    func testBadConfigAtStartIsAClearErrorAndNonZeroExit() throws {
        let agent = try AgentProcess(configText: "[board]\ntitle = \"X\"\n\n[queue \"999\"]\nlongest_wait.red = tomorrow\n")
        XCTAssertEqual(agent.waitForExit(), 1)
        XCTAssertTrue(agent.log.hasPrefix("wallboard: \(agent.config):5:"), agent.log)
        XCTAssertEqual(agent.log.split(separator: "\n").count, 1, agent.log)
        XCTAssertFalse(agent.notifications.contains { $0.contains("READY=1") })
    }

    func testWallboardctlSaysWhenTheAgentIsNotRunningOrAccessIsDenied() throws {
        let missing = try Executable.run("wallboardctl", ["--socket", "/tmp/wb-none-\(getpid())/control", "status"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("agent is not running"), missing.stderr)

        // A user outside the socket's group (nobody) is refused by the kernel: say so plainly.
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv")
        let agent = try AgentProcess(configText: Self.config)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        chmod(agent.directory, 0o755)
        let denied = try AgentProcess.runProgram(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", Executable.url("wallboardctl").path, "--socket", agent.socket, "status"])
        XCTAssertEqual(denied.status, 1, denied.stdout + denied.stderr)
        XCTAssertTrue(denied.stderr.contains("permission denied"), denied.stderr)
    }
}
