/// How much a tile shows; small tiles drop detail rather than shrink text below legibility.
public enum TileDetail: Int, Sendable, Comparable {
    /// Title, big numbers, labels, small figures, reason and a sparkline.
    case full = 2
    /// As full, without the sparkline.
    case compact = 1
    /// Title, big numbers with their labels, and the reason line.
    case minimal = 0

    public static func < (a: TileDetail, b: TileDetail) -> Bool { a.rawValue < b.rawValue }
}

/// The boxes inside one queue tile. Every box lies inside `content`; no two overlap.
public struct TileLayout: Sendable, Equatable {
    public var frame: Rect
    /// Width of the alarm border band inside `frame` (drawn thickest for red).
    public var border: Int
    /// The area inside the border and padding, where all text goes.
    public var content: Rect
    public var detail: TileDetail
    public var title: TextBox
    /// The area for the alarm icon and level word, right-aligned in the title row.
    public var level: Rect
    /// The alarm icon's size and vertical place; the painter puts it just left of the drawn word,
    /// never left of `level.x`.
    public var levelIcon: Rect
    public var levelWord: TextBox
    public var waiting: TextBox
    public var waitingLabel: TextBox
    public var longestWait: TextBox
    public var longestWaitLabel: TextBox
    /// One label and one value box per figure slot (empty at `.minimal`).
    public var figureLabels: [TextBox]
    public var figureValues: [TextBox]
    /// The alarm reason, or the stale age ("NO DATA 0:45").
    public var reason: TextBox
    public var sparkline: Rect?

    /// Lays out a tile in `frame` with room for `figureSlots` small figures (0–4), choosing the most
    /// detailed arrangement whose small figures are at least `minimumSize` px.
    public init(frame: Rect, figureSlots: Int, minimumSize: Int, metrics: FontMetrics) {
        let slots = min(4, max(0, figureSlots))
        var chosen: TileLayout?
        for detail in [TileDetail.full, .compact, .minimal] {
            let candidate = TileLayout(frame: frame, figureSlots: slots, detail: detail, metrics: metrics)
            chosen = candidate
            if candidate.smallestValueSize >= minimumSize && (candidate.sparkline?.height ?? 12) >= 12 { break }
        }
        self = chosen!  // the loop always runs at least once
    }

    /// The smallest text that carries information (figure values, the reason line).
    public var smallestValueSize: Int {
        (figureValues.map(\.size) + [reason.size]).min() ?? reason.size
    }

    /// All text boxes, for tests and for the painter's checks.
    public var textBoxes: [TextBox] {
        [title, levelWord, waiting, waitingLabel, longestWait, longestWaitLabel] + figureLabels + figureValues + [reason]
    }

