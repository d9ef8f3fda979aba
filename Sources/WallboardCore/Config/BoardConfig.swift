/// The `[board]` section: the header and which queues appear in what order.
public struct BoardConfig: Sendable, Equatable {
    /// Header title; nil = the floor name the publisher sends, else "CONTROL ROOM".
    public var title: String?
    /// Queue ids to show, in order. Empty = every configured queue (by `order`, then file order),
    /// then any other queue the feed reports, in the order first seen.
    public var queues: [String] = []
    /// Tiles per page (1–12). A board with more queues shows them a page at a time.
    public var pageSize = 12
    /// Seconds each page stays up before the next.
    public var pageSeconds: Double = 15
    /// Tiles, the handler grid, or both in turn.
    public var view: BoardView = .tiles
    /// `night =`: when the night thresholds (`…@night` keys) apply, local time; nil = never.
    public var night: DisplaySchedule?
    public init() {}
}
