import WallboardCore

/// Colours for one tile, from its level, staleness and the pulse phase.
struct TileStyle {
    var stale: Bool
    var level: AlarmLevel
    var fill: UInt32
    var text: UInt32
    var label: UInt32
    /// The border colour (for red, the bright stripes of the hatching).
    var edge: UInt32
}

/// One queue tile. The border band, and each text box, are separate elements (see `Painter`).
extension Painter {
    func tileStyle(_ tile: TileScene, pulse: Double) -> TileStyle {
        if tile.stale != nil {
            return TileStyle(stale: true, level: .normal, fill: palette.staleTile, text: palette.staleText,
                             label: palette.staleText, edge: palette.staleEdge)
        }
        var edge: UInt32
        switch tile.level {
        case .normal: edge = palette.tileEdge
        case .amber: edge = palette.amber
        // The pulse only brightens the stripes, gently, between vermillion and a lighter vermillion.
        case .red: edge = Palette.mix(palette.red, palette.redBright, max(0, min(1, pulse)))
        }
        return TileStyle(stale: false, level: tile.level, fill: palette.tileFill(tile.level), text: palette.text,
                         label: palette.label, edge: edge)
    }

    func drawTile(_ tile: TileScene, _ layout: TileLayout, pulse: Double, _ canvas: Canvas) {
        let style = tileStyle(tile, pulse: pulse)
        canvas.fill(layout.frame, with: style.fill)
        drawTileBorder(tile, layout, style, clip: layout.frame, canvas)
        drawLevel(tile, layout, style, canvas)
        drawTileTitle(tile, layout, style, canvas)  // after the level: it may use the room left of the icon
        drawWaiting(tile, layout, style, canvas)
        drawText(tile.waitingLabel, in: layout.waitingLabel, font: fonts.regular, color: style.label, canvas: canvas, background: style.fill)
        drawLongestWait(tile, layout, style, canvas)
        drawText(tile.longestWaitLabel, in: layout.longestWaitLabel, font: fonts.regular, color: style.label, canvas: canvas, background: style.fill)
        for slot in layout.figureValues.indices {
            drawFigureLabel(tile, slot, layout, style, canvas)
            drawFigureValue(tile, slot, layout, style, canvas)
        }
        drawReason(tile, layout, style, canvas)
        drawSparkline(tile, layout, style, canvas)
    }

    /// The border band: thin for normal and stale, thicker solid amber, full-width hatched red.
    func drawTileBorder(_ tile: TileScene, _ layout: TileLayout, _ style: TileStyle, clip: Rect, _ canvas: Canvas) {
        let bands = Canvas.frameBands(layout.frame, thickness: layout.border)
        for band in bands { canvas.fill(band.intersection(clip), with: style.fill) }
        if style.stale || style.level == .normal {
            canvas.strokeRect(layout.frame, thickness: max(1, layout.border / 3), color: style.edge, clip: clip)
        } else if style.level == .amber {
            canvas.strokeRect(layout.frame, thickness: max(2, layout.border * 2 / 3), color: style.edge, clip: clip)
        } else {
            for band in bands { canvas.hatch(band, style.edge, palette.hazardDark, stripe: max(2, layout.border / 2), clip: clip, origin: hatchOrigin) }
        }
    }

    /// The queue name, at the board's one name size (`titleSize`), cut with "…" only when it does
    /// not fit even into the room this tile's status word leaves free.
    func drawTileTitle(_ tile: TileScene, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas) {
        let box = titleBox(tile, layout)
        canvas.fill(box.rect, with: style.fill)
        drawText(tile.title, in: box, font: fonts.bold, color: style.text, canvas: canvas, smallest: box.size, background: style.fill)
    }

    /// Where a tile's name may go: its own box, widened into the part of the level area its status
    /// word leaves free (a short "OK" leaves room a long name can use), at the common name size.
    func titleBox(_ tile: TileScene, _ layout: TileLayout) -> TextBox {
        var box = layout.title
        box.size = min(box.size, titleSize ?? box.size)
        let gap = max(0, layout.level.x - box.rect.maxX)
        let icon = levelIcon(tile, layout)
        box.rect.width = max(box.rect.width, icon.x - gap - box.rect.x)
        return box
    }

