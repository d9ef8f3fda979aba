/// What the board last heard about one queue, and when.
public struct QueueState: Sendable, Equatable {
    public var report: QueueReport
    /// Monotonic time the datagram carrying `report` arrived.
    public var arrivedAt: MonotonicSeconds
    /// Publisher that sent it.
    public var publisher: String
    /// The send interval the publisher declared with it, if any (drives the default stale_after).
    public var interval: Double?
    /// The datagram `report` came from (a late, older one is not applied over it).
    public var origin: FeedOrigin?
    /// Queue-scoped staff report, if the publisher sends one, and the datagram it came from.
    public var staff: StaffReport?
    public var staffOrigin: FeedOrigin?
    public var history = QueueHistory()

    public init(report: QueueReport, arrivedAt: MonotonicSeconds, publisher: String, interval: Double?) {
        self.report = report
        self.arrivedAt = arrivedAt
        self.publisher = publisher
        self.interval = interval
    }

    /// Seconds since the data arrived (never negative, even if `now` is earlier).
    public func age(at now: MonotonicSeconds) -> Double { max(0, now - arrivedAt) }

    /// The figures as of `now`, or, once the data is stale, as they stood at `frozenAt` (the moment it
    /// went stale): the longest wait stops ticking, since a figure still moving would look live, but
    /// it stops at what the board last showed, never back at the smaller value that was sent.
    public func figures(at now: MonotonicSeconds, frozenAt: MonotonicSeconds? = nil) -> QueueFigures {
        QueueFigures(report: report, elapsed: age(at: min(now, frozenAt ?? now)), staff: staff)
    }
}
