import Foundation
import WallboardCore
import WallboardRender
import WallboardTestSupport
import XCTest

@testable import WallboardSystem

/// fbdev against a real file standing in for /dev/fb0, PNG snapshots, the selector and error texts.
final class DisplayBackendTests: XCTestCase {
    private func makeFile(_ path: String, bytes: Int) {
        FileManager.default.createFile(atPath: path, contents: Data(repeating: 0xAB, count: bytes))
    }

    private func read(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    func testFbdev32BitHonoursStrideAndWritesOnlyTheDamage() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("fb0")
        let geometry = FramebufferGeometry(width: 4, height: 3, stride: 4 * 4 + 8, format: .xrgb8888)
        makeFile(path, bytes: geometry.length)
        let display = try FbdevDisplay(path: path, geometry: geometry)
        XCTAssertEqual(display.width, 4); XCTAssertEqual(display.height, 3)
        let canvas = Canvas(width: 4, height: 3, fill: 0x0011_2233)
        try display.present(canvas, damage: [Rect(x: 1, y: 1, width: 2, height: 1)])
        let bytes = read(path)
        XCTAssertEqual(bytes.count, 72)
        for y in 0..<3 {
            for x in 0..<6 {  // 4 pixels + 2 words of padding per row
                let o = y * 24 + x * 4
                let word = Array(bytes[o..<o + 4])
                if y == 1 && (x == 1 || x == 2) {
                    XCTAssertEqual(word, [0x33, 0x22, 0x11, 0x00], "(\(x),\(y)) little-endian XRGB")
                } else {
                    XCTAssertEqual(word, [0xAB, 0xAB, 0xAB, 0xAB], "(\(x),\(y)) untouched")
                }
            }
        }
    }

