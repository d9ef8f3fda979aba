import Foundation
import Glibc
import XCTest

/// Deploy/ansible for real: ansible-playbook with Ansible's chroot connection against two
/// debootstrapped Debian 12 roots, one board per site. The README's worked example, step by step:
/// install the real .deb, template wallboard.conf from the inventory (site thresholds, per-board
/// title, connectors and views), change nothing on a second run, refuse a bad threshold with the
/// old file kept, then one commit-sized edit plus a package upgrade reaches a running agent
/// through the reload handler.
final class AnsiblePlaybookTests: XCTestCase {
    var work = ""
    var mounted: [String] = []

    override func tearDown() {
        // /proc first: never let a recursive delete walk into a mounted proc.
        for path in mounted.reversed() { _ = try? AgentProcess.runProgram("/bin/umount", ["-l", path]) }
        if !work.isEmpty { try? FileManager.default.removeItem(atPath: work) }
    }

    func testPlaybookInstallsTemplatesValidatesAndReloadsEveryBoard() throws {
        let started = Date()
        let tools = try RequiredTools.find(["ansible-playbook", "debootstrap", "chroot", "dpkg-deb"], for: "the playbook test")
        guard geteuid() == 0 else { throw XCTSkip("the playbook test chroots into Debian roots: run as root (CI does)") }
        let (playbook, chroot, dpkgDeb) = (tools[0], tools[2], tools[3])
        let deb = try DebianPackage.path(for: "the playbook test")

        work = "/tmp/wba-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let boards = ["board-north-1", "board-south-1"]
        for board in boards {
            // The base root the appliance test boots too: one debootstrap for both (cached).
            try DebianBaseRoot.unpack(into: "\(work)/\(board)")
            // Services must not start inside the root (there is no init in a chroot), as in an image builder.
            try "#!/bin/sh\nexit 101\n".write(toFile: "\(work)/\(board)/usr/sbin/policy-rc.d", atomically: true, encoding: .utf8)
            XCTAssertEqual(chmod("\(work)/\(board)/usr/sbin/policy-rc.d", 0o755), 0)
            // A board has /proc (the playbook's python and dpkg use it).
            let proc = try AgentProcess.runProgram("/bin/mount", ["-t", "proc", "proc", "\(work)/\(board)/proc"])
            XCTAssertEqual(proc.status, 0, proc.stderr)
            mounted.append("\(work)/\(board)/proc")
        }
        // The playbook as a supervisor keeps it in version control: a copy we can edit.
        XCTAssertEqual(try AgentProcess.runProgram("/bin/cp", ["-a", RequiredTools.repositoryRoot + "/Deploy/ansible", "\(work)/ansible"]).status, 0)
        let inventory = "\(work)/ansible/inventory.yml"
        try """
            # The example inventory's groups, with each board a chroot instead of an SSH host.
            wallboards:
              vars:
                ansible_connection: community.general.chroot
                ansible_become: false
                ansible_python_interpreter: /usr/bin/python3
              children:
                site_north:
                  hosts:
                    board-north-1: {ansible_host: \(work)/board-north-1}
                site_south:
                  hosts:
                    board-south-1: {ansible_host: \(work)/board-south-1}
            """.write(toFile: inventory, atomically: true, encoding: .utf8)

        func run(_ extra: [String] = [], package: String = deb) throws -> Executable.Result {
            try AgentProcess.runProgram(playbook, ["-i", inventory, "\(work)/ansible/site.yml", "-e", "wallboard_deb=\(package)"] + extra)
        }
        func inRoot(_ board: String, _ arguments: [String]) throws -> Executable.Result {
            try AgentProcess.runProgram(chroot, ["\(work)/\(board)"] + arguments)
        }
        func conf(_ board: String) throws -> String {
            try String(contentsOfFile: "\(work)/\(board)/etc/wallboard/wallboard.conf", encoding: .utf8)
        }
        func recap(_ out: Executable.Result, _ board: String) -> String {
            out.stdout.split(separator: "\n").first { $0.hasPrefix(board) && $0.contains("ok=") }.map(String.init) ?? "no recap for \(board)"
        }

        // 1. Install and configure both sites.
        let first = try run()
        XCTAssertEqual(first.status, 0, first.stdout.suffix(4000) + first.stderr)
        for board in boards {
            XCTAssertTrue(recap(first, board).contains("failed=0"), recap(first, board))
            let version = try inRoot(board, ["dpkg-query", "-W", "-f", "${Status} ${Version}", "wallboard"])
            XCTAssertTrue(version.stdout.hasPrefix("install ok installed"), version.stdout + version.stderr)
            let check = try inRoot(board, ["/usr/bin/wallboardctl", "check-config", "/etc/wallboard/wallboard.conf"])
            XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
            let owner = try inRoot(board, ["stat", "-c", "%U:%G %a", "/etc/wallboard/wallboard.conf"])
            XCTAssertEqual(owner.stdout, "root:wallboard 664\n", "the package's layout, kept by the template")
        }
        let north = try conf("board-north-1"), south = try conf("board-south-1")
        XCTAssertTrue(north.contains("title = NORTH CONTROL ROOM\n"), north)
        XCTAssertTrue(north.contains("connector = HDMI-A-1, HDMI-A-2\nviews = 999, 101 | CRIME, ONLINE\n"), north)
        XCTAssertTrue(north.contains("[queue \"999\"]\nlabel = 999 EMERGENCY\nlongest_wait.amber = 10s\nlongest_wait.red = 20s\n"), north)
        XCTAssertTrue(
            north.contains("[incident \"immediate/urban\"]\nlabel = IMMEDIATE URBAN\noldest.amber = 10m\noldest.red = 15m\nunresourced.red = 5\n"),
            north)
        XCTAssertFalse(south.contains("[incident"), "the north's incident limits are the north's: \(south)")
        XCTAssertTrue(south.contains("title = SOUTH CONTROL ROOM\n"), south)
        XCTAssertTrue(south.contains("longest_wait.red = 30s\n"), "south's own 999 limit: \(south)")
        XCTAssertTrue(south.contains("[feed]\ngroup = 239.192.0.99\nlost_after = 30s\nport = 5099\n"), south)

        // 2. Nothing changed: nothing done.
        let again = try run()
        XCTAssertEqual(again.status, 0, String(again.stdout.suffix(3000)))
        for board in boards { XCTAssertTrue(recap(again, board).contains("changed=0"), recap(again, board)) }

        // 3. A mistake in the site's thresholds is refused by check-config; the old file stays.
        let sitePath = "\(work)/ansible/group_vars/site_north.yml"
        let site = try String(contentsOfFile: sitePath, encoding: .utf8)
        try site.replacingOccurrences(of: "longest_wait.red: 20s", with: "longest_wait.red: 20").write(toFile: sitePath, atomically: true, encoding: .utf8)
        let refused = try run(["--limit", "board-north-1"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stdout.contains("'longest_wait.red': '20' is not a duration"), String(refused.stdout.suffix(3000)))
        XCTAssertEqual(try conf("board-north-1"), north, "the refused file never replaced the good one")

        // 4. A running agent on the north board; one edit to the site's file and a newer package
        //    reach it: upgraded, templated, reloaded through its control socket.
        let agent = Process()
        agent.executableURL = URL(fileURLWithPath: chroot)
        agent.arguments = ["\(work)/board-north-1", "/usr/bin/wallboard", "--simulate", "--display", "png", "--png", "/run/board.png",
                           "--config", "/etc/wallboard/wallboard.conf"]
        let agentLog = "\(work)/agent.log"
        FileManager.default.createFile(atPath: agentLog, contents: nil)
        agent.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: agentLog))
        agent.standardOutput = FileHandle.nullDevice
        try agent.run()
        defer { if agent.isRunning { agent.terminate(); agent.waitUntilExit() } }
        let socket = "\(work)/board-north-1/run/wallboard/control"
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline && agent.isRunning { usleep(100_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: socket), (try? String(contentsOfFile: agentLog, encoding: .utf8)) ?? "")

