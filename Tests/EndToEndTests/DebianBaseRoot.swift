import Foundation
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
