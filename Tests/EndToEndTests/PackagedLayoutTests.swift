import Foundation
import Glibc
import XCTest

/// The agent as the .deb runs it: an unprivileged user whose group owns /etc/wallboard (2775) and
/// the config (root:GROUP 0664). A supervisor's `threshold set` must be saved there — the agent may
/// not chown the file back to root, and must not need to.
final class PackagedLayoutTests: XCTestCase {
    func testThresholdSetSavesAsTheUnprivilegedAgentKeepingGroupAndMode() throws {
        try XCTSkipUnless(getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv")
        let nobody: (uid: uid_t, gid: gid_t) = (65534, 65534)
        let agent = try AgentProcess(configText: AgentEndToEndTests.config, packagedAs: nobody)
        XCTAssertTrue(agent.waitForNotification(containing: "READY=1"), agent.log)

        let set = try agent.ctl(["threshold", "set", "999", "longest_wait", "red=45s"])
        XCTAssertEqual(set.status, 0, set.stdout + set.stderr)
        XCTAssertTrue(set.stdout.contains("saved to \(agent.config)"), set.stdout + set.stderr)
        let saved = try String(contentsOfFile: agent.config, encoding: .utf8)
        XCTAssertTrue(saved.contains("longest_wait.red = 45s"), saved)
        XCTAssertTrue(saved.contains("# amber after ten seconds"), saved)

        var info = stat()
        XCTAssertEqual(stat(agent.config, &info), 0)
        XCTAssertEqual(info.st_mode & 0o7777, 0o664, "mode kept")
        XCTAssertEqual(info.st_gid, nobody.gid, "group kept: the supervisors' group may still edit it")
        XCTAssertEqual(info.st_uid, nobody.uid, "the writer owns the new file (only root may give it away)")

        // A file the agent may not write is not replaced through the writable directory.
        XCTAssertEqual(chown(agent.config, 0, nobody.gid), 0)
        XCTAssertEqual(chmod(agent.config, 0o644), 0)
        let refused = try agent.ctl(["threshold", "set", "999", "longest_wait", "red=50s"])
        XCTAssertEqual(refused.status, 1, refused.stdout)
        XCTAssertFalse(try String(contentsOfFile: agent.config, encoding: .utf8).contains("50s"))
        agent.signal(SIGTERM)
        XCTAssertEqual(agent.waitForExit(), 0, agent.log)
    }
}
