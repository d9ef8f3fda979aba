/// What the board last heard about one queue, and when.
public struct QueueState: Sendable, Equatable {
    public var report: QueueReport
    /// Monotonic time the datagram carrying `report` arrived.
    public var arrivedAt: MonotonicSeconds
    /// Publisher that sent it.
    public var publisher: String
    /// Seconds after `arrivedAt` at which this data is stale (from the publisher's interval or config).
    public var staleAfter: Double
    /// Queue-scoped staff report, if the publisher sends one, and when it arrived.
    public var staff: StaffReport?
    public var history = QueueHistory()

    public init(report: QueueReport, arrivedAt: MonotonicSeconds, publisher: String, staleAfter: Double) {
        self.report = report
        self.arrivedAt = arrivedAt
        self.publisher = publisher
        self.staleAfter = staleAfter
    }

    /// Seconds since the data arrived (never negative, even if `now` is earlier).
    public func age(at now: MonotonicSeconds) -> Double { max(0, now - arrivedAt) }

    public func isStale(at now: MonotonicSeconds) -> Bool { age(at: now) > staleAfter }

    /// The figures as of `now`. Stale data is frozen at what was reported (the longest wait stops
    /// ticking): a figure that is still moving would look live.
    public func figures(at now: MonotonicSeconds) -> QueueFigures {
        let elapsed = isStale(at: now) ? 0 : age(at: now)
        return QueueFigures(report: report, elapsed: elapsed, staff: staff)
    }
}
