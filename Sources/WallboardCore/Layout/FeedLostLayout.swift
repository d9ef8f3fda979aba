/// The FEED LOST takeover: a thick hatched frame round the whole screen, a huge headline, the age
/// of the silence, a hint, the clock (so the screen is visibly alive, not frozen), and the last
/// figures each queue had, as small greyed tiles marked NO DATA, so "figures below are NOT current"
/// is true: a room sees what it last knew without taking it for the present.
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
    /// The last known figures: one greyed tile per queue (none when there are no queues).
    public var tiles: [TileLayout]

    public init(frame: Rect, metrics: FontMetrics, tileCount: Int = 0, figureSlots: Int = 3, minimumSize: Int = 8) {
        self.frame = frame
        let short = min(frame.width, frame.height)
        band = max(8, short / 14)
        let inner = frame.insetBy(band + max(4, short / 40))
        let gap = max(2, short / 60)
        // With tiles to show, the words take the top third and the tiles the rest.
        let weights: [Double] = tileCount > 0 ? [6, 0, 18, 8, 5, 59, 4] : [9, 8, 30, 16, 8, 8, 6]
        let rows = TileLayout.split(inner, weights: weights, gap: gap, grow: tileCount > 0 ? 5 : 1)
        tiles = tileCount > 0
            ? BoardLayout.bestGrid(count: min(BoardLayout.maximumTiles, tileCount), area: rows[5], gap: gap, figureSlots: figureSlots,
                                   minimumSize: minimumSize, metrics: metrics).tiles
            : []
        clock = TextBox.fitting(rows[0], characters: 9, metrics: metrics, alignment: .right)
        headline = TextBox.fitting(rows[2], characters: 9.5, metrics: metrics, alignment: .center)
        detail = TextBox.fitting(rows[3], characters: 17, metrics: metrics, alignment: .center)
        hint = TextBox.fitting(rows[4], characters: 48, metrics: metrics, alignment: .center)
        footer = TextBox.fitting(rows[6], characters: 60, metrics: metrics, alignment: .center)
    }

    public var textBoxes: [TextBox] { [clock, headline, detail, hint, footer] + tiles.flatMap(\.textBoxes) }
}
