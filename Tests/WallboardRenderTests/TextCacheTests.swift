import XCTest
import WallboardCore
@testable import WallboardRender

/// The caches in front of shaping hand back exactly what shaping afresh would.
final class TextCacheTests: XCTestCase {
    /// Thousands of (size, glyph) keys through the glyph cache's 1024 direct-mapped slots, twice:
    /// colliding keys never hand back one another's glyph.
    func testGlyphCacheSlotsNeverMixUpKeys() throws {
        let fonts = try Fonts()
        let characters = Array("0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ%".unicodeScalars)
        for _ in 0..<2 {
            for size in stride(from: 8, through: 120, by: 2) {
                for scalar in characters {
                    for font in [fonts.bold, fonts.regular] {
                        let cached = try XCTUnwrap(font.glyph(scalar, size: size))
                        let fresh = try XCTUnwrap(font.face.renderGlyph(font.glyphIndex(scalar), size: size))
                        XCTAssertEqual(cached.coverage, fresh.coverage, "\(scalar) at \(size)")
                        XCTAssertEqual(cached.advance, fresh.advance, "\(scalar) at \(size)")
                    }
                }
            }
        }
    }

    /// A fitted line is remembered per text, box width, size and face: the same text in a narrower
    /// box, or in the other face, is fitted again, not served the first answer.
    func testFittedLinesAreKeptApartByBoxAndFace() throws {
        let painter = Painter(fonts: try TestFonts.fonts())
        let text = "LONGEST WAIT 12:34 > 5:00"
        let wide = TextBox(rect: Rect(x: 0, y: 0, width: 2000, height: 60), size: 48)
        let narrow = TextBox(rect: Rect(x: 0, y: 0, width: 300, height: 60), size: 48)
        for _ in 0..<2 {
            let w = painter.fitLine(text, box: wide, font: painter.fonts.bold)
            let n = painter.fitLine(text, box: narrow, font: painter.fonts.bold)
            let r = painter.fitLine(text, box: wide, font: painter.fonts.regular)
            XCTAssertEqual(w.line.size, 48)
            XCTAssertLessThan(n.line.size, 48, "shrunk to fit 300 px")
            XCTAssertLessThanOrEqual(n.line.width, 300)
            let regular = TextLine(text, size: 48, font: painter.fonts.regular)
            XCTAssertEqual(r.line.glyphs.map(\.glyph.coverage), regular.glyphs.map(\.glyph.coverage), "the regular face's glyphs")
            XCTAssertNotEqual(r.line.glyphs.map(\.glyph.coverage), w.line.glyphs.map(\.glyph.coverage), "not the bold face's")
            XCTAssertEqual(n.line.width, TextLine(n.shown, size: n.line.size, font: painter.fonts.bold).width)
        }
    }

    /// Far more keys than the fitted-line table has room for, asked twice in a mixed order: every
    /// answer, hit or miss, is the line shaping afresh gives (colliding keys and evicted entries
    /// never hand back another key's line).
    func testFittedLineTableNeverMixesUpKeys() throws {
        let painter = Painter(fonts: try TestFonts.fonts())
        var keys: [(String, TextBox, Font)] = []
        for n in 0..<1500 {
            let box = TextBox(rect: Rect(x: 0, y: 0, width: 40 + n % 7 * 30, height: 40), size: 20 + n % 3 * 6)
            keys.append(("\(n / 60):\(n % 60 < 10 ? "0" : "")\(n % 60)", box, n % 2 == 0 ? painter.fonts.bold : painter.fonts.regular))
        }
        for round in 0..<2 {
            for (i, (text, box, font)) in (round == 0 ? keys : keys.reversed()).enumerated() {
                let cached = painter.shrunk(text, box: box, font: font, smallest: max(1, box.size / 2))
                let expected = Painter(fonts: painter.fonts).shrunk(text, box: box, font: font, smallest: max(1, box.size / 2))
                XCTAssertEqual(cached.size, expected.size, "\(text) #\(i)")
                XCTAssertEqual(cached.glyphs.map(\.index), expected.glyphs.map(\.index), "\(text) #\(i)")
                XCTAssertEqual(cached.glyphs.map(\.pen), expected.glyphs.map(\.pen), "\(text) #\(i)")
            }
        }
    }

