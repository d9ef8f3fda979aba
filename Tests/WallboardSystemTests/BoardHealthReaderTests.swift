import Foundation
import XCTest
import WallboardCore
@testable import WallboardSystem
import CDRM

/// The health line's edge: real files laid out like sysfs and /run, and the real adjtimex(2).
final class BoardHealthReaderTests: XCTestCase {
    func put(_ dir: TemporaryDirectory, _ path: String, _ text: String) throws {
        let full = dir.file(path)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func testAHotThrottlingPiReadsAsTrouble() throws {
        let sys = TemporaryDirectory()
        try put(sys, "class/thermal/thermal_zone0/temp", "83112\n")
        try put(sys, "class/thermal/thermal_zone0/type", "cpu-thermal\n")
        try put(sys, "class/thermal/thermal_zone1/temp", "41000\n")
        try put(sys, "devices/platform/soc/soc:firmware/get_throttled", "0x50005\n")  // under-voltage and throttled now
        let r = BoardHealthReader.readings(host: HostHealth.read(sys: sys.path), clockSynchronised: true, displayFallback: nil)
        XCTAssertEqual(r.socCelsius, 83.112, "the hottest zone")
        XCTAssertEqual(r.throttledNow, ["under_voltage", "throttled"], "now only, not since boot")
        XCTAssertEqual(BoardHealth.line(r), "BOARD: UNDER-VOLTAGE · THROTTLED · TOO HOT 84°C")

        let cool = TemporaryDirectory()
        try put(cool, "class/thermal/thermal_zone0/temp", "52000\n")
        try put(cool, "devices/platform/soc/soc:firmware/get_throttled", "0x50000\n")  // only since boot
        XCTAssertNil(BoardHealth.line(BoardHealthReader.readings(host: HostHealth.read(sys: cool.path), clockSynchronised: true, displayFallback: nil)))
    }

    /// adjtimex(2) for real on this host: whatever it reports must agree with the kernel's own
    /// answer through ntp_gettime's state (TIME_ERROR when unsynchronised).
    func testAdjtimexOnThisHost() {
        var t = timex()
        let state = adjtimex(&t)
        let synced = BoardHealthReader.clockSynchronised(run: "/nonexistent")
        if state < 0 {
            XCTAssertNil(synced, "refused (a sandbox) and no timesyncd flag: unknown, never claimed as trouble")
        } else {
            XCTAssertEqual(synced, state != TIME_ERROR && t.status & STA_UNSYNC == 0)
        }
        print("adjtimex on this host: state \(state), status 0x\(String(t.status, radix: 16)), synchronised: \(synced.map(String.init) ?? "unknown")")
    }

    func testTimesyncdFlagDecidesWhenAdjtimexIsRefused() throws {
        let run = TemporaryDirectory()
        XCTAssertNil(BoardHealthReader.timesyncdSynchronised(run: run.path), "no timesyncd: unknown")
        try FileManager.default.createDirectory(atPath: run.file("systemd/timesync"), withIntermediateDirectories: true)
        XCTAssertEqual(BoardHealthReader.timesyncdSynchronised(run: run.path), false, "timesyncd running, not synchronised yet")
        try put(run, "systemd/timesync/synchronized", "")
        XCTAssertEqual(BoardHealthReader.timesyncdSynchronised(run: run.path), true)
    }

    func testDisplayFallbackFromTheSelectorsReason() {
        XCTAssertEqual(BoardHealthReader.displayFallback(reason: "drm: /dev/dri/card*: no such display device; chose fbdev"), "fbdev")
        XCTAssertEqual(
            BoardHealthReader.displayFallback(reason: "drm: x; fbdev: /dev/fb0: no such display device; chose terminal"), "terminal")
        XCTAssertNil(BoardHealthReader.displayFallback(reason: "chose drm"))
        XCTAssertNil(BoardHealthReader.displayFallback(reason: "chose png (configured)"))
        XCTAssertNil(BoardHealthReader.displayFallback(reason: "--display none"))
    }
}