    /// The largest size at which every tile's name fits its own box (never below 60 %): one size
    /// for the whole board, so names do not jump between sizes from tile to tile.
    func commonTitleSize(_ tiles: [TileScene], _ layouts: [TileLayout]) -> Int? {
        zip(tiles, layouts).map { tile, layout in
            shrunk(tile.title, box: layout.title, font: fonts.bold, smallest: max(1, layout.title.size * 6 / 10)).size
        }.min()
    }

    /// The status icon's square: just left of the drawn word, never left of the level area.
    func levelIcon(_ tile: TileScene, _ layout: TileLayout, wordInk: Rect? = nil) -> Rect {
        let side = layout.levelIcon.width
        let ink = wordInk ?? placement(fitLine(tile.status, box: layout.levelWord, font: fonts.bold).line, in: layout.levelWord, font: fonts.bold).ink
        let right = (ink?.x ?? layout.levelWord.rect.maxX) - max(2, side / 2)
        return Rect(x: max(layout.level.x, right - side), y: layout.levelIcon.y, width: side, height: side)
    }

    /// The level word with its icon: ● OK, ▲ WARNING, ■ BREACH (word on a vermillion pill), □ STALE.
    func drawLevel(_ tile: TileScene, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas) {
        canvas.fill(layout.level, with: style.fill)
        let word = tile.status
        let color: UInt32, pill: UInt32?
        switch (style.stale, style.level) {
        case (true, _): (color, pill) = (palette.staleText, nil)
        case (_, .normal): (color, pill) = (palette.ok, nil)
        case (_, .amber): (color, pill) = (palette.amber, nil)
        case (_, .red): (color, pill) = (palette.text, palette.red)
        }
        let ink = drawText(word, in: layout.levelWord, font: fonts.bold, color: color, canvas: canvas, pill: pill, background: style.fill)
        let side = layout.levelIcon.width
        guard side > 1 else { return }
        let icon = levelIcon(tile, layout, wordInk: ink)
        switch (style.stale, style.level) {
        case (true, _): canvas.strokeRect(icon, thickness: max(1, side / 6), color: palette.staleText, clip: layout.level)
        case (_, .normal): canvas.disc(in: icon, color: palette.ok, clip: layout.level)
        case (_, .amber): canvas.triangle(in: icon, color: palette.amber, clip: layout.level)
        case (_, .red): canvas.fill(icon.intersection(layout.level), with: palette.redBright)
        }
    }

    func drawWaiting(_ tile: TileScene, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas, region: Rect? = nil) {
        canvas.fill(region ?? layout.waiting.rect, with: style.fill)
        drawFigure([tile.waiting] + tile.waitingOverflow, in: layout.waiting, font: fonts.bold, color: style.text, canvas: canvas, region: region,
                   background: style.fill)
    }

    func drawLongestWait(_ tile: TileScene, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas, region: Rect? = nil) {
        canvas.fill(region ?? layout.longestWait.rect, with: style.fill)
        drawFigure([tile.longestWait] + tile.longestWaitOverflow, in: layout.longestWait, font: fonts.bold, color: style.text, canvas: canvas, region: region,
                   background: style.fill)
    }

    func drawFigureLabel(_ tile: TileScene, _ slot: Int, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas) {
        let box = layout.figureLabels[slot]
        canvas.fill(box.rect, with: style.fill)
        guard slot < tile.figures.count else { return }
        drawText(tile.figures[slot].label, in: box, font: fonts.regular, color: style.label, canvas: canvas, background: style.fill)
    }

