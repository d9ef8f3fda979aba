/// One rendered glyph: an 8-bit coverage bitmap and the metrics to place it.
///
/// Sizes are plain Ints, so wall-sized numerals (hundreds of pixels) are fine — unlike FreeType's
/// small-bitmap cache, whose metrics are 8-bit.
struct Glyph: Sendable {
    let width: Int
    let height: Int
    /// Offset from the pen position to the bitmap's left edge, in pixels.
    let left: Int
    /// Distance from the baseline up to the bitmap's top row, in pixels.
    let top: Int
    /// Horizontal advance in 26.6 fixed point.
    let advance: Int
    /// The coverage, and the cells composited from it (one reference, so copying a glyph into a
    /// line costs no more than copying its coverage array did).
    let ink: GlyphInk

    init(width: Int, height: Int, left: Int, top: Int, advance: Int, coverage: [UInt8]) {
        self.width = width
        self.height = height
        self.left = left
        self.top = top
        self.advance = advance
        precondition(coverage.count == width * height, "coverage is width × height")
        ink = GlyphInk(coverage: coverage)
    }

    /// `width`×`height` coverage values, row-major, 0 = none, 255 = full.
    var coverage: [UInt8] { ink.coverage }
}

/// Identifies a rendered glyph: which face, at what pixel size, which glyph.
struct GlyphKey: Hashable, Sendable {
    var face: Int
    var size: Int
    var glyph: UInt32
}
