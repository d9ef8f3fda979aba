/// `[board] view`: what the board's pages show.
public enum BoardView: String, Sendable, Equatable, CaseIterable {
    /// Queue tiles only (the default): handler states are kept, not drawn.
    case tiles
    /// The handler grid only; queues in breach are still named on the ALSO IN BREACH strip.
    case handlers
    /// The grid's pages take their turn after the tile pages, `page_seconds` each.
    case both

    public var showsHandlers: Bool { self != .tiles }
}
