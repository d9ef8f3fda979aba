import Foundation
import XCTest

/// The bounded fuzz pass CI runs: Deploy/fuzz/run.sh builds each libFuzzer target (datagram decoder
/// + verify + intake, config parser) against the WallboardCore sources and runs it from the seed
/// corpus. Any crash or broken invariant fails this test and names the saved input.
/// Only with CI=true or WALLBOARD_FUZZ=1 (it compiles WallboardCore twice with sanitizers: minutes).
final class FaultFuzzingTests: XCTestCase {
    func testBoundedFuzzPassFindsNoCrash() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["CI"] == "true" || env["WALLBOARD_FUZZ"] == "1" else {
            throw XCTSkip("fuzz pass runs only with CI=true or WALLBOARD_FUZZ=1 (Deploy/fuzz/run.sh SECONDS runs it by hand)")
        }
        let seconds = env["WALLBOARD_FUZZ_SECONDS"] ?? "20"
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent("Deploy/fuzz/run.sh")
        process.arguments = [seconds]
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "fuzzing found a crash:\n\(text)")
        // Both targets really ran (a script that silently fuzzed nothing must not pass).
        for target in ["config", "datagram"] {
            XCTAssertTrue(text.contains("\(target): no crash in"), "target \(target) did not run:\n\(text)")
        }
        let runs = text.split(separator: "\n").compactMap { line -> Int? in
            guard let r = line.range(of: "no crash in ") else { return nil }
            return Int(line[r.upperBound...].prefix { $0.isNumber })
        }
        XCTAssertEqual(runs.count, 2, text)
        XCTAssertTrue(runs.allSatisfy { $0 > 1000 }, "too few executions to mean anything: \(runs)")
        print(text)
    }
}
