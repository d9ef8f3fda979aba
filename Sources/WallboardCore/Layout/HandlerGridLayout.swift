/// Where the handler grid goes: a caption line, then cells in columns (filled down each column, so
/// an alphabetical list reads like a phone book). Pure, like every layout.
///
/// Each cell has two lines: the state's shape, the name and the time in state (right, in digit
/// cells); then the state word, the reason, and the alarm word (WARNING, BREACH) or NO DATA. The
/// cell is sized for a name of `nameBudget` ems (about 26 letters of mixed case, "Katarzyna
/// Campbell-Hughes") beside the time, so the usual names fit whole. The grid picks the largest text
/// size at which the page's cells all fit, never below `smallestSize(minimumLegibleSize)`;
/// `capacity` is how many cells fit at that smallest size, the page size for paging.
public struct HandlerGridLayout: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var frame: Rect
        /// The state's shape (colour is never alone).
        public var icon: Rect
        public var name: TextBox
        public var time: TextBox
        public var state: TextBox
        public var reason: TextBox
        public var mark: TextBox

        public var textBoxes: [TextBox] { [name, time, state, reason, mark] }
    }

    public var frame: Rect
    public var caption: TextBox
    public var cells: [Cell]
    /// The text size of the names and times.
    public var size: Int
    /// How many cells one page holds: as many as fit at the smallest size (the page size for paging).
    public var capacity: Int

    /// Name width budget in ems; the time box is `timeEms` (seven digit cells: "1:02:03").
    static let nameBudget = 15.0
    static let timeEms = 4.7
    /// The second line's size, relative to the first.
    static let secondLine = 0.85

    /// The smallest text the grid uses: 60 % of the board's minimum legible size (the grid is a
    /// detail view read from the supervisors' rows, nearer than the far wall), and never under 10 px.
    public static func smallestSize(_ minimumLegibleSize: Int) -> Int { max(10, minimumLegibleSize * 6 / 10) }

    public init(frame: Rect, count: Int, minimumLegibleSize: Int, metrics: FontMetrics) {
        self.frame = frame
        let floor = Self.smallestSize(minimumLegibleSize)
        let captionHeight = Self.lineHeight(floor, metrics) + 2
        caption = TextBox(rect: Rect(x: frame.x, y: frame.y, width: frame.width, height: captionHeight), size: floor)
        let area = Rect(x: frame.x, y: frame.y + captionHeight, width: frame.width, height: max(0, frame.height - captionHeight))
        let n = max(0, count)
        var size = floor
        let smallest = Self.grid(area: area, size: floor, metrics: metrics)
        var grid = smallest
        if n > 0 {
            // The largest size (up to a comfortable 2.5 × the floor) at which the cells all fit.
            var s = floor * 5 / 2
            while s > floor {
                let g = Self.grid(area: area, size: s, metrics: metrics)
                if g.columns * g.rows >= n {
                    grid = g
                    size = s
                    break
                }
                s -= 1
            }
        }
        self.size = size
        capacity = max(1, smallest.columns * smallest.rows)
        // Columns as needed, each filled top to bottom; cells share the width evenly.
        let columns = max(1, min(grid.columns, n == 0 ? 1 : (n + grid.rows - 1) / max(1, grid.rows)))
        let rows = n == 0 ? 0 : (n + columns - 1) / columns
        let gap = Self.gap(size)
        let width = max(0, (area.width - gap * (columns - 1)) / columns)
        let height = min(grid.cellHeight * 3 / 2, rows == 0 ? 0 : max(0, (area.height - gap * (rows - 1)) / rows))
        cells = (0..<n).map { i in
            let column = i / max(1, rows), row = i % max(1, rows)
            let frame = Rect(x: area.x + column * (width + gap), y: area.y + row * (height + gap), width: width, height: height)
            return Self.cell(frame, size: size, metrics: metrics)
        }
    }

    /// Every text box (caption and cells), for tests and the painter's checks.
    public var textBoxes: [TextBox] { [caption] + cells.flatMap(\.textBoxes) }

    static func lineHeight(_ size: Int, _ metrics: FontMetrics) -> Int { Int((Double(size) * metrics.lineHeight).rounded(.up)) }
    static func gap(_ size: Int) -> Int { max(2, size / 6) }
    static func pad(_ size: Int) -> Int { max(2, size / 8) }

    /// The smallest cell for text of `size`, and how many of them `area` holds.
    static func grid(area: Rect, size: Int, metrics: FontMetrics) -> (columns: Int, rows: Int, cellHeight: Int) {
        let s = Double(size), pad = Self.pad(size), gap = Self.gap(size)
        let second = Int(s * secondLine)
        let cellHeight = lineHeight(size, metrics) + lineHeight(second, metrics) + 2 * pad
        let cellWidth = Int((s * (metrics.capHeight * 1.1 + nameBudget + timeEms)).rounded(.up)) + 8 * pad
        let columns = max(0, (area.width + gap) / (cellWidth + gap))
        let rows = max(0, (area.height + gap) / (cellHeight + gap))
        return (columns, rows, cellHeight)
    }

    static func cell(_ frame: Rect, size: Int, metrics: FontMetrics) -> Cell {
        let pad = Self.pad(size)
        let second = Int(Double(size) * secondLine)
        let line1 = lineHeight(size, metrics), line2 = lineHeight(second, metrics)
        let top = frame.y + max(pad, (frame.height - line1 - line2) / 2)
        let side = max(4, Int(Double(size) * metrics.capHeight * 1.1))
        let icon = Rect(x: frame.x + pad * 2, y: top + (line1 - side) / 2, width: side, height: side)
        let textX = icon.maxX + pad * 2
        let timeWidth = Int((Double(size) * timeEms).rounded(.up))
        let time = TextBox(rect: Rect(x: frame.maxX - pad * 2 - timeWidth, y: top, width: timeWidth, height: line1), size: size, alignment: .right)
        let name = TextBox(rect: Rect(x: textX, y: top, width: max(0, time.rect.x - pad * 2 - textX), height: line1), size: size)
        let y2 = top + line1
        // "NOT READY" at the second line's size; the mark ("WARNING", "NO DATA") right, under the time.
        let stateWidth = Int((Double(second) * 9 * metrics.averageAdvance).rounded(.up))
        let markWidth = Int((Double(second) * 7 * metrics.averageAdvance).rounded(.up))
        let state = TextBox(rect: Rect(x: textX, y: y2, width: min(stateWidth, max(0, frame.maxX - textX)), height: line2), size: second)
        let mark = TextBox(rect: Rect(x: frame.maxX - pad * 2 - markWidth, y: y2, width: markWidth, height: line2), size: second, alignment: .right)
        let reasonX = state.rect.maxX + pad * 2
        let reason = TextBox(rect: Rect(x: reasonX, y: y2, width: max(0, mark.rect.x - pad * 2 - reasonX), height: line2), size: second)
        return Cell(frame: frame, icon: icon, name: name, time: time, state: state, reason: reason, mark: mark)
    }
}
