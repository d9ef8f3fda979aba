import XCTest
import WallboardCore
@testable import WallboardRender

final class TextTests: XCTestCase {
    func testDigitsAreTabular() throws {
        let font = try TestFonts.fonts().bold
        for size in [14, 48, 200] {
            let ones = TextLine("1111", size: size, font: font), eights = TextLine("8888", size: size, font: font)
            XCTAssertEqual(ones.width, eights.width, "size \(size)")
            XCTAssertEqual(ones.width, (4 * font.digitCell(size: size) + 63) >> 6)
            // A changing digit never moves its neighbours: "1:07" and "1:08" place every glyph alike.
            let a = TextLine("1:07", size: size, font: font), b = TextLine("1:08", size: size, font: font)
            XCTAssertEqual(a.width, b.width)
        }
    }

    func testEveryDigitFitsTheCellAndLettersKeepTheirAdvance() throws {
        // DejaVu Sans is not needed: force proportional advances by comparing a digit with a letter.
        let font = try TestFonts.fonts().regular
        let cell = font.digitCell(size: 60)
        for digit in "0123456789".unicodeScalars {
            let glyph = try XCTUnwrap(font.glyph(digit, size: 60))
            XCTAssertLessThanOrEqual(glyph.advance, cell)
        }
        XCTAssertEqual(TextLine("I", size: 60, font: font).width < TextLine("1", size: 60, font: font).width, true,
                       "letters keep their own advance; digits take the cell")
    }

    func testWallSizedGlyphsKeepFullMetrics() throws {
        // FreeType's small-bitmap cache would clip these to 8-bit metrics; ours keeps Ints.
        let font = try TestFonts.fonts().bold
        let glyph = try XCTUnwrap(font.glyph("8", size: 400))
        XCTAssertGreaterThan(glyph.advance >> 6, 127)
        XCTAssertGreaterThan(glyph.height, 127)
        XCTAssertEqual(glyph.coverage.count, glyph.width * glyph.height)
        XCTAssertTrue(glyph.coverage.contains(255) && glyph.coverage.contains { $0 > 0 && $0 < 255 }, "antialiased")
    }

    func testGlyphCacheReturnsTheSameGlyphAndKeysBySize() throws {
        let fonts = try Fonts()
        let before = fonts.bold.cache.count
        _ = fonts.bold.glyph("7", size: 33)
        _ = fonts.bold.glyph("7", size: 33)
        XCTAssertEqual(fonts.bold.cache.count, before + 1)
        _ = fonts.bold.glyph("7", size: 34)
        _ = fonts.regular.glyph("7", size: 34)
        XCTAssertEqual(fonts.bold.cache.count, before + 3, "size and face are both part of the key")
    }

    func testKerningAppliedWhereTheFontHasIt() throws {
        let path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        guard let font = try? Font(path: path), font.face.hasKerning else {
            throw XCTSkip("no font with a kern table here (\(path)); B612 has none")
        }
        let av = TextLine("AV", size: 100, font: font).width
        let a = TextLine("A", size: 100, font: font).width, v = TextLine("V", size: 100, font: font).width
        XCTAssertLessThan(av, a + v, "A and V kern together")
        XCTAssertEqual(TextLine("10", size: 100, font: font).width, 2 * ((font.digitCell(size: 100) + 63) >> 6), "no kerning inside digit cells")
    }

    func testTextIsBlendedWithAntialiasing() throws {
        let fonts = try TestFonts.fonts()
        let canvas = Canvas(width: 200, height: 80, fill: 0x000000)
        let painter = Painter(fonts: fonts)
        let ink = try XCTUnwrap(painter.drawText("8", in: TextBox(rect: canvas.bounds, size: 60), font: fonts.bold, color: 0xFFFFFF, canvas: canvas))
        XCTAssertGreaterThan(canvas.count(0xFFFFFF, in: ink), 50)
        var greys = 0
        for i in 0..<canvas.pixels.count where canvas.pixels[i] != 0 && canvas.pixels[i] != 0xFFFFFF {
            let c = canvas.pixels[i]
            XCTAssertTrue(c >> 16 == c & 0xFF && (c >> 8) & 0xFF == c & 0xFF, "white on black blends to grey")
            greys += 1
        }
        XCTAssertGreaterThan(greys, 20)
    }

