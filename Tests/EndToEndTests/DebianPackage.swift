import Foundation
import XCTest

/// The real .deb for the tests that install it: `WALLBOARD_DEB`, which `Deploy/dev test` sets after
/// building it with Deploy/build-deb.sh (as the README builds it) before the tests start. It cannot
/// be built from inside the tests: `swift test` holds the lock on .build that build-deb.sh's own
/// `swift build` needs.
enum DebianPackage {
    static func path(for purpose: String) throws -> String {
        guard let deb = ProcessInfo.processInfo.environment["WALLBOARD_DEB"], !deb.isEmpty else {
            let message = "\(purpose) installs the .deb: run it through Deploy/dev test, or set WALLBOARD_DEB=$(Deploy/build-deb.sh | tail -1)"
            if RequiredTools.inCI { XCTFail(message) }
            throw XCTSkip(message)
        }
        guard FileManager.default.fileExists(atPath: deb) else {
            XCTFail("WALLBOARD_DEB=\(deb): no such file")
            throw XCTSkip("no package")
        }
        return deb
    }
}
