import WallboardCore

/// A face ready for text: character-to-glyph lookup, the glyph cache, and digit cells.
public final class Font: @unchecked Sendable {
    public let face: FontFace
    let cache: GlyphCache
    private var indices: [UInt32: UInt32] = [:]
    private var digitCells: [Int: Int] = [:]
    public let metrics: FontMetrics
    /// Faces tried, in order, for a character this one lacks (Greek, CJK, emoji…), so a name is
    /// never drawn as boxes. They share the glyph cache.
    public internal(set) var fallbacks: [FontFace] = []
    private var fallbackChoice: [UInt32: (face: FontFace, index: UInt32)?] = [:]

    init(face: FontFace, cache: GlyphCache, fallbacks: [FontFace] = []) {
        self.face = face
        self.cache = cache
        self.fallbacks = fallbacks
        metrics = face.metrics
    }

    public convenience init(path: String) throws(FontError) {
        self.init(face: try FontFace(path: path), cache: GlyphCache())
    }

    /// Glyph indices of the ASCII characters, looked up once each (`unknown` until then): nearly
    /// every character on a board is ASCII, and a dictionary lookup per character is most of shaping.
    private var ascii = [UInt32](repeating: Font.unknown, count: 128)
    private static let unknown = UInt32.max

    func glyphIndex(_ scalar: Unicode.Scalar) -> UInt32 {
        if scalar.value < 128 {
            let hit = ascii[Int(scalar.value)]
            if hit != Font.unknown { return hit }
            let index = face.glyphIndex(scalar)
            ascii[Int(scalar.value)] = index
            return index
        }
        if let hit = indices[scalar.value] { return hit }
        let index = face.glyphIndex(scalar)
        indices[scalar.value] = index
        return index
    }

    /// The face and glyph that draw `scalar`: this face's own, else the first fallback that has it;
    /// nil when no face has it (the caller then uses this face's own "missing" glyph).
    func fallbackGlyph(_ scalar: Unicode.Scalar) -> (face: FontFace, index: UInt32)? {
        if let hit = fallbackChoice[scalar.value] { return hit }
        var found: (face: FontFace, index: UInt32)?
        for face in fallbacks {
            let index = face.glyphIndex(scalar)
            if index != 0 {
                found = (face, index)
                break
            }
        }
        fallbackChoice[scalar.value] = found
        return found
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
