/// A glyph's coverage, and the few "cells" made from it: the glyph already blended in one colour
/// over one solid background, as ready pixels. Text is nearly always drawn on a fill the painter
/// has just laid down, and a glyph blended over a known solid colour is always the same pixels,
/// so drawing it there is a copy of rows instead of a blend per pixel.
///
/// A glyph is drawn in a handful of (colour, background) pairs — text on each tile level's fill,
/// on the header panel — so each keeps its `slotCount` most recently used cells; a glyph larger
/// than `cellLimit` pixels keeps none (it is blended, as before). The cells of a glyph thus take
/// at most 16× its coverage bytes, and go with it.
///
/// `@unchecked Sendable`: the cells change only while painting, which the painters sharing a
/// font do one after another, on one queue (the same rule as `GlyphCache`).
final class GlyphInk: @unchecked Sendable {
    let coverage: [UInt8]

    static let slotCount = 4
    /// 256 KiB of pixels per cell at most (a 300×200 numeral).
    static let cellLimit = 1 << 16

    private struct Slot {
        /// Colour in the high 32 bits, background in the low; `empty` while unused.
        var pair: UInt64
        var lastUse: UInt64
        var pixels: UnsafeMutablePointer<UInt32>?
    }
    private static let empty = UInt64.max  // colours are 24-bit: no pair is all ones
    /// Raw memory, so that the hot path pays no exclusivity check for a class property.
    private let slots: UnsafeMutablePointer<Slot>
    private let uses: UnsafeMutablePointer<UInt64>

    init(coverage: [UInt8]) {
        self.coverage = coverage
        slots = .allocate(capacity: GlyphInk.slotCount)
        slots.initialize(repeating: Slot(pair: GlyphInk.empty, lastUse: 0, pixels: nil), count: GlyphInk.slotCount)
        uses = .allocate(capacity: 1)
        uses.initialize(to: 0)
    }

    deinit {
        for i in 0..<GlyphInk.slotCount { slots[i].pixels?.deallocate() }
        slots.deallocate()
        uses.deallocate()
    }

    /// The glyph's pixels (as many as its coverage, in the same order) blended in `color` over
    /// `background`; nil when the glyph is too large to keep cells for. Valid until the next call.
    func cell(color: UInt32, background: UInt32) -> UnsafePointer<UInt32>? {
        let area = coverage.count
        guard area > 0, area <= GlyphInk.cellLimit else { return nil }
        let pair = UInt64(color) << 32 | UInt64(background)
        uses.pointee &+= 1
        var victim = slots
        for i in 0..<GlyphInk.slotCount {
            let slot = slots + i
            if slot.pointee.pair == pair, let pixels = slot.pointee.pixels {
                slot.pointee.lastUse = uses.pointee
                return UnsafePointer(pixels)
            }
            if slot.pointee.lastUse < victim.pointee.lastUse { victim = slot }
        }
        let pixels = victim.pointee.pixels ?? .allocate(capacity: area)
        composite(into: pixels, color: color, background: background)
        victim.pointee = Slot(pair: pair, lastUse: uses.pointee, pixels: pixels)
        return UnsafePointer(pixels)
    }

    /// Blends the coverage over `background` with the very code `Canvas.blend(mask:)` runs, so
    /// that copying the cell onto that background gives the same pixels bit for bit. The rows
    /// follow one another in both, so the whole bitmap goes through as one long row.
    private func composite(into pixels: UnsafeMutablePointer<UInt32>, color: UInt32, background: UInt32) {
        Canvas.fill(pixels, background, count: coverage.count)
        coverage.withUnsafeBufferPointer { mask in
            guard let base = mask.baseAddress else { return }
            Canvas.blend(into: pixels, stride: 0, mask: base, maskStride: 0, width: mask.count, height: 1, color: color, over: background)
        }
    }
}
