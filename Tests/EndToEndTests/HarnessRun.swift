import Foundation
import XCTest

/// One run of a QEMU harness script (Deploy/appliance/run.sh, Deploy/qemu/run-display-tests.sh):
/// the tools it needs found first (RequiredTools: skipped outside CI, a failure in it), the script
/// run with the probe the tests built, its output captured whole. Each harness prints one
/// "PASS what"/"FAIL what" line per check and a summary starting with its `summary` prefix.
struct HarnessRun {
    let status: Int32
    let text: String
    let seconds: Int

    /// Runs `script` (relative to the repository root) to completion.
    static func run(_ script: String, needs tools: [String], for purpose: String, summary: String) throws -> HarnessRun {
        _ = try RequiredTools.find(tools, for: purpose)
        let probe = Executable.url("wallboard-displaytest")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: probe.path), "wallboard-displaytest not built at \(probe.path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RequiredTools.repositoryRoot + "/" + script)
        var environment = ProcessInfo.processInfo.environment
        environment["WALLBOARD_DISPLAYTEST"] = probe.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let started = Date()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let run = HarnessRun(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self),
                             seconds: Int(Date().timeIntervalSince(started)))
        // The failures and the harness's own lines (timings, summary) in the test log; the rest on failure.
        print(run.text.split(separator: "\n").filter { $0.hasPrefix("FAIL") || $0.hasPrefix(summary) }.joined(separator: "\n"))
        XCTAssertEqual(run.status, 0, "\(script) failed after \(run.seconds) s:\n\(run.text)")
        return run
    }

    /// Whether the harness printed "PASS check" (a check that goes missing fails like one that fails).
    func passed(_ check: String) -> Bool { text.contains("PASS \(check)") }
    var anyFailed: Bool { text.hasPrefix("FAIL") || text.contains("\nFAIL") }
}
