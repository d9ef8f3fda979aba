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
        let environment = ProcessInfo.processInfo.environment
        let inCI = ["true", "1"].contains(environment["CI"]?.lowercased() ?? "")
        let tools = ["qemu-system-x86_64", "busybox", "cpio", "socat", "depmod"]
        let missing = tools.filter { tool in
            !((environment["PATH"] ?? "/usr/bin:/bin") + ":/usr/sbin:/sbin").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
        }
        if !missing.isEmpty {
            let message = "QEMU display tests need \(missing.joined(separator: ", ")): run Deploy/install-build-deps.sh --test"
            if inCI { XCTFail(message); return }
            throw XCTSkip(message)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("Deploy/qemu/run-display-tests.sh")
        let probe = Executable.url("wallboard-displaytest")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: probe.path), "wallboard-displaytest not built at \(probe.path)")

        let process = Process()
        process.executableURL = script
        var env = environment
        env["WALLBOARD_DISPLAYTEST"] = probe.path
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
        print(text.split(separator: "\n").filter { $0.hasPrefix("FAIL") || $0.hasPrefix("qemu") }.joined(separator: "\n"))

        XCTAssertEqual(process.terminationStatus, 0, "display harness failed after \(seconds) s:\n\(text)")
        // Both GPUs, every backend, the scanout checked: the lines the harness prints per check.
        for gpu in ["bochs", "virtio"] {
            for label in ["drm", "drm-rotated", "drm-single-buffer", "fbdev"] {
                XCTAssertTrue(text.contains("PASS \(gpu) \(label): test pattern on the real scanout"), "\(gpu) \(label) pattern")
                XCTAssertTrue(text.contains("PASS \(gpu) \(label): console restored after SIGTERM"), "\(gpu) \(label) restore")
                XCTAssertTrue(text.contains("PASS \(gpu) \(label): VT in graphics mode while drawing"), "\(gpu) \(label) VT graphics")
                XCTAssertTrue(text.contains("PASS \(gpu) \(label): VT back in text mode after SIGTERM"), "\(gpu) \(label) VT text")
            }
        }
        // Connector forced off and on by the kernel: seen through the uevent socket, mode set again, board back.
        for gpu in ["bochs", "virtio"] {
            for check in ["unplug seen through the uevent socket", "monitor back, mode set again", "the board is back on the scanout"] {
                XCTAssertTrue(text.contains("PASS \(gpu) hotplug: \(check)"), "\(gpu) hotplug: \(check)")
            }
        }
        // The agent itself on DRM: a breach fed over loopback multicast shows a red tile, a stopped
        // feed shows FEED LOST, SIGTERM gives the console back.
        for gpu in ["bochs", "virtio"] {
            for check in ["a red tile where a breach was fed", "FEED LOST after the feed stops", "exits 0 on SIGTERM",
                          "console restored after SIGTERM", "VT back in text mode after SIGTERM"] {
                XCTAssertTrue(text.contains("PASS \(gpu) agent: \(check)"), "\(gpu) agent: \(check)")
            }
            // The agent on fbdev gives the console back on SIGTERM (its restore used to sit in a deinit exit() never ran).
            for check in ["VT in graphics mode while the board is drawn", "exits 0 on SIGTERM", "VT back in text mode after SIGTERM"] {
                XCTAssertTrue(text.contains("PASS \(gpu) agent fbdev: \(check)"), "\(gpu) agent fbdev: \(check)")
            }
        }
        // Multi-head: virtio-gpu with two outputs, one agent, `views = 999 | 101`: each screen's own
        // scanout (screendump gpu0 0 / gpu0 1) shows its own view.
        for check in ["screen 1 shows its view (999, red)", "screen 2 shows its own view (101, no red)",
                      "the agent drives Virtual-2 as head 1", "exits 0 on SIGTERM",
                      "VT back in text mode after SIGTERM"] {
            XCTAssertTrue(text.contains("PASS multihead: \(check)"), "multihead: \(check)")
        }
        XCTAssertFalse(text.contains("FAIL"), text)
    }
}
