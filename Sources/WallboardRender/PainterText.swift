import WallboardCore

extension Painter {
    /// Draws `text` in `box`: shrunk (down to 60 %) if wider than the box, then cut with an ellipsis
    /// if still too wide; placed by the box's alignment with capitals centred vertically; clipped to
    /// the box so it can never touch a neighbour. An optional `pill` colour is filled behind the ink.
    /// Returns the inked rectangle. `background`: the colour the caller has just filled the box
    /// (or `region` of it) with, so that glyphs are copied ready-blended (see `TextLine.draw`).
    @discardableResult
    func drawText(
        _ text: String, in box: TextBox, font: Font, color: UInt32, canvas: Canvas, pill: UInt32? = nil, region: Rect? = nil,
        smallest: Int? = nil, background: UInt32? = nil
    ) -> Rect? {
        let (line, shown) = fitLine(text, box: box, font: font, smallest: smallest)
        return draw(line, text: text, shown: shown, in: box, font: font, color: color, canvas: canvas, pill: pill, region: region,
                    background: background)
    }

    private func draw(
        _ line: TextLine, text: String, shown: String, in box: TextBox, font: Font, color: UInt32, canvas: Canvas,
        pill: UInt32?, region: Rect?, background: UInt32?
    ) -> Rect? {
        let (x, baseline, ink) = placement(line, in: box, font: font)
        let rect = box.rect
        if let pill, let i = ink {
            let pad = max(1, line.size / 8)
            canvas.fill(Rect(x: i.x - pad, y: i.y - pad, width: i.width + 2 * pad, height: i.height + 2 * pad).intersection(rect), with: pill)
        }
        // A pill covers only the ink's surroundings, not the whole box: no background then.
        line.draw(into: canvas, x: x, baseline: baseline, color: color, clip: region.map { $0.intersection(rect) } ?? rect,
                  background: pill == nil ? background : nil)
        textLog?.append(DrawnText(text: text, shown: shown, box: box, size: line.size, ink: ink))
        return ink
    }

    /// A figure: the first of `forms` (longest first, each true) that fits `box` shrunk to no less
    /// than half its size, else the last, shrunk until it fits. Never cut, never an ellipsis: "123…"
    /// on a wall reads as 123.
    @discardableResult
    func drawFigure(
        _ forms: [String], in box: TextBox, font: Font, color: UInt32, canvas: Canvas, pill: UInt32? = nil, region: Rect? = nil,
        background: UInt32? = nil
    ) -> Rect? {
        let (line, shown) = fitFigure(forms, box: box, font: font)
        return draw(line, text: forms.first ?? "", shown: shown, in: box, font: font, color: color, canvas: canvas, pill: pill, region: region,
                    background: background)
    }

    func fitFigure(_ forms: [String], box: TextBox, font: Font) -> (line: TextLine, shown: String) {
        let limit = box.rect.width
        for form in forms.dropLast() {
            let line = shrunk(form, box: box, font: font, smallest: max(1, box.size / 2))
            if line.inkFits(limit) { return (line, form) }
        }
        let last = forms.last ?? ""
        return (shrunk(last, box: box, font: font, smallest: 1), last)
    }

    /// The part of `box` whose pixels can change when its text goes from line `a` to line `b`: when
    /// both lay out alike (same size and glyph positions, as digits in fixed cells do), just the
    /// bitmaps of the glyphs that differ, old and new; otherwise the whole box. A ticking
    /// "1:07" → "1:08" repaints the ink of one cell. Exact, because everywhere else in the box the
    /// two lines put the same glyphs, blended in the same order, on the same background.
    func changedRegion(_ a: TextLine, _ b: TextLine, in box: TextBox, font: Font) -> Rect {
        let pa = placement(a, in: box, font: font), pb = placement(b, in: box, font: font)
        guard a.size == b.size, a.glyphs.count == b.glyphs.count, pa.x == pb.x, pa.baseline == pb.baseline else { return box.rect }
        var span: Rect?
        func include(_ placed: TextLine.Placed) {
            let g = placed.glyph
            guard g.width > 0, g.height > 0 else { return }  // draws nothing
            let bitmap = Rect(x: pa.x + TextLine.pixel(placed.pen) + g.left, y: pa.baseline - g.top, width: g.width, height: g.height)
            span = span.map { $0.union(bitmap) } ?? bitmap
        }
        for i in a.glyphs.indices {
            let ga = a.glyphs[i], gb = b.glyphs[i]
            guard ga.pen == gb.pen else { return box.rect }
            guard ga.index != gb.index || ga.face != gb.face else { continue }
            include(ga)
            include(gb)
        }
        return span?.intersection(box.rect) ?? Rect(x: box.rect.x, y: box.rect.y, width: 0, height: 0)
    }

    func changedRegion(from old: String, to new: String, in box: TextBox, font: Font) -> Rect {
        changedRegion(fitLine(old, box: box, font: font).line, fitLine(new, box: box, font: font).line, in: box, font: font)
    }

