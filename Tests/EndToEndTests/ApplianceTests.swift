import Foundation
import XCTest

/// Runs the appliance test (Deploy/appliance/run.sh): the real .deb, installed as the README says
/// into a debootstrapped Debian 12, booted under QEMU with systemd, checked from inside the guest
/// and on the real scanout. Minutes: a release build for the package, debootstrap once (cached),
/// one boot.
///
/// Needs root (debootstrap, chroot). Skipped (with the reason) when not root or the tools are
/// missing and this is not CI; in CI (`CI=true`) that is a failure.
final class ApplianceTests: XCTestCase {
    func testThePackageOnABootedDebian() throws {
        let environment = ProcessInfo.processInfo.environment
        let inCI = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
        let path = ((environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin").split(separator: ":")
        let missing = ["debootstrap", "mke2fs", "qemu-system-x86_64", "dpkg-buildpackage", "lintian", "socat", "busybox"].filter { tool in
            !path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
        }
        var problem: String?
        if getuid() != 0 { problem = "the appliance test needs root (debootstrap, chroot)" }
        if !missing.isEmpty { problem = "the appliance test needs \(missing.joined(separator: ", ")): run Deploy/install-build-deps.sh --test" }
        if let problem {
            if inCI { XCTFail(problem); return }
            throw XCTSkip(problem)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent("Deploy/appliance/run.sh")
        var env = environment
        env["WALLBOARD_DISPLAYTEST"] = Executable.url("wallboard-displaytest").path
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let started = Date()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let seconds = Int(Date().timeIntervalSince(started))
        print(text.split(separator: "\n").filter { $0.hasPrefix("FAIL") || $0.hasPrefix("appliance") }.joined(separator: "\n"))

        XCTAssertEqual(process.terminationStatus, 0, "appliance test failed after \(seconds) s:\n\(text)")
        // The checks the issue asks for, each a line the harness prints (none may go missing).
        for check in [
            "enabled by the package although it was installed offline", "active after boot",
            "Type=notify, READY with the first frame on DRM", "runs as the wallboard user, no capabilities",
            "tty1 in graphics mode (KD_GRAPHICS) while the board runs", "journal: no ConfigurationDirectory mode warning",
            "systemd-analyze security", "joins the multicast feed and accepts datagrams from the LAN",
            "scanout (breach)", "supervisor (group wallboard): status", "supervisor: threshold set, saved to the config",
            "supervisor: message", "supervisor: snapshot (a PNG)", "outside the group: refused",
            "reload: a good file is applied", "reload: a bad file is refused with file:line",
            "reload: the board keeps running its last good config", "watchdog: a stopped agent is restarted",
            "scanout (restarted)", "stop: tty1 back in text mode", "stop: a login prompt on tty1 (getty@tty1 started again)",
            "scanout (console)", "apt remove: login prompt on tty1 again",
        ] {
            XCTAssertTrue(text.contains("PASS \(check)"), "appliance: \(check)")
        }
        XCTAssertFalse(text.contains("\nFAIL"), text)
    }
}
