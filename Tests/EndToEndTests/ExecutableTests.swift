import Foundation
import XCTest

/// Runs the built executables as a user would.
final class ExecutableTests: XCTestCase {
    func testEveryToolAnswersHelpAndVersionAndRejectsBadArguments() throws {
        for tool in ["wallboard", "wallboardctl", "wallboard-publish"] {
            let help = try Executable.run(tool, ["--help"])
            XCTAssertEqual(help.status, 0, tool)
            XCTAssertTrue(help.stdout.contains("Usage: \(tool)"), tool)

            let version = try Executable.run(tool, ["--version"])
            XCTAssertEqual(version.status, 0, tool)
            XCTAssertTrue(version.stdout.hasPrefix("\(tool) "), tool)

            let bad = try Executable.run(tool, ["--no-such-option"])
            XCTAssertEqual(bad.status, 2, tool)
            XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, "one-line error from \(tool): \(bad.stderr)")
            XCTAssertTrue(bad.stderr.contains("--no-such-option"), tool)
        }
    }
}