    init(frame: Rect, figureSlots slots: Int, detail: TileDetail, metrics: FontMetrics) {
        self.frame = frame
        self.detail = detail
        let short = min(frame.width, frame.height)
        border = max(3, short / 40)
        let pad = max(2, short / 40)
        content = frame.insetBy(border + pad)
        let gap = max(1, short / 50)

        // Row weights per detail level; the big numbers take what is left over from rounding.
        let hasFigures = detail != .minimal && slots > 0
        var weights: [Double] = [13, 34, 7]  // title, big numbers, their labels
        switch detail {
        case .full: weights += hasFigures ? [7, 12, 10, 12] : [0, 0, 12, 16]
        case .compact: weights += hasFigures ? [8, 14, 12] : [0, 0, 14]
        case .minimal: weights = [18, 46, 10, 0, 0, 18]
        }
        var rows = TileLayout.split(content, weights: weights, gap: gap, grow: 1)
        // In a tall tile the big numbers are limited by width: give the spare height to the last row
        // (the sparkline, or the reason line) instead of leaving a tall empty band round the numbers.
        let bigSize = TileLayout.digitsSize(Rect(x: 0, y: 0, width: rows[1].width * 42 / 100, height: Int.max / 4),
                                            cells: 3, metrics: metrics)
        let needed = Int(Double(bigSize) * metrics.lineHeight) + 2
        if needed < rows[1].height, let last = weights.lastIndex(where: { $0 > 0 }) {
            weights[1] *= Double(needed) / Double(rows[1].height)
            rows = TileLayout.split(content, weights: weights, gap: gap, grow: last)
        }
        let titleRow = rows[0], bigRow = rows[1], bigLabelRow = rows[2]
        let figureLabelRow = rows[3], figureValueRow = rows[4], reasonRow = rows[5]
        sparkline = detail == .full && rows.count > 6 && !rows[6].isEmpty ? rows[6] : nil

        // Title row: queue name on the left, icon + level word on the right.
        let titleSize = Int(Double(titleRow.height) / metrics.lineHeight)
        let wordChars = 7.0  // "WARNING", the longest level word
        let iconSide = Int(Double(titleSize) * metrics.capHeight)
        let levelWidth = min(titleRow.width / 2, Int(Double(titleSize) * (wordChars * metrics.averageAdvance + 0.4)) + iconSide)
        let levelRect = Rect(x: titleRow.maxX - levelWidth, y: titleRow.y, width: levelWidth, height: titleRow.height)
        let wordBox = TextBox.fitting(
            Rect(x: levelRect.x + iconSide + gap * 2, y: levelRect.y, width: max(0, levelWidth - iconSide - gap * 2),
                 height: levelRect.height),
            characters: wordChars, metrics: metrics, alignment: .right)
        levelWord = wordBox
        level = levelRect
        let side = Int(Double(wordBox.size) * metrics.capHeight)
        levelIcon = Rect(x: levelRect.x, y: titleRow.y + (titleRow.height - side) / 2, width: side, height: side)
        title = TextBox.fitting(
            Rect(x: titleRow.x, y: titleRow.y, width: max(0, levelRect.x - gap * 3 - titleRow.x), height: titleRow.height),
            characters: 8, metrics: metrics)

        // Big numbers: calls waiting (up to 3 digits) left, longest wait (m:ss) right.
        let waitingWidth = bigRow.width * 42 / 100
        let waitingRect = Rect(x: bigRow.x, y: bigRow.y, width: waitingWidth, height: bigRow.height)
        let longestRect = Rect(x: bigRow.x + waitingWidth + gap * 2, y: bigRow.y,
                               width: max(0, bigRow.width - waitingWidth - gap * 2), height: bigRow.height)
        let waitingSize = TileLayout.digitsSize(waitingRect, cells: 3, metrics: metrics)
        waiting = TextBox(rect: waitingRect, size: waitingSize, alignment: .left)
        longestWait = TextBox(
            rect: longestRect, size: min(TileLayout.digitsSize(longestRect, cells: 4.5, metrics: metrics), waitingSize * 85 / 100),
            alignment: .right)
        let labelSize = min(TextBox.fitting(waitingRect.with(height: bigLabelRow.height), characters: 8, metrics: metrics).size,
                            TextBox.fitting(longestRect.with(height: bigLabelRow.height), characters: 12, metrics: metrics).size)
        waitingLabel = TextBox(rect: Rect(x: waitingRect.x, y: bigLabelRow.y, width: waitingRect.width, height: bigLabelRow.height),
                               size: labelSize, alignment: .left)
        longestWaitLabel = TextBox(rect: Rect(x: longestRect.x, y: bigLabelRow.y, width: longestRect.width, height: bigLabelRow.height),
                                   size: labelSize, alignment: .right)

        // Small figures: one column each, label above value.
        var labels: [TextBox] = [], values: [TextBox] = []
        if hasFigures {
            let columns = TileLayout.columns(figureLabelRow.width, count: slots, gap: gap * 3)
            let labelSize = columns.map { TextBox.fitting($0.with(height: figureLabelRow.height), characters: 7, metrics: metrics).size }.min() ?? 0
            let valueSize = columns.map { TextBox.fitting($0.with(height: figureValueRow.height), characters: 5, metrics: metrics).size }.min() ?? 0
            for column in columns {
                labels.append(TextBox(rect: Rect(x: column.x + figureLabelRow.x, y: figureLabelRow.y, width: column.width, height: figureLabelRow.height),
                                      size: labelSize, alignment: .center))
                values.append(TextBox(rect: Rect(x: column.x + figureValueRow.x, y: figureValueRow.y, width: column.width, height: figureValueRow.height),
                                      size: valueSize, alignment: .center))
            }
        }
        figureLabels = labels
        figureValues = values
        reason = TextBox.fitting(reasonRow, characters: 22, metrics: metrics)
    }

    /// The size at which `cells` digit cells fit `rect` on one line.
    static func digitsSize(_ rect: Rect, cells: Double, metrics: FontMetrics) -> Int {
        let byHeight = Double(rect.height) / metrics.lineHeight
        let byWidth = Double(rect.width) / (cells * metrics.digitAdvance)
        return max(0, Int(min(byHeight, byWidth)))
    }

    /// Splits `rect` into rows with heights proportional to `weights` (zero weight: an empty row at
    /// the current position), `gap` pixels between non-empty rows; rounding leftovers go to row `grow`.
    static func split(_ rect: Rect, weights: [Double], gap: Int, grow: Int) -> [Rect] {
        let used = weights.filter { $0 > 0 }.count
        let available = max(0, rect.height - gap * max(0, used - 1))
        let total = weights.reduce(0, +)
        var heights = weights.map { total > 0 ? Int(Double(available) * $0 / total) : 0 }
        heights[grow] += available - heights.reduce(0, +)
        var rows: [Rect] = []
        var y = rect.y
        for h in heights {
            rows.append(Rect(x: rect.x, y: y, width: rect.width, height: h))
            if h > 0 { y += h + gap }
        }
        return rows
    }

    /// `count` equal columns across `width` with `gap` between them, x relative to 0.
    static func columns(_ width: Int, count: Int, gap: Int) -> [Rect] {
        guard count > 0 else { return [] }
        let w = max(0, (width - gap * (count - 1)) / count)
        return (0..<count).map { Rect(x: $0 * (w + gap), y: 0, width: w, height: 0) }
    }
}

extension Rect {
    func with(height: Int) -> Rect { Rect(x: x, y: y, width: width, height: height) }
}
