/// What the feed intake knows about its own health, summarised for the footer and the FEED LOST
/// screen. `BoardEngine` builds it from its intake at the moment each scene is built, so the footer
/// never lags the intake.
public struct FeedHealth: Sendable, Equatable {
    /// The publisher whose messages are being applied (the arbiter's choice), if any.
    public var activePublisher: String?
    /// Sequence numbers missing (datagrams that never arrived), when the intake counts them (nil: not shown).
    public var missing: Int?
    /// Datagrams rejected since start, all reasons.
    public var rejected: Int
    /// Rejections by reason in words, e.g. "bad signature 60, unsigned 3".
    public var rejectedByReason: String
    /// The latest rejection, in words ("unknown key id 'default'"), while rejections are still
    /// arriving (the latest is recent); nil when none is recent. Turns the footer amber.
    public var rejecting: String?
    /// Times the board switched publisher (A/B fail-over) since start.
    public var failovers: Int
    /// Where the board listens, e.g. "239.192.0.99:5099", for the waiting/lost screens.
    public var listening: String?
    /// Datagrams the kernel dropped (receive buffer full) since start; `dropping` while that count
    /// is still growing (it grew within `recentFor`). Turns the footer amber.
    public var dropped: Int = 0
    public var dropping = false

    public init(
        activePublisher: String? = nil, missing: Int? = nil, rejected: Int = 0, rejectedByReason: String = "",
        rejecting: String? = nil, failovers: Int = 0, listening: String? = nil
    ) {
        self.activePublisher = activePublisher
        self.missing = missing
        self.rejected = rejected
        self.rejectedByReason = rejectedByReason
        self.rejecting = rejecting
        self.failovers = failovers
        self.listening = listening
    }

    /// From the intake's counters. A rejection counts as still going on for `recentFor` seconds
    /// after it arrived, as of `now` (nil `now`: none is recent).
    public init(
        _ counters: FeedCounters, activePublisher: String?, missing: Int? = nil, listening: String? = nil,
        now: MonotonicSeconds? = nil, recentFor: Double = 0
    ) {
        var rejecting: String?
        if let now, let at = counters.lastRejectedAt, now - at <= recentFor, let error = counters.lastRejection {
            rejecting = error.shortDescription
        }
        self.init(
            activePublisher: activePublisher, missing: missing, rejected: counters.totalRejected,
            rejectedByReason: counters.rejectedByReason, rejecting: rejecting, failovers: counters.failovers,
            listening: listening)
        dropped = counters.kernelDrops
        if let now, let at = counters.lastKernelDropAt { dropping = now - at <= recentFor }
    }
}

extension FeedError {
    /// The reason and its detail in a few words for the wall: "unknown key id 'default'",
    /// "bad signature: HMAC does not match under key 'k1'", "malformed, line 2: …".
    var shortDescription: String {
        switch self {
        case .malformed(let line, let detail): "malformed, line \(line): \(detail)"
        default: description
        }
    }
}
