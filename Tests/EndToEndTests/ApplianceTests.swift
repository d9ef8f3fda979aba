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
        guard getuid() == 0 else {
            let problem = "the appliance test needs root (debootstrap, chroot)"
            if RequiredTools.inCI { XCTFail(problem); return }
            throw XCTSkip(problem)
        }
        let run = try HarnessRun.run("Deploy/appliance/run.sh", needs: [
            "debootstrap", "mke2fs", "qemu-system-x86_64", "dpkg-buildpackage", "lintian", "socat", "busybox",
        ], for: "the appliance test", summary: "appliance")
        // The checks the issue asks for, each a line the harness prints (none may go missing).
        for check in [
            "enabled by the package although it was installed offline", "active after boot",
            "Type=notify, READY with the first frame on DRM", "runs as the wallboard user, no capabilities",
            "tty1 in graphics mode (KD_GRAPHICS) while the board runs", "journal: no ConfigurationDirectory mode warning",
            "systemd-analyze security", "joins the multicast feed and accepts datagrams from the LAN",
            "scanout (breach)", "supervisor (group wallboard): status", "supervisor: threshold set, saved to the config",
            "supervisor: message", "supervisor: snapshot (a PNG)", "outside the group: refused",
            "reload: a good file is applied", "reload: a bad file is refused with file:line",
            "reload: the board keeps running its last good config",
            "sound: snd-aloop is a sound card at boot", "sound: the 880 Hz tone arrives through the sound card while 999 is in breach",
            "sound: supervisor acknowledges (wallboardctl ack)", "sound: status shows who acknowledged",
            "sound: the ack is audited with the caller from SO_PEERCRED", "sound: silent after the ack although 999 is still in breach",
            "watchdog: a stopped agent is restarted",
            "scanout (restarted)", "stop: tty1 back in text mode", "stop: a login prompt on tty1 (getty@tty1 started again)",
            "scanout (console)", "apt remove: login prompt on tty1 again",
        ] {
            XCTAssertTrue(run.passed(check), "appliance: \(check)")
        }
        XCTAssertFalse(run.anyFailed, run.text)
    }
}
