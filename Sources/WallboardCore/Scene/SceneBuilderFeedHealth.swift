/// What the feed layer knows about its own health, summarised for the footer. The agent fills it
/// from the feed receiver's counters; the board itself knows only what reached `BoardState.apply`.
public struct FeedHealth: Sendable, Equatable {
    /// The publisher whose messages are being applied (the arbiter's choice), if any.
    public var activePublisher: String?
    /// Datagrams missing from sequence gaps since start.
    public var dropped: Int
    /// Datagrams refused since start (bad signature, malformed, replayed).
    public var rejected: Int
    /// Where the board listens, e.g. "239.192.0.99:5099", for the waiting/lost screens.
    public var listening: String?

    public init(activePublisher: String? = nil, dropped: Int = 0, rejected: Int = 0, listening: String? = nil) {
        self.activePublisher = activePublisher
        self.dropped = dropped
        self.rejected = rejected
        self.listening = listening
    }
}
