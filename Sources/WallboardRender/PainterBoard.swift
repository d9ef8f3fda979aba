import WallboardCore

/// The normal board: header, banner, tiles, staff bar, footer. Each `draw…` function fills its own
/// element's rectangle and draws into it only, so it serves both the full paint and the update.
extension Painter {
    func paintBoard(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas) {
        canvas.fill(canvas.bounds, with: palette.background)
        canvas.fill(layout.header, with: palette.panel)
        drawTitle(scene, layout, canvas)
        drawClock(scene, layout, canvas)
        drawBanner(scene, layout, canvas)
        drawPageMarker(scene, layout, canvas)
        drawAlert(scene, layout, canvas)
        for index in layout.tiles.indices where index < scene.tiles.count {
            drawTile(scene.tiles[index], layout.tiles[index], pulse: scene.pulse, canvas)
        }
        if let grid = scene.handlerGrid, let gridLayout = layout.handlerGrid { drawHandlerGrid(grid, gridLayout, canvas) }
        if let staff = scene.staff, let staffLayout = layout.staff {
            canvas.fill(staffLayout.frame, with: palette.background)
            for cell in 0..<staffLayout.cells.count { drawStaffCell(staff, cell, staffLayout, canvas) }
            drawStaffBar(staff, staffLayout, canvas)
        }
        drawFooter(scene, layout, canvas)
    }

    func updateBoard(from old: Scene, to new: Scene, _ layout: BoardLayout, _ canvas: Canvas) -> [Rect] {
        var damage: [Rect] = []
        func redraw(_ rect: Rect, _ draw: () -> Void) {
            if let changed = tracked(rect, canvas, draw) { damage.append(changed) }
        }
        if old.header.title != new.header.title { redraw(layout.title.rect) { drawTitle(new, layout, canvas) } }
        if old.header.clock != new.header.clock {
            let region = changedRegion(from: old.header.clock, to: new.header.clock, in: layout.clock, font: fonts.bold)
            redraw(region) { drawClock(new, layout, canvas, region: region) }
        }
        if old.banner != new.banner, let rect = layout.banner { redraw(rect) { drawBanner(new, layout, canvas) } }
        if old.pageMarker != new.pageMarker, let box = layout.pageMarker { redraw(box.rect) { drawPageMarker(new, layout, canvas) } }
        if old.hiddenBreaches != new.hiddenBreaches, let rect = layout.alert { redraw(rect) { drawAlert(new, layout, canvas) } }
        updateTiles(from: old, to: new, layout.tiles, canvas, redraw)
        if let a = old.handlerGrid, let b = new.handlerGrid, a != b, let gridLayout = layout.handlerGrid {
            updateHandlerGrid(from: a, to: b, gridLayout, canvas, redraw)
        }
        if let a = old.staff, let b = new.staff, a != b, let staffLayout = layout.staff {
            let (countsA, countsB) = (a.counts, b.counts)
            for cell in 0..<staffLayout.cells.count
            where countsA[cell] != countsB[cell] || (cell == 0 && a.level != b.level) || a.labels != b.labels {
                redraw(staffLayout.cells[cell].frame) { drawStaffCell(b, cell, staffLayout, canvas) }
            }
            if countsA != countsB { redraw(staffLayout.bar) { drawStaffBar(b, staffLayout, canvas) } }
        }
        if old.footer != new.footer { redraw(layout.footer) { drawFooter(new, layout, canvas) } }
        return damage
    }

    /// Repaints the parts of each tile that changed (shared by the board and the FEED LOST screen).
    func updateTiles(from old: Scene, to new: Scene, _ layouts: [TileLayout], _ canvas: Canvas, _ redraw: (Rect, () -> Void) -> Void) {
        for (index, tileLayout) in layouts.enumerated() where index < new.tiles.count && index < old.tiles.count {
            let a = old.tiles[index], b = new.tiles[index]
            let pulseChanged = old.pulse != new.pulse && b.level == .red && b.stale == nil
            guard a != b || pulseChanged else { continue }
            if a.level != b.level || (a.stale == nil) != (b.stale == nil) || a.id != b.id
                || a.waitingLabel != b.waitingLabel || a.longestWaitLabel != b.longestWaitLabel
            {
                redraw(tileLayout.frame) { drawTile(b, tileLayout, pulse: new.pulse, canvas) }
                continue
            }
            let style = tileStyle(b, pulse: new.pulse)
            if pulseChanged {
                for band in Canvas.frameBands(tileLayout.frame, thickness: tileLayout.border) {
                    redraw(band) { drawTileBorder(b, tileLayout, style, clip: band, canvas) }
                }
            }
            if a.title != b.title { redraw(titleBox(b, tileLayout).rect) { drawTileTitle(b, tileLayout, style, canvas) } }
            // Fields compared in place: building the figures' form arrays, or optional copies of
            // the small figures, for every tile every second cost more than the comparisons.
            if a.waiting != b.waiting || a.waitingOverflow != b.waitingOverflow {
                let region = changedRegion(fromFigure: [a.waiting] + a.waitingOverflow, to: [b.waiting] + b.waitingOverflow,
                                           in: tileLayout.waiting, font: fonts.bold)
                redraw(region) { drawWaiting(b, tileLayout, style, canvas, region: region) }
            }
            if a.longestWait != b.longestWait || a.longestWaitOverflow != b.longestWaitOverflow {
                let region = changedRegion(fromFigure: [a.longestWait] + a.longestWaitOverflow, to: [b.longestWait] + b.longestWaitOverflow,
                                           in: tileLayout.longestWait, font: fonts.bold)
                redraw(region) { drawLongestWait(b, tileLayout, style, canvas, region: region) }
            }
            for slot in tileLayout.figureValues.indices {
                let inA = slot < a.figures.count, inB = slot < b.figures.count
                guard inA || inB else { continue }
                // A figure that appears or goes changes both its label and its value.
                let both = inA && inB
                if both && a.figures[slot] == b.figures[slot] { continue }
                if !both || a.figures[slot].label != b.figures[slot].label {
                    redraw(tileLayout.figureLabels[slot].rect) { drawFigureLabel(b, slot, tileLayout, style, canvas) }
                }
                if !both || a.figures[slot].value != b.figures[slot].value || a.figures[slot].overflow != b.figures[slot].overflow
                    || a.figures[slot].level != b.figures[slot].level
                {
                    redraw(tileLayout.figureValues[slot].rect) { drawFigureValue(b, slot, tileLayout, style, canvas) }
                }
            }
            if a.reason != b.reason || a.stale != b.stale || a.acknowledged != b.acknowledged {
                let region = reasonRegion(from: a, to: b, tileLayout)
                redraw(region) { drawReason(b, tileLayout, style, canvas, region: region) }
            }
            if a.sparkline != b.sparkline, let rect = tileLayout.sparkline {
                redraw(rect) { drawSparkline(b, tileLayout, style, canvas) }
            }
        }
    }

