/// One rendered glyph: an 8-bit coverage bitmap and the metrics to place it.
///
/// Sizes are plain Ints, so wall-sized numerals (hundreds of pixels) are fine — unlike FreeType's
/// small-bitmap cache, whose metrics are 8-bit.
struct Glyph: Sendable {
    var width: Int
    var height: Int
    /// Offset from the pen position to the bitmap's left edge, in pixels.
    var left: Int
    /// Distance from the baseline up to the bitmap's top row, in pixels.
    var top: Int
    /// Horizontal advance in 26.6 fixed point.
    var advance: Int
    /// `width`×`height` coverage values, row-major, 0 = none, 255 = full.
    var coverage: [UInt8]
}

/// Identifies a rendered glyph: which face, at what pixel size, which glyph.
struct GlyphKey: Hashable, Sendable {
    var face: Int
    var size: Int
    var glyph: UInt32
}
