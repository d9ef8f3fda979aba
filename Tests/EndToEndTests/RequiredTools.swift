import Foundation
import XCTest

/// The real programs a test talks to (promtool, node_exporter, ansible-playbook, ...), found on
/// PATH (plus the sbin folders). Missing ones skip the test with the install command, except in CI
/// (`CI=true`), where Deploy/install-build-deps.sh --test must have installed them: a failure there.
enum RequiredTools {
    static var inCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }

    /// The full path of each tool, in order; throws XCTSkip (or fails, in CI) naming what is missing.
    static func find(_ tools: [String], for purpose: String) throws -> [String] {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin"
        var found: [String] = []
        var missing: [String] = []
        for tool in tools {
            if let dir = path.split(separator: ":").first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }) {
                found.append("\(dir)/\(tool)")
            } else {
                missing.append(tool)
            }
        }
        guard missing.isEmpty else {
            let message = "\(purpose) needs \(missing.joined(separator: ", ")): run Deploy/install-build-deps.sh --test"
            if inCI { XCTFail(message) }
            throw XCTSkip(message)
        }
        return found
    }

    /// The repository's root folder (this file is Tests/EndToEndTests/RequiredTools.swift).
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
