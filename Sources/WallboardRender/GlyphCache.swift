/// Rendered glyphs keyed by (face, pixel size, glyph index), shared by the faces a painter uses.
///
/// A board draws a few dozen distinct glyphs at a handful of sizes, so the cache stays small; the
/// byte budget only guards against a pathological stream of sizes (e.g. a layout recomputed for
/// many canvas sizes), by starting afresh when it is exceeded.
final class GlyphCache: @unchecked Sendable {
    private var glyphs: [GlyphKey: Glyph] = [:]
    private(set) var bytes = 0
    let budget: Int

    init(budget: Int = 32 << 20) { self.budget = budget }

    var count: Int { glyphs.count }

    func glyph(_ index: UInt32, size: Int, face: FontFace) -> Glyph? {
        let key = GlyphKey(face: face.id, size: size, glyph: index)
        if let hit = glyphs[key] { return hit }
        guard let glyph = face.renderGlyph(index, size: size) else { return nil }
        if bytes + glyph.coverage.count > budget {
            glyphs.removeAll(keepingCapacity: true)
            bytes = 0
        }
        glyphs[key] = glyph
        bytes += glyph.coverage.count
        return glyph
    }
}
