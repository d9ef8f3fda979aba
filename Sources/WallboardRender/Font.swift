import WallboardCore

/// A face ready for text: character-to-glyph lookup, the glyph cache, and digit cells.
public final class Font: @unchecked Sendable {
    public let face: FontFace
    let cache: GlyphCache
    private var indices: [UInt32: UInt32] = [:]
    private var digitCells: [Int: Int] = [:]
    public let metrics: FontMetrics

    init(face: FontFace, cache: GlyphCache) {
        self.face = face
        self.cache = cache
        metrics = face.metrics
    }

    public convenience init(path: String) throws(FontError) {
        self.init(face: try FontFace(path: path), cache: GlyphCache())
    }

    func glyphIndex(_ scalar: Unicode.Scalar) -> UInt32 {
        if let hit = indices[scalar.value] { return hit }
        let index = face.glyphIndex(scalar)
        indices[scalar.value] = index
        return index
    }

    func glyph(_ scalar: Unicode.Scalar, size: Int) -> Glyph? {
        cache.glyph(glyphIndex(scalar), size: size, face: face)
    }

    /// The width of one digit cell at `size` (26.6): the widest of the ten digits' advances, so a
    /// number keeps its width whatever its digits, and no digit moves when its neighbours change.
    func digitCell(size: Int) -> Int {
        if let hit = digitCells[size] { return hit }
        var widest = 0
        for digit in "0123456789".unicodeScalars { widest = max(widest, glyph(digit, size: size)?.advance ?? 0) }
        digitCells[size] = widest
        return widest
    }
}
