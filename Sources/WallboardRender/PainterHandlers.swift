import WallboardCore

/// The handler grid: a caption, then one cell per handler. A cell says its state three ways —
/// word, colour and shape — and its alarm three ways too: the word (WARNING, BREACH), the time on a
/// pill of the level's colour, and the border (solid amber, hatched red). Stale cells are grey with
/// NO DATA. Each cell owns its rectangle, so a ticking time repaints one cell alone.
extension Painter {
    func drawHandlerGrid(_ grid: HandlerGridScene, _ layout: HandlerGridLayout, _ canvas: Canvas) {
        canvas.fill(layout.frame, with: palette.background)
        drawHandlerCaption(grid, layout, canvas)
        for (cell, frame) in zip(grid.cells, layout.cells) { drawHandlerCell(cell, frame, canvas) }
    }

    func updateHandlerGrid(
        from a: HandlerGridScene, to b: HandlerGridScene, _ layout: HandlerGridLayout, _ canvas: Canvas, _ redraw: (Rect, () -> Void) -> Void
    ) {
        if a.caption != b.caption || a.alarmed != b.alarmed { redraw(layout.caption.rect) { drawHandlerCaption(b, layout, canvas) } }
        for (i, frame) in layout.cells.enumerated() where i < b.cells.count {
            if i >= a.cells.count || a.cells[i] != b.cells[i] { redraw(frame.frame) { drawHandlerCell(b.cells[i], frame, canvas) } }
        }
    }

    func drawHandlerCaption(_ grid: HandlerGridScene, _ layout: HandlerGridLayout, _ canvas: Canvas) {
        canvas.fill(layout.caption.rect, with: palette.background)
        drawText(grid.caption, in: layout.caption, font: fonts.bold, color: grid.alarmed > 0 ? palette.amber : palette.label, canvas: canvas)
    }

    func drawHandlerCell(_ cell: HandlerCellScene, _ layout: HandlerGridLayout.Cell, _ canvas: Canvas) {
        let stale = cell.stale != nil
        let fill = stale ? palette.staleTile : palette.tileFill(cell.level)
        canvas.fill(layout.frame, with: fill)
        let border = max(2, layout.name.size / 8)
        switch (stale, cell.level) {
        case (false, .amber): canvas.strokeRect(layout.frame, thickness: border, color: palette.amber, clip: layout.frame)
        case (false, .red):
            for band in Canvas.frameBands(layout.frame, thickness: border) {
                canvas.hatch(band, palette.red, palette.hazardDark, stripe: max(2, border), clip: layout.frame, origin: hatchOrigin)
            }
        default: canvas.strokeRect(layout.frame, thickness: 1, color: stale ? palette.staleEdge : palette.tileEdge, clip: layout.frame)
        }
        let colour = stale ? palette.staleText : stateColour(cell.state)
        drawStateShape(cell.state, in: layout.icon, colour: colour, background: fill, canvas)
        drawName(cell.nameForms, in: layout.name, colour: stale ? palette.staleText : palette.text, canvas)
        if cell.level != .normal && !stale {
            drawFigure(cell.time, in: layout.time, font: fonts.bold, color: palette.hazardDark, canvas: canvas, pill: palette.accent(cell.level))
        } else {
            drawFigure(cell.time, in: layout.time, font: fonts.bold, color: stale ? palette.staleText : palette.text, canvas: canvas)
        }
        drawText(cell.stateWord, in: layout.state, font: fonts.bold, color: colour, canvas: canvas)
        if let reason = cell.reason {
            drawText(reason, in: layout.reason, font: fonts.regular, color: stale ? palette.staleText : palette.label, canvas: canvas)
        }
        if let mark = cell.mark {
            drawText(mark, in: layout.mark, font: fonts.bold, color: stale ? palette.staleText : palette.levelText(cell.level), canvas: canvas)
        }
    }

    func stateColour(_ state: HandlerState) -> UInt32 {
        let index = HandlerState.known.firstIndex(of: state) ?? HandlerState.known.count
        return palette.handlerStates[min(index, palette.handlerStates.count - 1)]
    }

    /// One shape per state, so states read apart without colour: available ●, on call ■, wrap-up □,
    /// break ‖ (paused), not ready ▬ (no entry), offline ○, any other word a small dot.
    func drawStateShape(_ state: HandlerState, in r: Rect, colour: UInt32, background: UInt32, _ canvas: Canvas) {
        let stroke = max(2, r.width / 5)
        switch state {
        case .available: canvas.disc(in: r, color: colour, clip: r)
        case .onCall: canvas.fill(r, with: colour)
        case .wrapUp: canvas.strokeRect(r, thickness: stroke, color: colour, clip: r)
        case .onBreak:
            let bar = max(2, r.width * 3 / 10)
            canvas.fill(Rect(x: r.x, y: r.y, width: bar, height: r.height), with: colour)
            canvas.fill(Rect(x: r.maxX - bar, y: r.y, width: bar, height: r.height), with: colour)
        case .notReady: canvas.fill(Rect(x: r.x, y: r.y + r.height * 3 / 10, width: r.width, height: r.height - 2 * (r.height * 3 / 10)), with: colour)
        case .offline:
            canvas.disc(in: r, color: colour, clip: r)
            canvas.disc(in: r.insetBy(stroke), color: background, clip: r)
        case .other: canvas.disc(in: r.insetBy(r.width * 3 / 10), color: colour, clip: r)
        }
    }

    /// A name: the first of its forms (each unambiguous, see `HandlerNames`) that fits shrunk to no
    /// less than 80 % of the size, else the last (the id), shrunk until it fits. Never cut.
    func drawName(_ forms: [String], in box: TextBox, colour: UInt32, _ canvas: Canvas) {
        for form in forms.dropLast() {
            let line = shrunk(form, box: box, font: fonts.bold, smallest: max(1, box.size * 8 / 10))
            if line.inkFits(box.rect.width) {
                drawFigure([form], in: box, font: fonts.bold, color: colour, canvas: canvas)
                return
            }
        }
        drawFigure([forms.last ?? ""], in: box, font: fonts.bold, color: colour, canvas: canvas)
    }
}
