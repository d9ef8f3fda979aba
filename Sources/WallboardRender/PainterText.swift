import WallboardCore

extension Painter {
    /// Draws `text` in `box`: shrunk (down to 60 %) if wider than the box, then cut with an ellipsis
    /// if still too wide; placed by the box's alignment with capitals centred vertically; clipped to
    /// the box so it can never touch a neighbour. An optional `pill` colour is filled behind the ink.
    /// Returns the inked rectangle.
    @discardableResult
    func drawText(
        _ text: String, in box: TextBox, font: Font, color: UInt32, canvas: Canvas, pill: UInt32? = nil
    ) -> Rect? {
        let (line, shown) = fitLine(text, box: box, font: font)
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
        if let pill, let i = ink {
            let pad = max(1, line.size / 8)
            canvas.fill(Rect(x: i.x - pad, y: i.y - pad, width: i.width + 2 * pad, height: i.height + 2 * pad).intersection(rect), with: pill)
        }
        line.draw(into: canvas, x: x, baseline: baseline, color: color, clip: rect)
        textLog?.append(DrawnText(text: text, shown: shown, box: box, size: line.size, ink: ink))
        return ink
    }

    /// The largest shaping of `text` (at most `box.size`) that fits the box's width, and the text
    /// it shows (cut short with an ellipsis if even 60 % of the size is too wide).
    func fitLine(_ text: String, box: TextBox, font: Font) -> (line: TextLine, shown: String) {
        let limit = box.rect.width
        var line = TextLine(text, size: box.size, font: font)
        guard line.inkFits(limit) == false, box.size > 0 else { return (line, text) }
        let smallest = max(1, box.size * 6 / 10)
        var size = max(smallest, box.size * limit / max(1, line.width))
        line = TextLine(text, size: size, font: font)
        while !line.inkFits(limit) && size > smallest {
            size -= 1
            line = TextLine(text, size: size, font: font)
        }
        var shown = text
        var characters = Array(text)
        while !line.inkFits(limit) && !characters.isEmpty {
            characters.removeLast()
            shown = String(characters).trimmingSuffixSpaces() + "…"
            line = TextLine(shown, size: size, font: font)
        }
        return (line, shown)
    }
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
