import Foundation
import XCTest

@testable import WallboardCore
@testable import WallboardSystem

/// What passes ConfigFile.load (start, reload, check-config) can be used by a start: the font
/// opens in FreeType, every key file reads, a named device exists; each refusal names file:line.
final class ConfigResourcesTests: XCTestCase {
    func write(_ text: String, in dir: TemporaryDirectory) throws -> String {
        let path = dir.file("wallboard.conf")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func refusal(_ text: String, in dir: TemporaryDirectory) throws -> String? {
        let path = try write(text, in: dir)
        do {
            _ = try ConfigFile.load(path)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: path, with: "F")
        }
    }

    func testFontKeyFilesAndDeviceAreCheckedWithTheirLine() throws {
        let dir = TemporaryDirectory()
        XCTAssertEqual(
            try refusal("[display]\nrotation = 90\nfont = /nonexistent/x.ttf\n", in: dir),
            "F:3:8: 'font': font /nonexistent/x.ttf: FreeType cannot open it (error 1)")
        let notAFont = dir.file("notafont.ttf")
        try "hello".write(toFile: notAFont, atomically: true, encoding: .utf8)
        XCTAssertNotNil(try refusal("[display]\nfont = \(notAFont)\n", in: dir))
        XCTAssertEqual(
            try refusal("[display]\ndevice = /dev/dri/card77\n", in: dir),
            "F:2:10: 'device': /dev/dri/card77: No such file or directory")
        XCTAssertEqual(
            try refusal("[display]\ndevice = /dev/shm\n", in: dir),
            "F:2:10: 'device': /dev/shm: not a device (expected a DRM card or framebuffer under /dev)")
        XCTAssertEqual(
            try refusal("[feed]\nkey_file = /nonexistent/feed.key\n", in: dir),
            "F:2:12: key file /nonexistent/feed.key: No such file or directory")
        let empty = dir.file("empty.key")
        try "\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let good = dir.file("good.key")
        try "secret\n".write(toFile: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(
            try refusal("[feed]\nkey = old \(good)\nkey = new \(empty)\n", in: dir),
            "F:3:7: key file \(empty): no key in it (empty or only whitespace)")

        // All usable: accepted.
        let font = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fonts/B612-Regular.otf").path
        XCTAssertNil(try refusal("[display]\nfont = \(font)\ndevice = /dev/null\n[feed]\nkey = a \(good)\nkey_file = \(good)\n", in: dir))
    }

    func testRestartOnlySettingsStayAsInForceAndAreNamedUntilTheRestart() throws {
        let running = try WallboardConfig(parsing: "[display]\nrotation = 0\n[board]\ntitle = A\n")
        let file = try WallboardConfig(parsing: "[display]\nrotation = 90\nfont = /x.ttf\n[board]\ntitle = B\n[feed]\ngroup = ff15::99\n")
        let first = ConfigRestart.apply(file, running: running)
        XCTAssertEqual(first.pending, ["[feed] group", "[display] rotation", "[display] font"])
        XCTAssertEqual(first.inForce.board.title, "B", "live settings apply at once")
        XCTAssertEqual(first.inForce.display.rotation, .none, "the screen is still drawn unrotated")
        XCTAssertEqual(
            first.notice,
            "restart needed for [feed] group, [display] rotation, [display] font (applied after 'systemctl restart wallboard')")
        // A second reload of the same file still says so: the screen has not changed.
        XCTAssertEqual(ConfigRestart.apply(file, running: first.inForce).pending, first.pending)
        XCTAssertNil(ConfigRestart.apply(running, running: running).notice)
    }
}
