import WallboardCore

/// An acknowledged alarm says so on its tile in words, not by colour: the reason box holds two lines
/// of one size, the reason above and "ACKNOWLEDGED by alice 14:02" below. The tile keeps its alarm
/// colour and word (an acknowledged breach is still a breach).
extension Painter {
    func acknowledgedBoxes(_ layout: TileLayout) -> (reason: TextBox, acknowledged: TextBox) {
        let r = layout.reason.rect
        let top = Rect(x: r.x, y: r.y, width: r.width, height: r.height / 2)
        let bottom = Rect(x: r.x, y: top.maxY, width: r.width, height: r.height - top.height)
        let size = min(layout.reason.size, TextBox.fitting(bottom, characters: 22, metrics: fonts.bold.metrics).size)
        return (TextBox(rect: top, size: size), TextBox(rect: bottom, size: size))
    }

    func drawAcknowledged(_ reason: String, _ acknowledged: String, _ tile: TileScene, _ layout: TileLayout, _ canvas: Canvas, region: Rect?) {
        let boxes = acknowledgedBoxes(layout)
        drawText(reason, in: boxes.reason, font: fonts.bold, color: palette.levelText(tile.level), canvas: canvas, region: region)
        // A long login name shrinks the line rather than cutting the time off it.
        drawText(acknowledged, in: boxes.acknowledged, font: fonts.bold, color: palette.text, canvas: canvas, region: region,
                 smallest: max(1, boxes.acknowledged.size / 2))
    }
}
