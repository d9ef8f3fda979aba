/// One head's view of the board: the same scene (header, staff, footer, FEED LOST, banner) with only
/// the tiles that head is configured to show (`[display] views`: queues, and incident tiles by
/// GRADE/AREA), in the view's order.
extension Scene {
    /// The tiles no head's view lists: the builder names them in the footer ("not on any screen:
    /// …") and puts those in breach on every screen's ALSO IN BREACH strip, so none vanishes
    /// silently. `views`: tile ids (`AlarmSubject.tileID`), one list per head.
    public static func offScreen(_ tiles: [TileScene], views: [[String]]) -> [TileScene] {
        let listed = Set(views.joined())
        return tiles.filter { !listed.contains($0.id) }
    }

    /// `queues` (tile ids) nil = every tile. A listed tile the board does not have (not reported
    /// yet, or left out by `[board] queues`) is simply absent.
    public func view(showing queues: [String]?) -> Scene {
        guard let queues else { return self }
        var copy = self
        copy.tiles = queues.compactMap { id in tiles.first { $0.id == id } }
        return copy
    }
}
