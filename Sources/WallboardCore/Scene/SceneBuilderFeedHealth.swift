/// What the feed layer knows about its own health, summarised for the footer. The agent fills it
/// from the feed intake (`FeedHealth(intake.counters, ...)`); the board itself knows only what
/// reached `BoardState.apply`.
public struct FeedHealth: Sendable, Equatable {
    /// The publisher whose messages are being applied (the arbiter's choice), if any.
    public var activePublisher: String?
    /// Datagrams missing from sequence gaps, when the feed layer counts them (nil: not shown).
    public var dropped: Int?
    /// Datagrams refused since start (bad signature, malformed, replayed).
    public var rejected: Int
    /// Times the board switched publisher (A/B fail-over) since start.
    public var failovers: Int
    /// Where the board listens, e.g. "239.192.0.99:5099", for the waiting/lost screens.
    public var listening: String?

    public init(activePublisher: String? = nil, dropped: Int? = nil, rejected: Int = 0, failovers: Int = 0, listening: String? = nil) {
        self.activePublisher = activePublisher
        self.dropped = dropped
        self.rejected = rejected
        self.failovers = failovers
        self.listening = listening
    }

    /// From the feed intake's counters.
    public init(_ counters: FeedCounters, activePublisher: String?, listening: String? = nil) {
        self.init(
            activePublisher: activePublisher, rejected: counters.totalRejected, failovers: counters.failovers,
            listening: listening)
    }
}
