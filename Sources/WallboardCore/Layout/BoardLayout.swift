/// Where everything on the board goes, for one canvas size and one shape of scene.
///
/// Pure and deterministic: the same inputs give the same rectangles. Regions (header, banner,
/// tiles, staff bar, footer) are stacked top to bottom and never overlap; each text box is at least
/// one line high at its size. Works for any logical size (after rotation) from 800×480 up to
/// 3840×2160, landscape or portrait, for 0–12 tiles (more are not laid out).
public struct BoardLayout: Sendable, Equatable {
    public static let maximumTiles = 12

    public var width: Int
    public var height: Int
    /// The area everything is drawn in: the canvas less the burn-in margin, moved by the shift.
    public var area: Rect
    public var header: Rect
    public var title: TextBox
    public var clock: TextBox
    public var banner: Rect?
    public var bannerText: TextBox?
    /// The strip naming queues in breach that have no tile on this page.
    public var alert: Rect?
    public var alertText: TextBox?
    /// "PAGE 2/3", between the title and the clock, while the tiles are paged.
    public var pageMarker: TextBox?
    /// The header marker's width in characters, at least: "PAGE 10/12". Longer ones ("NIGHT
    /// THRESHOLDS · PAGE 1/2") get a wider box rather than a cut.
    public static let markerCharacters = 10
    public var tilesArea: Rect
    public var columns: Int
    public var rows: Int
    public var tiles: [TileLayout]
    public var staff: StaffLayout?
    /// The handler grid, in the tiles' place, on a page that shows it.
    public var handlerGrid: HandlerGridLayout?
    public var footer: Rect
    public var footerText: TextBox
    /// The alternative screen drawn instead of all the above when the feed is lost.
    public var feedLost: FeedLostLayout
    /// The smallest size readable from the configured viewing distance (see `LayoutOptions`).
    public var minimumLegibleSize: Int

    public init(
        width: Int, height: Int, tileCount: Int, figureSlots: Int = 3, hasBanner: Bool, hasStaff: Bool,
        hasAlert: Bool = false, hasPageMarker: Bool = false, handlerCells: Int? = nil, markerCharacters: Int = 0, options: LayoutOptions = LayoutOptions()
    ) {
        self.width = max(1, width)
        self.height = max(1, height)
        let metrics = options.metrics
        let margin = min(options.burnInMargin, min(self.width, self.height) / 8)
        let shiftX = max(-margin, min(margin, options.shiftX)), shiftY = max(-margin, min(margin, options.shiftY))
        area = Rect(x: margin + shiftX, y: margin + shiftY, width: max(1, self.width - 2 * margin), height: max(1, self.height - 2 * margin))
        minimumLegibleSize = options.minimumLegibleSize(width: self.width, height: self.height)

        // Chrome heights scale with the short side so portrait and landscape get the same proportions.
        let unit = Double(min(area.width, area.height))
        let gap = max(4, Int(unit * 0.012))
        let inner = area.insetBy(gap)
        let headerHeight = max(24, Int(unit * 0.075))
        let bannerHeight = hasBanner ? max(20, Int(unit * 0.065)) : 0
        let staffHeight = hasStaff ? max(30, Int(unit * 0.10)) : 0
        let footerHeight = max(16, Int(unit * 0.042))

        var y = inner.y
        header = Rect(x: inner.x, y: y, width: inner.width, height: headerHeight)
        y += headerHeight + gap
        if hasBanner {
            let rect = Rect(x: inner.x, y: y, width: inner.width, height: bannerHeight)
            banner = rect
            bannerText = TextBox.fitting(rect.insetBy(max(2, bannerHeight / 8)), characters: 30, metrics: metrics)
            y += bannerHeight + gap
        }
        if hasAlert {
            let rect = Rect(x: inner.x, y: y, width: inner.width, height: bannerHeight > 0 ? bannerHeight : max(20, Int(unit * 0.065)))
            alert = rect
            alertText = TextBox.fitting(rect.insetBy(max(2, rect.height / 6)), characters: 30, metrics: metrics)
            y += rect.height + gap
        }
        footer = Rect(x: inner.x, y: inner.maxY - footerHeight, width: inner.width, height: footerHeight)
        var bottom = footer.y - gap
        if hasStaff {
            let rect = Rect(x: inner.x, y: bottom - staffHeight, width: inner.width, height: staffHeight)
            staff = StaffLayout(frame: rect, metrics: metrics)
            bottom = rect.y - gap
        }
        tilesArea = Rect(x: inner.x, y: y, width: inner.width, height: max(0, bottom - y))

        // Header: floor name left, clock right (eight characters, "14:02:33").
        let headerSize = Int(Double(headerHeight) / metrics.lineHeight)
        let clockWidth = min(inner.width / 2, Int(Double(headerSize) * (6 * metrics.digitAdvance + 1.2)) + 2)
        clock = TextBox.fitting(Rect(x: header.maxX - clockWidth, y: header.y, width: clockWidth, height: headerHeight),
                                characters: 0, metrics: metrics, alignment: .right)
        clock.size = TileLayout.digitsSize(clock.rect, cells: 8, metrics: metrics)
        var titleRight = clock.rect.x - gap * 2
        if hasPageMarker {
            // Small and quiet: it says where the board is in its cycle, it is not a figure.
            let size = clock.size * 55 / 100
            let characters = Double(max(BoardLayout.markerCharacters, markerCharacters))
            let markerWidth = Int(Double(size) * characters * metrics.averageAdvance) + 2
            let rect = Rect(x: max(header.x, titleRight - markerWidth), y: header.y, width: min(markerWidth, max(0, titleRight - header.x)), height: headerHeight)
            pageMarker = TextBox(rect: rect, size: size, alignment: .right)
            titleRight = rect.x - gap * 2
        }
        title = TextBox.fitting(Rect(x: header.x, y: header.y, width: max(0, titleRight - header.x), height: headerHeight),
                                characters: 12, metrics: metrics, maxSize: clock.size)
        footerText = TextBox.fitting(footer, characters: 0, metrics: metrics)

        // Tiles: the grid whose tiles carry the largest legible numbers.
        let count = min(BoardLayout.maximumTiles, max(0, tileCount))
        let grid = BoardLayout.bestGrid(count: count, area: tilesArea, gap: gap, figureSlots: figureSlots,
                                        minimumSize: minimumLegibleSize, metrics: metrics)
        columns = grid.columns
        rows = grid.rows
        tiles = grid.tiles
        feedLost = FeedLostLayout(frame: area, metrics: metrics, tileCount: count, figureSlots: figureSlots, minimumSize: minimumLegibleSize)
        handlerGrid = handlerCells.map {
            HandlerGridLayout(frame: tilesArea, count: $0, minimumLegibleSize: minimumLegibleSize, metrics: metrics)
        }
    }

