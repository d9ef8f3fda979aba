/// Rendered glyphs keyed by (face, pixel size, glyph index), shared by the faces a painter uses.
///
/// A board draws a few dozen distinct glyphs at a handful of sizes, so the cache stays small; the
/// byte budget only guards against a pathological stream of sizes (e.g. a layout recomputed for
/// many canvas sizes), by starting afresh when it is exceeded.
///
/// Every character of every line shaped asks here, so a lookup must cost far less than hashing
/// the key: the recent glyphs also sit in a small direct-mapped table (one slot per key, picked
/// by a multiplicative hash, the last glyph to use it kept), and the dictionary is asked only on
/// a miss there.
final class GlyphCache: @unchecked Sendable {
    private var glyphs: [GlyphKey: Glyph] = [:]
    private(set) var bytes = 0
    let budget: Int

    private struct Slot {
        var key: GlyphKey
        var glyph: Glyph?
    }
    private static let slotCount = 1024
    /// Raw memory, so that the hot path pays no exclusivity check for a class property.
    private let slots: UnsafeMutablePointer<Slot>

    init(budget: Int = 32 << 20) {
        self.budget = budget
        slots = .allocate(capacity: GlyphCache.slotCount)
        slots.initialize(repeating: Slot(key: GlyphKey(face: -1, size: -1, glyph: 0), glyph: nil), count: GlyphCache.slotCount)
    }

    deinit {
        slots.deinitialize(count: GlyphCache.slotCount)
        slots.deallocate()
    }

    var count: Int { glyphs.count }

    func glyph(_ index: UInt32, size: Int, face: FontFace) -> Glyph? {
        let key = GlyphKey(face: face.id, size: size, glyph: index)
        let mixed = (UInt64(truncatingIfNeeded: key.face) << 48 ^ UInt64(truncatingIfNeeded: key.size) << 32 ^ UInt64(index))
            &* 0x9E37_79B9_7F4A_7C15
        let slot = slots + Int(truncatingIfNeeded: mixed >> 54) % GlyphCache.slotCount
        if slot.pointee.key == key, let hit = slot.pointee.glyph { return hit }
        let glyph = lookUp(key, face: face)
        slot.pointee = Slot(key: key, glyph: glyph)
        return glyph
    }

    private func lookUp(_ key: GlyphKey, face: FontFace) -> Glyph? {
        if let hit = glyphs[key] { return hit }
        guard let glyph = face.renderGlyph(key.glyph, size: key.size) else { return nil }
        if bytes + glyph.coverage.count > budget {
            glyphs.removeAll(keepingCapacity: true)
            for i in 0..<GlyphCache.slotCount { slots[i].glyph = nil }
            bytes = 0
        }
        glyphs[key] = glyph
        bytes += glyph.coverage.count
        return glyph
    }
}
