import Foundation
import Glibc
import XCTest

/// What passes check-config starts, and reload says "restart needed" for what it cannot apply live.
final class AgentCheckConfigEndToEndTests: XCTestCase {
    func testAMissingFontIsRefusedByCheckConfigReloadAndStartAlike() throws {
        let agent = try AgentProcess(configText: "[display]\nmode = 640x360\n")
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        let broken = "[display]\nmode = 640x360\nfont = /nonexistent/x.ttf\n"
        try broken.write(toFile: agent.config, atomically: true, encoding: .utf8)
        let expected = "\(agent.config):3:8: 'font': font /nonexistent/x.ttf: FreeType cannot open it"

        let byFile = try Executable.run("wallboardctl", ["check-config", agent.config])
        XCTAssertEqual(byFile.status, 1)
        XCTAssertTrue(byFile.stderr.contains(expected), byFile.stderr)
        let byAgent = try agent.ctl(["check-config"])
        XCTAssertEqual(byAgent.status, 1)
        XCTAssertTrue(byAgent.stderr.contains(expected), byAgent.stderr)
        let reload = try agent.ctl(["reload"])
        XCTAssertEqual(reload.status, 1, reload.stdout)
        XCTAssertTrue(reload.stderr.contains("not applied, the running config stays"), reload.stderr)
        XCTAssertTrue(reload.stderr.contains(expected), reload.stderr)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)

        // And the start refuses it in the same words.
        let restarted = try AgentProcess(configText: broken)
        XCTAssertEqual(restarted.waitForExit(), 1)
        XCTAssertTrue(restarted.log.contains(expected.replacingOccurrences(of: agent.config, with: restarted.config)), restarted.log)
    }

    func testReloadSaysRestartNeededForRotationAndAppliesTheRest() throws {
        let agent = try AgentProcess(configText: "[display]\nmode = 640x360\n[board]\ntitle = BEFORE\n")
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)
        try "[display]\nmode = 640x360\nrotation = 180\n[board]\ntitle = AFTER\n"
            .write(toFile: agent.config, atomically: true, encoding: .utf8)
        let reload = try agent.ctl(["reload"])
        XCTAssertEqual(reload.status, 0, reload.stderr)
        XCTAssertEqual(
            reload.stdout,
            "reloaded \(agent.config); restart needed for [display] rotation (applied after 'systemctl restart wallboard')\n")
        // Still pending on the next reload: the screen has not been turned.
        let again = try agent.ctl(["reload"])
        XCTAssertTrue(again.stdout.contains("restart needed for [display] rotation"), again.stdout)
        XCTAssertTrue(agent.log.contains("<4>restart needed for [display] rotation"), agent.log)
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0)
    }
}