    /// Every text box on the normal (not FEED LOST) screen.
    public var textBoxes: [TextBox] {
        var boxes = [title, clock, footerText]
        if let bannerText { boxes.append(bannerText) }
        if let alertText { boxes.append(alertText) }
        if let pageMarker { boxes.append(pageMarker) }
        for tile in tiles { boxes += tile.textBoxes }
        for cell in staff?.cells ?? [] { boxes += [cell.label, cell.value] }
        boxes += handlerGrid?.textBoxes ?? []
        return boxes
    }

    static func bestGrid(count: Int, area: Rect, gap: Int, figureSlots: Int, minimumSize: Int, metrics: FontMetrics)
        -> (columns: Int, rows: Int, tiles: [TileLayout])
    {
        guard count > 0 else { return (0, 0, []) }
        var best: (score: Double, columns: Int, rows: Int, tiles: [TileLayout]) = (-1, 0, 0, [])
        for columns in 1...count {
            let rows = (count + columns - 1) / columns
            if rows > 1 && (rows - 1) * columns >= count { continue }  // an empty last row: never better
            let frames = BoardLayout.gridFrames(count: count, columns: columns, rows: rows, area: area, gap: gap)
            let tiles = frames.map { TileLayout(frame: $0, figureSlots: figureSlots, minimumSize: minimumSize, metrics: metrics) }
            guard let first = tiles.first else { continue }
            // Big numbers first; a richer tile is worth a little size.
            let detailBonus: Double = first.detail == .full ? 1.0 : first.detail == .compact ? 0.9 : 0.8
            let legible = first.smallestValueSize >= minimumSize ? 1.0 : 0.7
            let score = Double(first.waiting.size) * detailBonus * legible
            if score > best.score { best = (score, columns, rows, tiles) }
        }
        return (best.columns, best.rows, best.tiles)
    }

    /// Frames for `count` tiles in a `columns`×`rows` grid; a short last row is centred.
    static func gridFrames(count: Int, columns: Int, rows: Int, area: Rect, gap: Int) -> [Rect] {
        let w = max(0, (area.width - gap * (columns - 1)) / columns)
        let h = max(0, (area.height - gap * (rows - 1)) / rows)
        var frames: [Rect] = []
        for index in 0..<count {
            let row = index / columns, column = index % columns
            let inRow = row == rows - 1 ? count - row * columns : columns
            let offset = (columns - inRow) * (w + gap) / 2
            frames.append(Rect(x: area.x + offset + column * (w + gap), y: area.y + row * (h + gap), width: w, height: h))
        }
        return frames
    }
}
