/// One head's view of the board: the same scene (header, staff, footer, FEED LOST, banner) with only
/// the tiles of the queues that head is configured to show (`[display] views`), in the view's order.
extension Scene {
    /// `queues` nil = every tile. A listed queue the board has no tile for (not reported yet, or
    /// left out by `[board] queues`) is simply absent.
    public func view(showing queues: [String]?) -> Scene {
        guard let queues else { return self }
        var copy = self
        copy.tiles = queues.compactMap { id in tiles.first { $0.id == id } }
        return copy
    }
}
