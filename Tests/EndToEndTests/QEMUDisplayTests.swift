import Foundation
import XCTest

/// Runs the display harness (Deploy/qemu/run-display-tests.sh): a real Linux kernel in QEMU
/// drives the bochs and virtio-gpu DRM drivers through DRMDisplay and FbdevDisplay, and the
/// scanout is checked pixel by pixel, then runs the `wallboard` agent on DRM against a fed breach
/// and a stopped feed. About three to four minutes; the kernel package is downloaded once.
///
/// Skipped (with the reason) only when QEMU is not installed and this is not CI; in CI
/// (`CI=true`) a missing QEMU is a failure.
final class QEMUDisplayTests: XCTestCase {
    func testDisplaysOnARealKernelInQEMU() throws {
        let run = try HarnessRun.run("Deploy/qemu/run-display-tests.sh", needs: ["qemu-system-x86_64", "busybox", "cpio", "socat", "depmod"],
                                     for: "QEMU display tests", summary: "qemu")
        // Both GPUs, every backend, the scanout checked: the lines the harness prints per check.
        for gpu in ["bochs", "virtio"] {
            for label in ["drm", "drm-rotated", "drm-single-buffer", "fbdev"] {
                XCTAssertTrue(run.passed("\(gpu) \(label): test pattern on the real scanout"), "\(gpu) \(label) pattern")
                XCTAssertTrue(run.passed("\(gpu) \(label): console restored after SIGTERM"), "\(gpu) \(label) restore")
                XCTAssertTrue(run.passed("\(gpu) \(label): VT in graphics mode while drawing"), "\(gpu) \(label) VT graphics")
                XCTAssertTrue(run.passed("\(gpu) \(label): VT back in text mode after SIGTERM"), "\(gpu) \(label) VT text")
            }
        }
        // Connector forced off and on by the kernel: seen through the uevent socket, mode set again, board back.
        for gpu in ["bochs", "virtio"] {
            for check in ["unplug seen through the uevent socket", "monitor back, mode set again", "the board is back on the scanout"] {
                XCTAssertTrue(run.passed("\(gpu) hotplug: \(check)"), "\(gpu) hotplug: \(check)")
            }
        }
        // The agent itself on DRM: a breach fed over loopback multicast shows a red tile, a stopped
        // feed shows FEED LOST, SIGTERM gives the console back.
        for gpu in ["bochs", "virtio"] {
            for check in ["a red tile where a breach was fed", "FEED LOST after the feed stops", "exits 0 on SIGTERM",
                          "console restored after SIGTERM", "VT back in text mode after SIGTERM"] {
                XCTAssertTrue(run.passed("\(gpu) agent: \(check)"), "\(gpu) agent: \(check)")
            }
            // The agent on fbdev gives the console back on SIGTERM (its restore used to sit in a deinit exit() never ran).
            for check in ["VT in graphics mode while the board is drawn", "exits 0 on SIGTERM", "VT back in text mode after SIGTERM"] {
                XCTAssertTrue(run.passed("\(gpu) agent fbdev: \(check)"), "\(gpu) agent fbdev: \(check)")
            }
        }
        // Pages and the [display] on schedule on the real DRM drivers: two screendumps show the two
        // pages; the schedule, rewritten from the guest's clock, turns the connector's DPMS Off and
        // On (read back from sysfs in the guest) and the board leaves and returns to the scanout.
        for gpu in ["bochs", "virtio"] {
            for check in ["page with 999 (normal tile, no amber)", "the page turns to 101 (amber tile)"] {
                XCTAssertTrue(run.passed("\(gpu) pages: \(check)"), "\(gpu) pages: \(check)")
            }
            for check in ["DPMS On inside the schedule", "DPMS Off outside the schedule (connector property, read back from sysfs)",
                          "the board is gone from the scanout while off (blanked black)", "DPMS On again when the schedule says on",
                          "the board is back on the scanout", "the agent logs why the screen went off", "exits 0 on SIGTERM"] {
                XCTAssertTrue(run.passed("\(gpu) schedule: \(check)"), "\(gpu) schedule: \(check)")
            }
        }
        // Multi-head: virtio-gpu with two outputs, one agent, `views = 999 | 101`: each screen's own
        // scanout (screendump gpu0 0 / gpu0 1) shows its own view.
        for check in ["screen 1 shows its view (999, red)", "screen 2 shows its own view (101, no red)",
                      "the agent drives Virtual-2 as head 1", "VT in graphics mode while both heads draw", "exits 0 on SIGTERM",
                      "VT back in text mode after SIGTERM"] {
            XCTAssertTrue(run.passed("multihead: \(check)"), "multihead: \(check)")
        }
        XCTAssertFalse(run.anyFailed, run.text)
    }
}
