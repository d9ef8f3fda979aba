/// The staff bar: five labelled counts (available, on call, wrap-up, break, other) over a
/// proportional bar.
public struct StaffLayout: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// The whole cell; its parts lie inside it.
        public var frame: Rect
        /// A colour swatch matching the cell's segment in the bar.
        public var swatch: Rect
        public var label: TextBox
        public var value: TextBox
    }

    public var frame: Rect
    public var cells: [Cell]
    public var bar: Rect

    public init(frame: Rect, metrics: FontMetrics) {
        self.frame = frame
        let gap = max(2, frame.height / 12)
        let cellsHeight = frame.height * 64 / 100
        bar = Rect(x: frame.x, y: frame.y + cellsHeight + gap, width: frame.width, height: max(0, frame.height - cellsHeight - gap))
        let columns = TileLayout.columns(frame.width, count: 5, gap: gap * 2)
        cells = columns.map { column in
            let cell = Rect(x: frame.x + column.x, y: frame.y, width: column.width, height: cellsHeight)
            // Swatch, then the count (three digit cells, right-aligned so counts line up), then the
            // label; narrow cells (portrait) put the label under the count instead of beside it.
            let stacked = cell.width < cellsHeight * 5
            let countHeight = stacked ? cellsHeight * 58 / 100 : cellsHeight
            let side = countHeight * 55 / 100
            let swatch = Rect(x: cell.x, y: cell.y + (countHeight - side) / 2, width: side, height: side)
            let valueRect = Rect(x: swatch.maxX + gap, y: cell.y, width: 0, height: countHeight)
            var value = TextBox(rect: valueRect, size: 0, alignment: .right)
            value.size = Int(Double(countHeight) / metrics.lineHeight)
            value.rect.width = min(cell.maxX - valueRect.x, Int((3 * metrics.digitAdvance * Double(value.size)).rounded(.up)) + 1)
            value.size = TileLayout.digitsSize(value.rect, cells: 3, metrics: metrics)
            let labelRect = stacked
                ? Rect(x: cell.x, y: cell.y + countHeight, width: cell.width, height: cellsHeight - countHeight)
                : Rect(x: value.rect.maxX + gap * 2, y: cell.y, width: max(0, cell.maxX - value.rect.maxX - gap * 2), height: cellsHeight)
            let label = TextBox.fitting(labelRect, characters: 9, metrics: metrics, maxSize: value.size * 7 / 10)
            return Cell(frame: cell, swatch: swatch, label: label, value: value)
        }
    }
}
