/// The FEED LOST takeover: a thick hatched frame round the whole screen, a huge headline, the age
/// of the silence, a hint, and the clock (so the screen is visibly alive, not frozen).
public struct FeedLostLayout: Sendable, Equatable {
    /// The outer edge of the hatched frame (the layout area).
    public var frame: Rect
    /// Thickness of the hatched frame band.
    public var band: Int
    public var clock: TextBox
    public var headline: TextBox
    public var detail: TextBox
    public var hint: TextBox
    public var footer: TextBox

    public init(frame: Rect, metrics: FontMetrics) {
        self.frame = frame
        let short = min(frame.width, frame.height)
        band = max(8, short / 14)
        let inner = frame.insetBy(band + max(4, short / 40))
        let gap = max(2, short / 60)
        let rows = TileLayout.split(inner, weights: [9, 8, 30, 16, 8, 8, 6], gap: gap, grow: 1)
        clock = TextBox.fitting(rows[0], characters: 9, metrics: metrics, alignment: .right)
        headline = TextBox.fitting(rows[2], characters: 9.5, metrics: metrics, alignment: .center)
        detail = TextBox.fitting(rows[3], characters: 17, metrics: metrics, alignment: .center)
        hint = TextBox.fitting(rows[4], characters: 48, metrics: metrics, alignment: .center)
        footer = TextBox.fitting(rows[6], characters: 60, metrics: metrics, alignment: .center)
    }

    public var textBoxes: [TextBox] { [clock, headline, detail, hint, footer] }
}
