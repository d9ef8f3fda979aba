import WallboardCore

/// The picture of a display that cannot power its panel off (terminal, PNG) while the schedule
/// has it off: black with one small line saying so, so nobody mistakes it for a dead board or
/// reads its last figures as current.
extension Painter {
    /// Paints the whole canvas; the next `paint(scene:)` is a full one again.
    public func paintScreenOff(_ text: String, into canvas: Canvas) -> [Rect] {
        canvas.fill(canvas.bounds, with: palette.hazardDark)
        let size = max(8, min(canvas.height / 20, canvas.width / 40))
        let box = TextBox(
            rect: Rect(x: 0, y: max(0, (canvas.height - 2 * size) / 2), width: canvas.width, height: min(canvas.height, 2 * size)),
            size: size, alignment: .center)
        drawText(text, in: box, font: fonts.regular, color: palette.staleText, canvas: canvas)
        invalidate()
        return [canvas.bounds]
    }
}
