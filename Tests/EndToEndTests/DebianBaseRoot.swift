import Foundation
import Glibc
import XCTest

/// The Debian 12 base root the root-needing tests start from (Deploy/appliance/debian-root.sh:
/// debootstrapped once, cached as a tar and shared with the appliance image): each test unpacks its
/// own copy. Needs root.
enum DebianBaseRoot {
    static func unpack(into directory: String) throws {
        let cached = try AgentProcess.runProgram(RequiredTools.repositoryRoot + "/Deploy/appliance/debian-root.sh", [])
        guard cached.status == 0 else {
            XCTFail("Deploy/appliance/debian-root.sh: \(cached.stderr)")
            throw XCTSkip("no Debian base root")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let tar = cached.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let unpacked = try AgentProcess.runProgram("/bin/tar", ["-C", directory, "-xf", tar])
        XCTAssertEqual(unpacked.status, 0, unpacked.stderr)
    }
}

/// A copy of the base root to chroot into, with /proc mounted as a board has it; `close()` (in the
/// test's tearDown) unmounts and deletes it.
final class DebianChroot {
    let path = "/tmp/wbc-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    private var mountedProc = false

    init() throws {
        try DebianBaseRoot.unpack(into: path)
        let proc = try AgentProcess.runProgram("/bin/mount", ["-t", "proc", "proc", path + "/proc"])
        XCTAssertEqual(proc.status, 0, proc.stderr)
        mountedProc = proc.status == 0
    }

    /// Runs a shell line inside the root.
    func run(_ command: String) throws -> Executable.Result {
        try AgentProcess.runProgram("/usr/sbin/chroot", [path, "/bin/sh", "-c", command])
    }

    func close() {
        // /proc first: never let a recursive delete walk into a mounted proc.
        if mountedProc { _ = try? AgentProcess.runProgram("/bin/umount", ["-l", path + "/proc"]) }
        mountedProc = false
        try? FileManager.default.removeItem(atPath: path)
    }
}