    func testFbdev16BitConvertsToRGB565AndRotates() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("fb0")
        // Physical panel 3 wide, 2 tall, mounted 90°: the canvas is 2 wide, 3 tall.
        let geometry = FramebufferGeometry(width: 3, height: 2, stride: 8, format: .rgb565)
        makeFile(path, bytes: geometry.length)
        let display = try FbdevDisplay(path: path, geometry: geometry, rotation: .quarter)
        XCTAssertEqual(display.width, 2); XCTAssertEqual(display.height, 3)
        let canvas = Canvas(width: 2, height: 3, fill: 0)
        canvas[0, 0] = 0xFF0000  // logical top-left → physical top-right
        canvas[0, 2] = 0x0000FF  // logical bottom-left → physical top-left
        try display.present(canvas, damage: [canvas.bounds])
        let bytes = read(path)
        func pixel(_ x: Int, _ y: Int) -> UInt16 { UInt16(bytes[y * 8 + x * 2]) | UInt16(bytes[y * 8 + x * 2 + 1]) << 8 }
        XCTAssertEqual(pixel(2, 0), 0xF800)
        XCTAssertEqual(pixel(0, 0), 0x001F)
        XCTAssertEqual(pixel(1, 0), 0)
        XCTAssertEqual([bytes[6], bytes[7], bytes[14], bytes[15]], [0xAB, 0xAB, 0xAB, 0xAB], "row padding untouched")
    }

    func testFbdevRejectsAGeometryLargerThanTheFileAndUnsupportedFormats() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("fb0")
        makeFile(path, bytes: 10)
        let geometry = FramebufferGeometry(width: 4, height: 3, stride: 10, format: .xrgb8888)
        XCTAssertThrowsError(try FbdevDisplay(path: path, geometry: geometry)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path): unsupported pixel format 4x3 stride 10"), "\(error)")
        }
        let rgb24 = PixelFormat(bitsPerPixel: 24, red: (16, 8), green: (8, 8), blue: (0, 8))
        XCTAssertThrowsError(try FbdevDisplay(path: path, geometry: FramebufferGeometry(width: 1, height: 1, stride: 3, format: rgb24))) {
            XCTAssertEqual("\($0)", "\(path): unsupported pixel format 24bpp r8@16 g8@8 b8@0 (16 or 32 bits per pixel needed)")
        }
        XCTAssertThrowsError(try FbdevDisplay(path: dir.file("missing"), geometry: geometry)) {
            XCTAssertEqual($0 as? DisplayError, .deviceNotFound(dir.file("missing")))
        }
    }

    func testPNGDisplayWritesTheFrameAtomically() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("board.png")
        let display = PNGDisplay(path: path, width: 3, height: 2)
        let canvas = Canvas(width: 3, height: 2, fill: 0xFF8000)
        try display.present(canvas, damage: [canvas.bounds])
        XCTAssertEqual(read(path), PNGWriter.encode(canvas))
        try display.present(canvas, damage: [])  // nothing changed: not rewritten
        XCTAssertEqual(display.framesWritten, 1)
        canvas[0, 0] = 0
        try display.present(canvas, damage: [Rect(x: 0, y: 0, width: 1, height: 1)])
        XCTAssertEqual(read(path), PNGWriter.encode(canvas))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["board.png"], "no temporary left")
        let unwritable = PNGDisplay(path: dir.file("no/such/dir/board.png"), width: 1, height: 1)
        XCTAssertThrowsError(try unwritable.present(Canvas(width: 1, height: 1), damage: [])) {
            XCTAssertEqual("\($0)", "cannot create a temporary file in \(dir.file("no/such/dir")): No such file or directory")
        }
    }

    func testPNGDisplayCloseRemovesTheSnapshotAndDrawsNoMore() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("board.png")
        let display = PNGDisplay(path: path, width: 3, height: 2)
        let canvas = Canvas(width: 3, height: 2, fill: 0xFF8000)
        try display.present(canvas, damage: [canvas.bounds])
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        display.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a stopped board's picture left behind")
        try display.present(canvas, damage: [canvas.bounds])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "drew after close")
        display.close()  // twice is harmless
    }

    func testFbdevCloseUnmapsAndDrawsNoMore() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("fb0")
        let geometry = FramebufferGeometry(width: 4, height: 2, stride: 16, format: .xrgb8888)
        FileManager.default.createFile(atPath: path, contents: Data(count: geometry.length))
        let display = try FbdevDisplay(path: path, geometry: geometry)
        display.close()
        let canvas = Canvas(width: 4, height: 2, fill: 0xFFFFFF)
        try display.present(canvas, damage: [canvas.bounds])  // after munmap this would crash
        XCTAssertEqual(read(path), [UInt8](repeating: 0, count: geometry.length))
        display.close()
    }

    func testAutoFallsBackFromDRMAndFbdevToPNGWhenStdoutIsNotATerminalAndSaysWhy() throws {
        let dir = TemporaryDirectory()
        var options = DisplayOptions()
        options.drmDevice = dir.file("card0")
        options.fbdevPath = dir.file("fb0")
        options.pngPath = dir.file("board.png")
        options.stdoutIsTerminal = false
        options.virtualWidth = 640
        options.virtualHeight = 360
        let (display, reason) = try DisplaySelector.open(options)
        XCTAssertTrue(display is PNGDisplay)
        XCTAssertEqual((display.width, display.height).0, 640)
        XCTAssertEqual(
            reason,
            "drm: \(dir.file("card0")): no such display device; fbdev: \(dir.file("fb0")): no such display device; "
                + "terminal: terminal display: stdout is not a terminal; chose png")
    }

    func testAutoPicksTheTerminalWhenStdoutIsOne() throws {
        var options = DisplayOptions()
        options.drmDevice = "/nonexistent/card0"
        options.fbdevPath = "/nonexistent/fb0"
        options.stdoutIsTerminal = true
        let (display, reason) = try DisplaySelector.open(options)
        XCTAssertTrue(display is TerminalDisplay)
        XCTAssertTrue(reason.hasSuffix("; chose terminal"), reason)
    }

    func testAConfiguredKindIsNotReplacedByAFallback() {
        var options = DisplayOptions(kind: .fbdev)
        options.fbdevPath = "/nonexistent/fb0"
        XCTAssertThrowsError(try DisplaySelector.open(options)) {
            XCTAssertEqual("\($0)", "/nonexistent/fb0: no such display device")
        }
        options = DisplayOptions(kind: .drm)
        let dir = TemporaryDirectory()
        let notDRM = dir.file("card0")
        FileManager.default.createFile(atPath: notDRM, contents: Data())
        XCTAssertThrowsError(try DisplaySelector.open({ var o = options; o.drmDevice = notDRM; return o }())) {
            XCTAssertTrue("\($0)".hasPrefix("\(notDRM): drmGetCap(DUMB_BUFFER) (not a display device?) failed"), "\($0)")
        }
    }

    func testErrorTextsTellTheOperatorWhatToDo() {
        XCTAssertEqual(
            DisplayError.deviceBusy("/dev/dri/card1").description,
            "/dev/dri/card1: device busy (another DRM master — is a desktop running? stop it or switch to a free VT)")
        XCTAssertEqual(
            DisplayError.permissionDenied("/dev/dri/card0").description,
            "/dev/dri/card0: permission denied (add the user to the video group: sudo usermod -aG video $USER, then log in again)")
        XCTAssertEqual(
            DisplayError.noConnectedDisplay("/dev/dri/card1 HDMI-A-1").description,
            "/dev/dri/card1 HDMI-A-1: no connected display (check the cable and that the monitor is on)")
        XCTAssertEqual(
            DisplayError.connectorNotFound(name: "HDMI-A-2", available: ["HDMI-A-1", "DSI-1"]).description,
            "connector HDMI-A-2 not found (available: HDMI-A-1, DSI-1)")
        XCTAssertEqual(DisplayError.opening("/dev/fb0", errno: Errno(EACCES)), .permissionDenied("/dev/fb0"))
        XCTAssertEqual(DisplayError.opening("/dev/dri/card0", errno: Errno(EBUSY)), .deviceBusy("/dev/dri/card0"))
        XCTAssertEqual(DisplayError.opening("/dev/dri/card0", errno: Errno(ENOENT)), .deviceNotFound("/dev/dri/card0"))
    }

    func testUeventParsingRecognisesDRMHotplug() {
        let hotplug = Array("change@/devices/pci0000:00/0000:00:02.0/drm/card0\0ACTION=change\0DEVPATH=/devices/pci0000:00/0000:00:02.0/drm/card0\0SUBSYSTEM=drm\0HOTPLUG=1\0DEVNAME=/dev/dri/card0\0SEQNUM=1234\0".utf8)
        let message = UeventMessage(hotplug)
        XCTAssertEqual(message?.action, "change")
        XCTAssertEqual(message?.fields["DEVNAME"], "/dev/dri/card0")
        XCTAssertEqual(message?.isDRMHotplug, true)
        let usb = Array("add@/devices/usb1/1-1\0ACTION=add\0SUBSYSTEM=usb\0".utf8)
        XCTAssertEqual(UeventMessage(usb)?.isDRMHotplug, false)
        XCTAssertNil(UeventMessage(Array("libudev\0\u{FE}\u{ED}".utf8)), "udev's own broadcast format is not a kernel uevent")
        XCTAssertNil(UeventMessage([]))
    }
}

