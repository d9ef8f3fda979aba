import XCTest
import WallboardCore
@testable import WallboardRender

/// Text on a known solid background is copied from ready-blended cells (`GlyphInk.cell`) instead
/// of blended: it must give the blend's pixels exactly, for every glyph, size, colour and clip,
/// and a cell must never outlive the colours it was made for.
final class GlyphCellTests: XCTestCase {
    private static let colours: [(color: UInt32, background: UInt32)] = [
        (0xFFFFFF, 0x000000), (0x000000, 0xFFFFFF), (0xF2F2F2, 0x1B2430), (0x1A1A1A, 0xFFB000),
        (0xE0E0E0, 0x262626), (0x808080, 0x808080), (0x00FF00, 0xFF00FF),
    ]

    /// The canvas `draw` leaves, from a canvas of `background` only.
    private func drawn(_ line: TextLine, _ color: UInt32, on background: UInt32, clip: Rect, cells: Bool) -> Canvas {
        let canvas = Canvas(width: 220, height: 140, fill: background)
        line.draw(into: canvas, x: 12, baseline: 100, color: color, clip: clip, background: cells ? background : nil)
        return canvas
    }

    /// Every printable ASCII character, both faces, small to large, in several colour pairs
    /// (some near each other, one pair equal): a copied cell is the blended glyph, bit for bit.
    func testCellsAreTheBlendBitForBitForEveryASCIIGlyph() throws {
        let fonts = try TestFonts.fonts()
        let clip = Rect(x: 0, y: 0, width: 220, height: 140)
        var copied = 0
        for font in [fonts.bold, fonts.regular] {
            for size in [7, 11, 16, 24, 37, 60, 90] {
                for scalar in (0x21...0x7E).compactMap(Unicode.Scalar.init) {
                    let line = TextLine(String(scalar), size: size, font: font)
                    for (color, background) in GlyphCellTests.colours {
                        let blended = drawn(line, color, on: background, clip: clip, cells: false)
                        let copy = drawn(line, color, on: background, clip: clip, cells: true)
                        XCTAssertTrue(copy.differences(from: blended).isEmpty, "\(scalar) at \(size), \(color) on \(background)")
                        if line.glyphs.first.map({ $0.glyph.ink.cell(color: color, background: background) != nil }) == true { copied += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(copied, 5000, "the cells were used, not only the blend")
    }

    /// Whole lines under random clips (a repaint of a few changed cells): the same pixels whether
    /// glyphs are copied or blended, including lines whose glyph boxes overlap (kerned capitals,
    /// an overhanging italic-like "f"), where a later glyph must blend over the earlier one's ink.
    func testLinesUnderAnyClipAreTheBlendAndOverlapsBlend() throws {
        let fonts = try TestFonts.fonts()
        var rng = SystemRandomNumberGenerator()
        var overlapping = 0
        for text in ["AVATAR WAVE", "ffff Tj yjy", "10:07:59", "over 4:32", "LONGEST WAIT 12:34", "Ωmega – ✓"] {
            for size in [12, 19, 31, 44] {
                let line = TextLine(text, size: size, font: fonts.bold)
                var drawnTo = Int.min
                for placed in line.glyphs where placed.glyph.width > 0 {
                    let left = TextLine.pixel(placed.pen) + placed.glyph.left
                    if left < drawnTo { overlapping += 1 }
                    drawnTo = max(drawnTo, left + placed.glyph.width)
                }
                for trial in 0..<12 {
                    let clip = trial == 0 ? Rect(x: 0, y: 0, width: 220, height: 140)
                        : Rect(x: Int.random(in: 0...150, using: &rng), y: Int.random(in: 40...100, using: &rng),
                               width: Int.random(in: 1...120, using: &rng), height: Int.random(in: 1...60, using: &rng))
                    let (color, background) = GlyphCellTests.colours[trial % GlyphCellTests.colours.count]
                    let blended = drawn(line, color, on: background, clip: clip, cells: false)
                    let copy = drawn(line, color, on: background, clip: clip, cells: true)
                    XCTAssertTrue(copy.differences(from: blended).isEmpty, "\(text) at \(size), clip \(clip)")
                }
            }
        }
        XCTAssertGreaterThan(overlapping, 0, "some glyph boxes overlap, so the overlap rule is tested")
    }

    /// More colour pairs than a glyph keeps cells for, in turn and twice over: every cell handed
    /// back is the one for the colours asked, whether it was kept, evicted and remade, or reused.
    func testCellsFollowTheColoursThroughEviction() throws {
        let fonts = try TestFonts.fonts()
        let glyph = try XCTUnwrap(fonts.bold.glyph("8", size: 40))
        let pairs: [(UInt32, UInt32)] = (0..<(GlyphInk.slotCount + 3)).map { i in (UInt32(0x10 * i + 0x80), UInt32(0x0A0B0C * i)) }
        for round in 0..<3 {
            for (color, background) in (round == 1 ? pairs.reversed() : pairs) {
                let cell = try XCTUnwrap(glyph.ink.cell(color: color, background: background))
                let reference = Canvas(width: glyph.width, height: glyph.height, fill: background)
                glyph.coverage.withUnsafeBufferPointer {
                    reference.blend(mask: $0, width: glyph.width, height: glyph.height, x: 0, y: 0, color: color, clip: reference.bounds)
                }
                XCTAssertEqual(Array(UnsafeBufferPointer(start: cell, count: glyph.coverage.count)), Array(reference.pixels),
                               "round \(round), \(color) on \(background)")
            }
        }
    }

    /// A change of size is another glyph with cells of its own; a glyph too large to keep cells
    /// for is blended, and still right.
    func testSizesKeepTheirOwnCellsAndHugeGlyphsBlend() throws {
        let fonts = try TestFonts.fonts()
        let small = try XCTUnwrap(fonts.bold.glyph("0", size: 30)), large = try XCTUnwrap(fonts.bold.glyph("0", size: 31))
        XCTAssertFalse(small.ink === large.ink)
        let a = try XCTUnwrap(small.ink.cell(color: 0xFFFFFF, background: 0))
        _ = try XCTUnwrap(large.ink.cell(color: 0xFFFFFF, background: 0))
        XCTAssertEqual(Array(UnsafeBufferPointer(start: a, count: small.coverage.count)),
                       small.coverage.map { UInt32($0) << 16 | UInt32($0) << 8 | UInt32($0) }, "white on black is the coverage, grey")

        let huge = TextLine("W", size: 400, font: fonts.bold)
        let g = try XCTUnwrap(huge.glyphs.first?.glyph)
        XCTAssertGreaterThan(g.coverage.count, GlyphInk.cellLimit)
        XCTAssertNil(g.ink.cell(color: 0xFFFFFF, background: 0))
        let canvas = Canvas(width: 500, height: 500, fill: 0x202020), blended = Canvas(width: 500, height: 500, fill: 0x202020)
        huge.draw(into: canvas, x: 10, baseline: 420, color: 0xFFFFFF, clip: canvas.bounds, background: 0x202020)
        huge.draw(into: blended, x: 10, baseline: 420, color: 0xFFFFFF, clip: blended.bounds)
        XCTAssertTrue(canvas.differences(from: blended).isEmpty)
        XCTAssertGreaterThan(canvas.count(0xFFFFFF), 1000)
    }
}