    // MARK: Header, banner, footer

    func drawTitle(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas) {
        canvas.fill(layout.title.rect, with: palette.panel)
        drawText(scene.header.title, in: layout.title, font: fonts.bold, color: palette.text, canvas: canvas, background: palette.panel)
    }

    /// The header clock; `region` limits the repaint to the cells that changed.
    func drawClock(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas, region: Rect? = nil) {
        canvas.fill(region ?? layout.clock.rect, with: palette.panel)
        drawText(scene.header.clock, in: layout.clock, font: fonts.bold, color: palette.text, canvas: canvas, region: region,
                 background: palette.panel)
    }

    func drawBanner(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas) {
        guard let rect = layout.banner, let box = layout.bannerText else { return }
        canvas.fill(rect, with: palette.banner)
        drawText(scene.banner ?? "", in: box, font: fonts.bold, color: palette.text, canvas: canvas)
    }

    func drawPageMarker(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas) {
        guard let box = layout.pageMarker else { return }
        canvas.fill(box.rect, with: palette.panel)
        drawText(scene.pageMarker ?? "", in: box, font: fonts.regular, color: palette.label, canvas: canvas, background: palette.panel)
    }

    /// Queues in breach that are not on this page: white on a hatched vermillion strip, so a breach
    /// off the screen reads as loudly as one on it.
    func drawAlert(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas) {
        guard let rect = layout.alert, let box = layout.alertText else { return }
        canvas.fill(rect, with: palette.redTile)
        let band = max(2, (rect.height - box.rect.height) / 2)
        for edge in Canvas.frameBands(rect, thickness: band) {
            canvas.hatch(edge, palette.red, palette.hazardDark, stripe: max(2, band), clip: rect, origin: hatchOrigin)
        }
        drawText(scene.hiddenBreachesText ?? "", in: box, font: fonts.bold, color: palette.text, canvas: canvas)
    }

    func drawFooter(_ scene: Scene, _ layout: BoardLayout, _ canvas: Canvas) {
        canvas.fill(layout.footer, with: palette.panel)
        var box = layout.footerText
        if scene.footer.warning {
            // A warning gets the amber triangle as well as amber text.
            let side = Int(Double(box.size) * fonts.bold.metrics.capHeight)
            let icon = Rect(x: box.rect.x + side / 2, y: box.rect.y + (box.rect.height - side) / 2, width: side, height: side)
            canvas.triangle(in: icon, color: palette.amber, clip: layout.footer)
            box.rect = Rect(x: icon.maxX + side / 2, y: box.rect.y, width: max(0, box.rect.maxX - icon.maxX - side / 2), height: box.rect.height)
            drawText(scene.footer.feed, in: box, font: fonts.bold, color: palette.amber, canvas: canvas, background: palette.panel)
        } else {
            box.rect = box.rect.insetBy(0).offsetX(box.size / 2)
            drawText(scene.footer.feed, in: box, font: fonts.regular, color: palette.label, canvas: canvas, background: palette.panel)
        }
    }

    /// Copies `rect`'s pixels, runs `draw`, and returns the bounding box of the pixels that changed.
    func tracked(_ rect: Rect, _ canvas: Canvas, _ draw: () -> Void) -> Rect? {
        let r = rect.intersection(canvas.bounds)
        guard !r.isEmpty else { return nil }
        let saved = scratch.room(for: r.area)
        canvas.save(r, to: saved)
        draw()
        return canvas.changedBounds(r, since: saved)
    }
}

extension Rect {
    /// The rectangle moved right by `dx` and narrowed by the same amount.
    func offsetX(_ dx: Int) -> Rect { Rect(x: x + dx, y: y, width: max(0, width - dx), height: height) }
}