    /// A line reshaped by changing only its digits is the line shaping afresh makes (glyphs, pens,
    /// advance, ink), for ticking waits, clocks and reasons in both faces at several sizes; texts
    /// that differ in anything but digits, or in length, or are not ASCII, are not reshaped so.
    func testDigitReshapingEqualsFreshShaping() throws {
        let fonts = try TestFonts.fonts()
        func texts(_ s: Int) -> [String] {
            ["\(s / 60):\(s % 60 < 10 ? "0" : "")\(s % 60)", "10:\(s / 60 % 60 < 10 ? "0" : "")\(s / 60 % 60):\(s % 60 < 10 ? "0" : "")\(s % 60)",
             "LONGEST WAIT \(s / 60):\(s % 60 < 10 ? "0" : "")\(s % 60) > 3:00", "NO DATA \(s)s", "Ünïcode 1\(s % 10) ✓"]
        }
        for font in [fonts.bold, fonts.regular] {
            for size in [11, 24, 57] {
                for s in stride(from: 0, to: 700, by: 7) {
                    for (old, new) in zip(texts(s), texts(s + 1)) {
                        let from = TextLine(old, size: size, font: font)
                        let fresh = TextLine(new, size: size, font: font)
                        guard let reshaped = TextLine(new, changingDigitsOf: from, shapedFrom: old, font: font) else {
                            XCTAssertTrue(old.count != new.count || !old.utf8.allSatisfy { $0 < 0x80 },
                                          "\(old) → \(new) differ only in digits: reshaped")
                            continue
                        }
                        XCTAssertEqual(reshaped.glyphs.map(\.index), fresh.glyphs.map(\.index), "\(old) → \(new) at \(size)")
                        XCTAssertEqual(reshaped.glyphs.map(\.pen), fresh.glyphs.map(\.pen), "\(old) → \(new) at \(size)")
                        XCTAssertEqual(reshaped.glyphs.map(\.face), fresh.glyphs.map(\.face), "\(old) → \(new) at \(size)")
                        XCTAssertEqual(reshaped.advance, fresh.advance, "\(old) → \(new) at \(size)")
                        XCTAssertEqual(reshaped.inkBounds, fresh.inkBounds, "\(old) → \(new) at \(size)")
                    }
                }
            }
        }
        let line = TextLine("WAIT 4:32", size: 24, font: fonts.bold)
        XCTAssertNil(TextLine("WAIT 4:3X", changingDigitsOf: line, shapedFrom: "WAIT 4:32", font: fonts.bold), "a letter changed")
        XCTAssertNil(TextLine("WAIT 14:32", changingDigitsOf: line, shapedFrom: "WAIT 4:32", font: fonts.bold), "longer")
    }

    /// The painter fits ticking texts into boxes some of them overflow at some ticks (so they
    /// shrink, and the next tick must not start from a shrunk line): each fitted line is the one a
    /// painter with nothing remembered fits.
    func testTickingTextsFitAsFreshShapingDoes() throws {
        let painter = Painter(fonts: try TestFonts.fonts())
        let boxes = [TextBox(rect: Rect(x: 10, y: 20, width: 400, height: 40), size: 30),
                     TextBox(rect: Rect(x: 10, y: 60, width: 236, height: 40), size: 30),
                     TextBox(rect: Rect(x: 10, y: 100, width: 60, height: 40), size: 30)]
        for s in 0..<400 {
            let text = "LONGEST WAIT \(s / 60):\(s % 60 < 10 ? "0" : "")\(s % 60) > 3:00"
            for box in boxes {
                for smallest in [1, 18, 30] {
                    let line = painter.shrunk(text, box: box, font: painter.fonts.bold, smallest: smallest)
                    let fresh = Painter(fonts: painter.fonts).shrunk(text, box: box, font: painter.fonts.bold, smallest: smallest)
                    XCTAssertEqual(line.size, fresh.size, "\(text) in \(box.rect.width)")
                    XCTAssertEqual(line.glyphs.map(\.index), fresh.glyphs.map(\.index), text)
                    XCTAssertEqual(line.glyphs.map(\.pen), fresh.glyphs.map(\.pen), text)
                    XCTAssertEqual(line.inkBounds, fresh.inkBounds, text)
                }
            }
        }
    }
}