    func changedRegion(fromFigure old: [String], to new: [String], in box: TextBox, font: Font) -> Rect {
        changedRegion(fitFigure(old, box: box, font: font).line, fitFigure(new, box: box, font: font).line, in: box, font: font)
    }

    /// Where a shaped line goes in its box: pen x, baseline, and the ink rectangle.
    func placement(_ line: TextLine, in box: TextBox, font: Font) -> (x: Int, baseline: Int, ink: Rect?) {
        let rect = box.rect
        let width = line.width
        var x: Int
        switch box.alignment {
        case .left: x = rect.x
        case .center: x = rect.x + (rect.width - width) / 2
        case .right: x = rect.maxX - width
        }
        let size = Double(line.size)
        let metrics = font.metrics
        var baseline = rect.y + Int((Double(rect.height) + metrics.capHeight * size) / 2)
        baseline = min(baseline, rect.maxY - Int((metrics.descender * size).rounded(.up)))
        baseline = max(baseline, rect.y + Int((metrics.ascender * size).rounded(.up)))
        // Hinting and antialiasing can reach a pixel past the font's nominal extents: keep the
        // actual ink inside the box.
        if let i = line.inkBounds, i.height <= rect.height {
            if baseline + i.maxY > rect.maxY { baseline = rect.maxY - i.maxY }
            if baseline + i.y < rect.y { baseline = rect.y - i.y }
        }
        var ink = line.inkBounds.map { Rect(x: $0.x + x, y: $0.y + baseline, width: $0.width, height: $0.height) }
        // Keep the ink inside the box horizontally too (side bearings can overhang the advance).
        if let i = ink {
            let shift = i.x < rect.x ? rect.x - i.x : (i.maxX > rect.maxX ? max(rect.x - i.x, rect.maxX - i.maxX) : 0)
            x += shift
            ink = Rect(x: i.x + shift, y: i.y, width: i.width, height: i.height)
        }
        return (x, baseline, ink)
    }

    /// The largest shaping of `text` (at most `box.size`) that fits the box's width, and the text
    /// it shows (cut short with an ellipsis if even 60 % of the size is too wide). For names and
    /// words; figures go through `fitFigure`, which never cuts.
    func fitLine(_ text: String, box: TextBox, font: Font, smallest: Int? = nil) -> (line: TextLine, shown: String) {
        let limit = box.rect.width
        var line = shrunk(text, box: box, font: font, smallest: smallest ?? max(1, box.size * 6 / 10))
        let size = line.size
        var shown = text
        guard !line.inkFits(limit) else { return (line, shown) }
        var characters = Array(text)
        while !line.inkFits(limit) && !characters.isEmpty {
            characters.removeLast()
            shown = String(characters).trimmingSuffixSpaces() + "…"
            line = TextLine(shown, size: size, font: font)
        }
        return (line, shown)
    }

    /// `text` at the largest size from `box.size` down to `smallest` at which it fits the box's
    /// width (at `smallest` if none does). Remembered: an update shapes each changed text at least
    /// three times (old and new for the changed region, new again to draw).
    func shrunk(_ text: String, box: TextBox, font: Font, smallest: Int) -> TextLine {
        let key = FitKey(text: text, width: box.rect.width, size: box.size, smallest: smallest, face: font.face.id)
        let (x, y) = (box.rect.x, box.rect.y)
        if let hit = fitted.line(for: key, x: x, y: y) { return hit }
        let line = reshapingDigits(key, box: box, font: font) ?? shrinking(text, box: box, font: font, smallest: smallest)
        fitted.remember(line, for: key, x: x, y: y)
        return line
    }

    /// What `shrinking` would give, made from the same box's last unshrunk line when the texts
    /// differ only in digits (a tick): shrinking starts with the text at the box's size and keeps
    /// it when it fits (or may not shrink), and the reshaped line is that line exactly.
    private func reshapingDigits(_ key: FitKey, box: TextBox, font: Font) -> TextLine? {
        guard let last = fitted.unshrunk(like: key, x: box.rect.x, y: box.rect.y),
              let line = TextLine(key.text, changingDigitsOf: last.line, shapedFrom: last.key.text, font: font),
              line.inkFits(box.rect.width) || box.size <= key.smallest
        else { return nil }
        return line
    }

    private func shrinking(_ text: String, box: TextBox, font: Font, smallest: Int) -> TextLine {
        let limit = box.rect.width
        var line = TextLine(text, size: box.size, font: font)
        guard !line.inkFits(limit), box.size > smallest else { return line }
        var size = max(smallest, min(box.size - 1, box.size * limit / max(1, line.width)))
        line = TextLine(text, size: size, font: font)
        while !line.inkFits(limit) && size > smallest {
            size -= 1
            line = TextLine(text, size: size, font: font)
        }
        return line
    }
}

/// What `shrunk` depends on.
struct FitKey: Equatable {
    var text: String
    var width: Int
    var size: Int
    var smallest: Int
    var face: Int
}

extension String {
    func trimmingSuffixSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

extension TextLine {
    /// True when both the advance and the ink fit in `width` pixels.
    func inkFits(_ width: Int) -> Bool {
        self.width <= width && (inkBounds?.width ?? 0) <= width
    }
}