    /// A figure's value; an alarmed figure sits on a pill of its level's colour in black, so it
    /// stands out by shape and contrast, not hue alone.
    func drawFigureValue(_ tile: TileScene, _ slot: Int, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas) {
        let box = layout.figureValues[slot]
        canvas.fill(box.rect, with: style.fill)
        guard slot < tile.figures.count else { return }
        let figure = tile.figures[slot]
        let forms = [figure.value] + figure.overflow
        if style.stale || figure.level == .normal {
            drawFigure(forms, in: box, font: fonts.bold, color: style.text, canvas: canvas, background: style.fill)
        } else {
            drawFigure(forms, in: box, font: fonts.bold, color: palette.hazardDark, canvas: canvas,
                       pill: palette.accent(figure.level))
        }
    }

    /// The reason line, or for a stale tile the age of its data on a hatched grey strip; `region`
    /// limits the repaint to the glyphs that changed.
    func drawReason(_ tile: TileScene, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas, region: Rect? = nil) {
        let box = layout.reason
        let area = region ?? box.rect
        canvas.fill(area, with: style.fill)
        if let stale = tile.stale {
            canvas.hatch(box.rect, 0x262626, 0x303030, stripe: max(2, box.rect.height / 6), clip: area, origin: hatchOrigin)
            drawText(stale, in: staleBox(layout), font: fonts.bold, color: 0xE0E0E0, canvas: canvas, region: region)
        } else if let reason = tile.reason, let acknowledged = tile.acknowledged {
            drawAcknowledged(reason, acknowledged, tile, layout, canvas, region: region)
        } else if let reason = tile.reason {
            drawText(reason, in: box, font: fonts.bold, color: palette.levelText(tile.level), canvas: canvas, region: region,
                     background: style.fill)
        }
    }

    /// The stale age sits centred in the reason box.
    func staleBox(_ layout: TileLayout) -> TextBox {
        var centred = layout.reason
        centred.alignment = .center
        return centred
    }

    /// What can change in the reason box from tile `a` to `b`: the glyphs that differ when the line
    /// keeps its shape (a ticking "over 4:32" → "over 4:33"), else the whole box.
    func reasonRegion(from a: TileScene, to b: TileScene, _ layout: TileLayout) -> Rect {
        if a.acknowledged != nil || b.acknowledged != nil { return layout.reason.rect }
        switch (a.stale, b.stale, a.reason, b.reason) {
        case (let old?, let new?, _, _): return changedRegion(from: old, to: new, in: staleBox(layout), font: fonts.bold)
        case (nil, nil, let old?, let new?): return changedRegion(from: old, to: new, in: layout.reason, font: fonts.bold)
        default: return layout.reason.rect
        }
    }

    /// Calls waiting over the last hour as bars; missing minutes leave a gap with a grey tick.
    func drawSparkline(_ tile: TileScene, _ layout: TileLayout, _ style: TileStyle, _ canvas: Canvas) {
        guard let rect = layout.sparkline else { return }
        canvas.fill(rect, with: style.fill)
        let points = tile.sparkline
        guard !points.isEmpty, rect.width > 0, rect.height > 1 else { return }
        let peak = max(1, points.compactMap { $0 }.filter(\.isFinite).max() ?? 1)
        let baseline = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
        canvas.fill(baseline, with: style.stale ? palette.staleEdge : palette.tileEdge)
        let color = style.stale ? palette.staleText : palette.sparkline
        for (i, point) in points.enumerated() {
            let x0 = rect.x + i * rect.width / points.count
            let x1 = rect.x + (i + 1) * rect.width / points.count
            let w = max(1, x1 - x0 - (x1 - x0 > 3 ? 1 : 0))
            guard let value = point, value.isFinite else {
                canvas.fill(Rect(x: x0, y: rect.maxY - 3, width: w, height: 2).intersection(rect), with: palette.staleEdge)
                continue
            }
            let h = max(1, Int((max(0, value) / peak * Double(rect.height - 1)).rounded()))
            let last = i == points.count - 1
            canvas.fill(Rect(x: x0, y: rect.maxY - 1 - h, width: w, height: h).intersection(rect),
                        with: last && !style.stale ? style.text : color)
        }
    }
}
