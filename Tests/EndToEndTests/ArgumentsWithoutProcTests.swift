import Foundation
import Glibc
import XCTest

/// The tools where /proc is not mounted — a chroot or an image builder without it (Ansible's
/// chroot connection runs `wallboardctl check-config` and `reload` in one): Swift's CommandLine
/// reads /proc/self/cmdline on Linux, so wallboardctl used to see no arguments and refuse every
/// command ("a command is needed"). Here it runs in a mount namespace with an empty folder
/// bound over /proc. Root only (a mount namespace), as CI runs.
final class ArgumentsWithoutProcTests: XCTestCase {
    func testWallboardctlReadsItsArgumentsWithoutProc() throws {
        let tools = try RequiredTools.find(["unshare", "mount"], for: "the no-/proc test")
        guard geteuid() == 0 else { throw XCTSkip("a mount namespace needs root (CI runs as root)") }
        let empty = "/tmp/wbp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let config = RequiredTools.repositoryRoot + "/Deploy/wallboard.conf"
        let ctl = Executable.url("wallboardctl").path
        // unshare -m makes the namespace's mounts private: the bind never reaches the host.
        let run = try AgentProcess.runProgram(tools[0], ["-m", "/bin/sh", "-c",
            "\(tools[1]) --bind '\(empty)' /proc && test ! -e /proc/self && exec '\(ctl)' check-config '\(config)'"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue((run.stdout + run.stderr).contains("\(config): OK"), run.stdout + run.stderr)
    }
}