/// README: rotation is applied while copying out, on every kind — the PNG and terminal outputs too.
final class RotatedOutputTests: XCTestCase {
    /// A 2×3 logical picture (portrait) with one marked pixel at the logical top-left.
    func portrait() -> Canvas {
        let canvas = Canvas(width: 2, height: 3, fill: 0x000000)
        canvas[0, 0] = 0xFF0000
        canvas[1, 2] = 0x00FF00
        return canvas
    }

    func testThePNGFileShowsThePictureAsTheMountedPanelDoes() throws {
        let dir = TemporaryDirectory()
        var options = DisplayOptions(kind: .png)
        options.pngPath = dir.file("board.png")
        options.virtualWidth = 3
        options.virtualHeight = 2
        options.rotation = .quarter
        let display = try DisplaySelector.open(options).display
        XCTAssertEqual([display.width, display.height], [2, 3], "the painter draws the logical (portrait) picture")
        try display.present(portrait(), damage: [Rect(x: 0, y: 0, width: 2, height: 3)])
        let file = try PNGReader.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: options.pngPath))))
        XCTAssertEqual([file.width, file.height], [3, 2], "the file is the panel's physical picture")
        // Clockwise quarter turn: logical (x, y) lands at physical (H-1-y, x).
        XCTAssertEqual(file[2, 0], 0xFF0000)
        XCTAssertEqual(file[0, 1], 0x00FF00)
        XCTAssertEqual(file.pixels.filter { $0 == 0x000000 }.count, 4)
    }

    func testTheTerminalPreviewIsTurnedToo() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { Glibc.close(fds[0]) }
        let display = TerminalDisplay(width: 3, height: 2, fd: fds[1], rotation: .half)
        let canvas = Canvas(width: 3, height: 2, fill: 0x000000)
        canvas[0, 0] = 0xFFFFFF
        try display.present(canvas, damage: [canvas.bounds])
        Glibc.close(fds[1])
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        let turned = Canvas(width: 3, height: 2, fill: 0x000000)
        turned[2, 1] = 0xFFFFFF
        let size = TerminalDisplay.terminalSize(fd: fds[1])
        let expected = HalfBlockEncoder.encode(turned, columns: size.columns, rows: max(1, size.rows - 1))
        let unturned = HalfBlockEncoder.encode(canvas, columns: size.columns, rows: max(1, size.rows - 1))
        XCTAssertTrue(bytes.count >= expected.count && bytes.firstRange(of: expected) != nil, "the turned picture is drawn")
        XCTAssertNil(bytes.firstRange(of: unturned), "not the picture as painted")
    }
}
