/// The handler grid's place in the page rotation (`[board] view`): with `handlers` the grid is the
/// screen, with `both` its pages follow the tile pages, each up `page_seconds`. More handlers than
/// one screen holds are split into pages of `capacity` (the layout decides how many fit legibly);
/// the caption says which handlers are shown of how many, and how many are in alarm on any page, so
/// none vanishes silently. While the grid is up, every queue in breach is named on the ALSO IN
/// BREACH strip. On the FEED LOST screen the grid is not shown: nothing on it would be current.
extension Scene {
    /// The scene as drawn now, when the layout holds `handlerCapacity` handler cells per page.
    public func currentPage(handlerCapacity: Int) -> Scene {
        guard let grid = handlerGrid, feedLost == nil, view.showsHandlers, view == .handlers || !grid.cells.isEmpty else {
            var page = tilePage(turn: paging.turn)
            page.handlerGrid = nil
            return page
        }
        if grid.isPaged { return self }
        let capacity = max(1, handlerCapacity)
        let handlerPages = max(1, (grid.cells.count + capacity - 1) / capacity)
        let tilePages = view == .both ? tilePageCount : 0
        let cycle = tilePages + handlerPages
        let turn = (paging.turn % cycle + cycle) % cycle
        let marker = cycle > 1 ? "PAGE \(turn + 1)/\(cycle)" : nil
        if turn < tilePages {
            var page = tilePage(turn: turn)
            page.handlerGrid = nil
            page.pageMarker = marker
            return page
        }
        var page = self
        let index = turn - tilePages
        let start = index * capacity, end = min(grid.cells.count, start + capacity)
        page.tiles = []
        page.hiddenBreaches = tiles.filter(\.isBreached).map(\.title) + hiddenBreaches
        page.pageMarker = marker
        var shown = grid
        shown.cells = Array(grid.cells[min(start, end)..<end])
        shown.isPaged = true
        var caption = grid.cells.isEmpty
            ? "HANDLERS: NONE REPORTED"
            : "HANDLERS \(start + 1)–\(end) OF \(grid.cells.count)"
        if grid.alarmed > 0 { caption += " · \(grid.alarmed) NOT READY TOO LONG" }
        let stale = grid.cells.filter { $0.stale != nil }.count
        if stale > 0 { caption += " · \(stale) NO DATA" }
        shown.caption = caption
        page.handlerGrid = shown
        return page
    }
}