    func testTooLongTextShrinksThenEllipsises() throws {
        let fonts = try TestFonts.fonts()
        let painter = Painter(fonts: fonts)
        let canvas = Canvas(width: 400, height: 60)
        let box = TextBox(rect: Rect(x: 10, y: 10, width: 200, height: 40), size: 30)
        let shrunk = painter.fitLine("CRIME RECORDING", box: box, font: fonts.bold).line
        XCTAssertLessThan(shrunk.size, 30)
        XCTAssertLessThanOrEqual(shrunk.width, 200)
        let (cut, shown) = painter.fitLine(String(repeating: "VERY LONG BANNER ", count: 10), box: box, font: fonts.bold)
        XCTAssertTrue(shown.hasPrefix("VERY LONG") && shown.hasSuffix("…"), shown)
        XCTAssertLessThanOrEqual(cut.width, 200)
        XCTAssertEqual(cut.size, 18, "shrinks only to 60 %, then cuts")
        painter.textLog = []
        let ink = try XCTUnwrap(painter.drawText(String(repeating: "W", count: 40), in: box, font: fonts.bold, color: 0xFFFFFF, canvas: canvas))
        XCTAssertTrue(box.rect.contains(ink), "\(ink) inside \(box.rect)")
    }

    func testFontLocatorNamesWhereItLooked() {
        let locator = FontLocator(configuredDirectory: "/nonexistent/fonts", environmentDirectory: "/also/missing",
                                  executableDirectory: "/tmp/no-such-bin")
        XCTAssertEqual(locator.searchPath.first, "/nonexistent/fonts")
        XCTAssertThrowsError(try locator.locate("NoSuchFont.otf")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("NoSuchFont.otf") && text.contains("/nonexistent/fonts") && text.contains("/also/missing")
                          && text.contains("WALLBOARD_FONT_DIR"), text)
        }
        // The source tree's Fonts/ is always on the path, so tests and `swift run` find B612.
        XCTAssertNoThrow(try locator.locate(FontLocator.boldFile))
    }

    func testConfiguredDirectoryWinsAndBadFontsAreClearErrors() throws {
        let dir = NSTemporaryDirectory() + "wallboard-fonts-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("not a font".utf8).write(to: URL(fileURLWithPath: dir + "/" + FontLocator.boldFile))
        let locator = FontLocator(configuredDirectory: dir, environmentDirectory: nil, executableDirectory: nil)
        XCTAssertEqual(try locator.locate(FontLocator.boldFile), dir + "/" + FontLocator.boldFile)
        XCTAssertThrowsError(try Fonts(locator: locator)) { error in
            XCTAssertTrue("\(error)".contains("FreeType cannot open it"), "\(error)")
        }
    }
}

final class FontLocatorTests: XCTestCase {
    /// Only a debug build (swift run, the tests) falls back to the source tree's Fonts/ by #filePath;
    /// a release binary searches the installed places and what it is told, never its build path.
    func testTheSourceTreeIsSearchedOnlyByDebugBuilds() {
        let path = FontLocator(configuredDirectory: "/etc/x", environmentDirectory: nil, executableDirectory: nil).searchPath
        #if DEBUG
        XCTAssertEqual(path.count, 3)
        XCTAssertTrue(path[2].hasSuffix("/Fonts") && FileManager.default.fileExists(atPath: path[2] + "/" + FontLocator.boldFile), path[2])
        #else
        XCTAssertEqual(path, ["/etc/x", "/usr/share/wallboard/fonts"])
        #endif
        XCTAssertEqual(Array(path.prefix(2)), ["/etc/x", "/usr/share/wallboard/fonts"])
    }
}
