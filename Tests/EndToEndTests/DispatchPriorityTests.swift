import Foundation
import Glibc
import XCTest

/// Issue 13: "Failed to set thread priority for worker thread ... errno=13" in the journal at every
/// start. libdispatch's event-manager thread asks for nice -4 (user-interactive QoS) once the first
/// DispatchSource exists; run unprivileged, setpriority(2) refuses unless RLIMIT_NICE allows it. The
/// unit grants exactly that (LimitNICE=-4); this runs the agent as `nobody` with the unit's limit and
/// libdispatch's log on stderr, and checks the line is gone — and that it is there without the limit,
/// so the test sees what the journal would.
final class DispatchPriorityTests: XCTestCase {
    func testTheUnitsNiceLimitLetsLibdispatchSetItsThreadPriority() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let unit = try String(contentsOf: root.appendingPathComponent("Deploy/wallboard.service"), encoding: .utf8)
        let setting = try XCTUnwrap(unit.split(separator: "\n").first { $0.hasPrefix("LimitNICE=") }, "the unit sets LimitNICE")
        let nice = try XCTUnwrap(Int(setting.dropFirst("LimitNICE=".count)))
        let limit = 20 - nice  // RLIMIT_NICE: the lowest nice value allowed is 20 - limit

        guard getuid() == 0 else { throw XCTSkip("needs root to run the agent as nobody") }
        let probe = try AgentProcess.runProgram("/usr/bin/prlimit", ["--nice=\(limit):\(limit)", "/bin/true"])
        guard probe.status == 0 else {
            throw XCTSkip("cannot raise RLIMIT_NICE here (no CAP_SYS_RESOURCE: \(probe.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        let withLimit = try runAgentAsNobody(niceLimit: limit)
        XCTAssertFalse(withLimit.contains("Failed to set thread priority"), withLimit)
        XCTAssertTrue(withLimit.contains("first frame presented"), withLimit)
        let without = try runAgentAsNobody(niceLimit: 0)
        XCTAssertTrue(without.contains("Failed to set thread priority"), "without the limit libdispatch complains:\n\(without)")
    }

    /// The agent's stderr over two seconds of a simulated floor, as `nobody`, with libdispatch logging to stderr.
    private func runAgentAsNobody(niceLimit: Int) throws -> String {
        let directory = "/tmp/wbn-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--nice=\(niceLimit):\(niceLimit)", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                             Executable.url("wallboard").path, "--simulate", "--display", "none", "--socket", directory + "/control"]
        var environment = ProcessInfo.processInfo.environment
        environment["LIBDISPATCH_LOG"] = "stderr"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        usleep(2_000_000)
        process.terminate()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