        let newer = try Self.repackage(deb, version: "9.9.9", in: work, dpkgDeb: dpkgDeb)
        try site.replacingOccurrences(of: "longest_wait.red: 20s", with: "longest_wait.red: 25s").write(toFile: sitePath, atomically: true, encoding: .utf8)
        let change = try run(package: newer)
        XCTAssertEqual(change.status, 0, change.stdout.suffix(4000) + change.stderr)
        XCTAssertTrue(change.stdout.contains("RUNNING HANDLER [wallboard : Reload the agent]"), String(change.stdout.suffix(3000)))
        XCTAssertEqual(try inRoot("board-north-1", ["dpkg-query", "-W", "-f", "${Version}", "wallboard"]).stdout, "9.9.9")
        XCTAssertTrue(try conf("board-north-1").contains("longest_wait.red = 25s\n"))
        let thresholds = try Executable.run("wallboardctl", ["--socket", socket, "thresholds", "--json"])
        XCTAssertEqual(thresholds.status, 0, thresholds.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(thresholds.stdout.utf8)) as? [[String: Any]])
        let wait = rows.first { $0["queue"] as? String == "999" && $0["metric"] as? String == "longest_wait" }
        XCTAssertEqual(wait?["red"] as? String, "25s", "the running agent took the new limit")
        let log = (try? String(contentsOfFile: agentLog, encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("asked for a reload"), log)
        XCTAssertTrue(recap(change, "board-south-1").contains("changed=2"), "south: the new package copied and installed: \(recap(change, "board-south-1"))")
        XCTAssertEqual(try conf("board-south-1"), south, "north's edit never touches the south")
        print("AnsiblePlaybookTests: \(Int(Date().timeIntervalSince(started))) s (the .deb given, the Debian base root cached or bootstrapped)")
    }

    /// The same package under another version, as a newer release would arrive (dpkg-deb -R / -b).
    static func repackage(_ deb: String, version: String, in work: String, dpkgDeb: String) throws -> String {
        let tree = "\(work)/repack"
        XCTAssertEqual(try AgentProcess.runProgram(dpkgDeb, ["-R", deb, tree]).status, 0)
        let control = "\(tree)/DEBIAN/control"
        let text = try String(contentsOfFile: control, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("Version:") ? "Version: \(version)" : String($0) }
        try lines.joined(separator: "\n").write(toFile: control, atomically: true, encoding: .utf8)
        let out = "\(work)/wallboard_\(version).deb"
        let built = try AgentProcess.runProgram(dpkgDeb, ["--root-owner-group", "-b", tree, out])
        XCTAssertEqual(built.status, 0, built.stderr)
        return out
    }
}
