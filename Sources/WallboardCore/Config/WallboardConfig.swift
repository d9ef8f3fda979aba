/// Everything a supervisor can configure. `WallboardConfig()` is a complete, sensible board:
/// the agent runs with no file at all.
public struct WallboardConfig: Sendable, Equatable {
    public var feed = FeedConfig()
    public var display = DisplayConfig()
    public var board = BoardConfig()
    public var staff = StaffConfig()
    public var metrics = MetricsConfig()
    public var alarm = AlarmConfig()
    /// Queues configured in the file, in file order (built-in 999/101 defaults sit beneath them).
    public var queues: [QueueConfig] = []
    /// `[incident "GRADE/AREA"]` sections, in file order (id = "immediate/urban").
    public var incidents: [QueueConfig] = []

    public init() {}

    /// Parses a config file's text. Throws `ConfigErrors` listing every mistake with file:line:column.
    public init(parsing text: String, file: String = "wallboard.conf") throws(ConfigErrors) {
        self = try ConfigParser(file: file).parse(text)
    }

    /// The settings for queue `id`: as configured, else the built-in defaults for that id.
    public func queue(_ id: String) -> QueueConfig {
        queues.first { $0.id == id } ?? AlarmDefaults.queue(id)
    }

    /// The settings for incidents `id` ("immediate/urban"): as configured, else target-derived limits.
    public func incident(_ id: String) -> QueueConfig {
        incidents.first { $0.id == id } ?? QueueConfig(id: id)
    }

    /// The incident tiles to show, in order: configured ones by `order` then file order, then the
    /// rest as the feed first reported them.
    public func incidentOrder(feed: [String]) -> [String] {
        let configured = Self.ordered(incidents)
        return configured + feed.filter { !configured.contains($0) }
    }

    /// Sections by `order` (lower first), unordered ones after, each group in file order.
    static func ordered(_ sections: [QueueConfig]) -> [String] {
        sections.enumerated().sorted { a, b in
            switch (a.element.order, b.element.order) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element.id)
    }

    /// The queues to show, in order, given the ids the feed has reported (in first-seen order).
    public func displayOrder(feedQueues: [String]) -> [String] {
        if !board.queues.isEmpty { return board.queues }
        let configured = Self.ordered(queues)
        return configured + feedQueues.filter { !configured.contains($0) }
    }
}
