import WallboardCore

/// The staff bar: five counts with colour swatches, and a bar split in proportion.
extension Painter {
    func drawStaffCell(_ staff: StaffScene, _ index: Int, _ layout: StaffLayout, _ canvas: Canvas) {
        let cell = layout.cells[index]
        canvas.fill(cell.frame, with: palette.background)
        let alarmed = index == 0 && staff.level != .normal
        // The available count's alarm shows as the level's icon in place of the swatch, and a pill.
        switch (alarmed, staff.level) {
        case (true, .amber): canvas.triangle(in: cell.swatch, color: palette.amber, clip: cell.frame)
        case (true, .red): canvas.fill(cell.swatch, with: palette.redBright)
        default: canvas.fill(cell.swatch, with: palette.staff[index])
        }
        if index < staff.labels.count {
            drawText(staff.labels[index], in: cell.label, font: fonts.regular, color: palette.label, canvas: canvas,
                     background: palette.background)
        }
        let value = staff.values[index]
        if alarmed {
            drawFigure(value, in: cell.value, font: fonts.bold, color: palette.hazardDark, canvas: canvas, pill: palette.accent(staff.level))
        } else {
            drawFigure(value, in: cell.value, font: fonts.bold, color: palette.text, canvas: canvas, background: palette.background)
        }
    }

    func drawStaffBar(_ staff: StaffScene, _ layout: StaffLayout, _ canvas: Canvas) {
        let bar = layout.bar
        canvas.fill(bar, with: palette.panel)
        // In Double: counts come off the network (up to 15 digits each), and count × width in Int
        // would overflow; for real counts the products are exact, so the split is the same.
        let counts = staff.counts.map { Double(max(0, $0)) }
        let total = counts.reduce(0, +)
        guard total > 0 else { return }
        var running = 0.0
        for (index, count) in counts.enumerated() {
            let x0 = bar.x + Int(running * Double(bar.width) / total)
            running += count
            let x1 = bar.x + Int(running * Double(bar.width) / total)
            canvas.fill(Rect(x: x0, y: bar.y, width: x1 - x0, height: bar.height), with: palette.staff[index])
            // A dark seam between segments, so neighbouring states read apart without colour.
            if count > 0 && running < total { canvas.fill(Rect(x: x1 - 1, y: bar.y, width: 1, height: bar.height), with: palette.background) }
        }
    }
}
