/// Pages, for a floor with more queues than one screen holds: every queue is on the wall within one
/// page cycle, and a queue in breach never leaves it.
///
/// Rules, so people learn where to look: tiles keep the board's order; queues in breach are pinned
/// first on every page (at most half a page, so the rest still turns); the others are split into
/// pages as equal as possible; any queue in breach that still has no tile on this page is named on a
/// strip ("ALSO IN BREACH: …"), as are breaching queues left off the board by `[board] queues`.
extension Scene {
    /// The scene as drawn now: at most `paging.size` tiles, the page marker and the hidden breaches.
    /// Idempotent (a paged scene fits, and keeps its marker and names).
    /// On the FEED LOST screen every tile is drawn as old figures, whatever the builder said.
    public func currentPage() -> Scene { tilePage(turn: paging.turn) }

    /// How many pages the tiles take (1 when they fit one screen).
    var tilePageCount: Int {
        let size = max(1, min(BoardLayout.maximumTiles, paging.size))
        guard tiles.count > size else { return 1 }
        let pinned = min(tiles.filter(\.isBreached).count, size / 2)
        let free = size - pinned
        return (tiles.count - pinned + free - 1) / free
    }

    /// The tile page for `turn` (counted modulo the tile pages).
    func tilePage(turn: Int) -> Scene {
        var page = self
        if let lost = feedLost { page.tiles = tiles.map { $0.markedOld(lost.detail) } }
        let size = max(1, min(BoardLayout.maximumTiles, paging.size))
        // The header marker says which thresholds are in force, then where the board is in its cycle.
        if let profile = thresholdsMarker, pageMarker?.hasPrefix(profile) != true { page.pageMarker = profile }
        guard tiles.count > size else { return page }
        let tiles = page.tiles
        let breached = tiles.filter(\.isBreached)
        let pinned = Array(breached.prefix(size / 2))
        let pinnedIDs = Set(pinned.map(\.id))
        let rest = tiles.filter { !pinnedIDs.contains($0.id) }
        let free = size - pinned.count
        let count = (rest.count + free - 1) / free
        let perPage = (rest.count + count - 1) / count
        let index = (turn % count + count) % count
        let shown = rest[(index * perPage)..<min(rest.count, (index + 1) * perPage)]
        page.tiles = pinned + shown
        let shownIDs = Set(page.tiles.map(\.id))
        page.hiddenBreaches = breached.filter { !shownIDs.contains($0.id) }.map(\.title) + hiddenBreaches
        page.pageMarker = (thresholdsMarker.map { "\($0) · " } ?? "") + "PAGE \(index + 1)/\(count)"
        return page
    }

    /// The strip naming queues in breach that have no tile on this page.
    public var hiddenBreachesText: String? {
        hiddenBreaches.isEmpty ? nil : "ALSO IN BREACH: " + hiddenBreaches.joined(separator: ", ")
    }
}

extension TileScene {
    /// The tile as old figures: greyed, "STALE", with `age` on its strip and no alarm colour.
    public func markedOld(_ age: String) -> TileScene {
        var tile = self
        tile.stale = tile.stale ?? age
        tile.level = .normal
        tile.reason = nil
        for i in tile.figures.indices { tile.figures[i].level = .normal }
        return tile
    }

    /// In breach on current data (a stale tile's alarm is about old figures).
    public var isBreached: Bool { level == .red && stale == nil }
}
