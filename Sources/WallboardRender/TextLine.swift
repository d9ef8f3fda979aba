import WallboardCore

/// A string shaped at one size: glyphs with pen positions, ready to measure or draw.
///
/// Digits sit centred in fixed cells as wide as the widest digit (tabular figures whatever the
/// font); other characters use their own advance plus the font's kerning, where it has any.
struct TextLine {
    struct Placed {
        var glyph: Glyph
        /// The glyph's index in its face, and which face, to tell which positions two lines differ in.
        var index: UInt32
        var face: Int
        /// Pen position of the glyph's origin, 26.6 fixed point from the line start.
        var pen: Int
    }

    let size: Int
    private(set) var glyphs: [Placed] = []
    /// Total advance, 26.6.
    private(set) var advance = 0
    /// The width of a digit cell at `size` (26.6), kept for reshaping digits.
    private var cell = 0

    /// The empty line: no glyphs, size 0.
    init() { size = 0 }

    init(_ text: String, size: Int, font: Font) {
        self.size = size
        guard size > 0 else { return }
        var previous: UInt32 = 0
        cell = font.digitCell(size: size)
        defer { inkBounds = TextLine.inkBounds(of: glyphs) }
        glyphs.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            var face = font.face
            var index = font.glyphIndex(scalar)
            if index == 0, scalar.value > 0x7F, let other = font.fallbackGlyph(scalar) {
                (face, index) = other
            }
            guard let glyph = font.cache.glyph(index, size: size, face: face) else { continue }
            if TextLine.isDigit(scalar) {
                glyphs.append(Placed(glyph: glyph, index: index, face: face.id, pen: advance + (cell - glyph.advance) / 2))
                advance += cell
                previous = 0  // no kerning into or out of a cell: cells must not move
            } else if face === font.face {
                advance += font.face.kerning(previous, index, size: size)
                glyphs.append(Placed(glyph: glyph, index: index, face: face.id, pen: advance))
                advance += glyph.advance
                previous = index
            } else {
                glyphs.append(Placed(glyph: glyph, index: index, face: face.id, pen: advance))
                advance += glyph.advance
                previous = 0  // no kerning across faces
            }
        }
    }

    /// `text` shaped at this line's size by changing only the digits that differ from `old`, the
    /// text this line was shaped from; nil unless the two differ only in ASCII digits. The same
    /// line `init(text, size:, font:)` makes: a digit sits centred in its fixed cell with no
    /// kerning into or out of it, so changing one moves nothing else, and the rest of the line is
    /// the same characters shaped alike. A ticking "LONGEST WAIT 4:32 > 3:00" reshapes one glyph.
    /// Only for ASCII text (nearly all a board shows), so that byte i is character i.
    init?(_ text: String, changingDigitsOf line: TextLine, shapedFrom old: String, font: Font) {
        // As many glyphs as `old` has bytes: all ASCII, none skipped, so glyph i is byte i.
        guard line.size > 0, text.utf8.count == old.utf8.count, line.glyphs.count == old.utf8.count else { return nil }
        // Contiguous bytes (a small string's copied to the stack): walking two String.UTF8Views
        // cost more than the reshaping.
        var (new, was) = (text, old)
        guard let reshaped = new.withUTF8({ new in was.withUTF8 { was in TextLine.changingDigits(of: line, from: was, to: new, font: font) } })
        else { return nil }
        self = reshaped
    }

    private static func changingDigits(
        of line: TextLine, from old: UnsafeBufferPointer<UInt8>, to new: UnsafeBufferPointer<UInt8>, font: Font
    ) -> TextLine? {
        // Every difference a digit for a digit, checked before the glyphs are copied to be changed.
        for i in 0..<new.count where new[i] != old[i] {
            guard isDigit(new[i]), isDigit(old[i]) else { return nil }
        }
        var line = line
        var changed = false
        for i in 0..<new.count where new[i] != old[i] {
            let index = font.glyphIndex(Unicode.Scalar(new[i]))
            guard let glyph = font.cache.glyph(index, size: line.size, face: font.face) else { return nil }
            let cellStart = line.glyphs[i].pen - (line.cell - line.glyphs[i].glyph.advance) / 2
            line.glyphs[i] = Placed(glyph: glyph, index: index, face: font.face.id, pen: cellStart + (line.cell - glyph.advance) / 2)
            changed = true
        }
        if changed { line.inkBounds = inkBounds(of: line.glyphs) }
        return line
    }

    /// The ASCII decimal digits (what `numericType == .decimal && isASCII` is), without the Unicode tables.
    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The advance width in whole pixels.
    var width: Int { (advance + 63) >> 6 }

    /// The inked pixels relative to the pen start (x) and baseline (y), or nil when nothing is inked.
    /// Worked out once: fitting and placing a line ask for it several times.
    private(set) var inkBounds: Rect?

    private static func inkBounds(of glyphs: [Placed]) -> Rect? {
        // Corners in plain Ints: a Rect.union per glyph (a call into WallboardCore) was most of it.
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        for placed in glyphs where placed.glyph.width > 0 && placed.glyph.height > 0 {
            let g = placed.glyph
            let x = TextLine.pixel(placed.pen) + g.left
            minX = min(minX, x)
            maxX = max(maxX, x + g.width)
            minY = min(minY, -g.top)
            maxY = max(maxY, g.height - g.top)
        }
        return minX == Int.max ? nil : Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// Blends the line into `canvas` with its pen starting at (`x`, `baseline`), only inside `clip`.
    ///
    /// `background`, when given, is the caller's word that every pixel of `clip` is that colour
    /// (it has just filled it): a glyph whose box no glyph of this line has drawn into yet then
    /// lies on that colour alone, and its cell (`GlyphInk.cell`) — the same pixels the blend
    /// would give — is copied instead. A glyph overlapping an earlier one's box (kerned "AV",
    /// an overhanging "f") is blended over what is there, as is everything without a background.
    func draw(into canvas: Canvas, x: Int, baseline: Int, color: UInt32, clip: Rect, background: UInt32? = nil) {
        assert(background.map { canvas.isSolid(clip, $0) } ?? true, "a background promised but not there")
        let visible = clip.intersection(canvas.bounds)
        guard !visible.isEmpty else { return }
        var drawnTo = Int.min  // right edge of the glyph boxes drawn so far: none reaches it
        for placed in glyphs {
            let g = placed.glyph
            let left = x + TextLine.pixel(placed.pen) + g.left, top = baseline - g.top
            // The glyph's box within the visible part, worked out here: a repaint of a few changed
            // cells passes over most glyphs of the line, and must pass over them for next to nothing.
            let x0 = max(left, visible.x), x1 = min(left + g.width, visible.maxX)
            let y0 = max(top, visible.y), y1 = min(top + g.height, visible.maxY)
            guard x0 < x1, y0 < y1 else { continue }
            let area = Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
            if let background, left >= drawnTo, let cell = g.ink.cell(color: color, background: background) {
                canvas.copy(cell: cell, width: g.width, x: left, y: top, area: area)
            } else {
                g.ink.coverage.withUnsafeBufferPointer { mask in
                    canvas.blend(mask: mask.baseAddress!, width: g.width, x: left, y: top, color: color, area: area)
                }
            }
            drawnTo = max(drawnTo, left + g.width)
        }
    }

    /// Glyph origins are snapped to whole pixels: FreeType's bitmaps are rendered at integer
    /// positions, and snapping keeps equal strings pixel-identical wherever they are drawn.
    @inline(__always) static func pixel(_ fixed: Int) -> Int { (fixed + 32) >> 6 }
}
