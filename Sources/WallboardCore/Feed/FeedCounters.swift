/// What the feed intake has seen, for `listen`, the wall, `wallboardctl status` and the log.
///
/// The words, used with these meanings everywhere (wall, status, log, README): a datagram is
/// **received** when it reaches the intake; **accepted** when it verified and was new (then either
/// **applied** — from the followed publisher — or **standby**); **rejected** when the intake refused
/// it, always with a reason. Sequence numbers a publisher skipped are **missing** (counted per
/// publisher in `PublisherTable`): those datagrams never arrived at all.
public struct FeedCounters: Sendable, Equatable, CustomStringConvertible {
    /// Datagrams handed to the intake.
    public var received = 0
    /// Applied to the board (including heartbeats).
    public var applied = 0
    /// Of those applied, heartbeats (no figures).
    public var heartbeats = 0
    /// Valid datagrams from a standby publisher, not applied (A/B).
    public var standby = 0
    /// Times the followed publisher changed because the previous one fell silent.
    public var failovers = 0
    /// Rejections by reason.
    public private(set) var rejected: [FeedError.Reason: Int] = [:]
    /// The most recent rejection: why, when (monotonic) and from where.
    public private(set) var lastRejection: FeedError?
    public private(set) var lastRejectedAt: MonotonicSeconds?
    public private(set) var lastRejectedFrom: String?
    /// Datagrams the kernel discarded before the intake saw them (the socket's receive buffer was
    /// full: a flood beyond what the receiver reads, or a stalled loop), as the socket counts them,
    /// and when that count last grew.
    public private(set) var kernelDrops = 0
    public private(set) var lastKernelDropAt: MonotonicSeconds?

    public init() {}

    public subscript(reason: FeedError.Reason) -> Int {
        get { rejected[reason, default: 0] }
        set { rejected[reason] = newValue }
    }

    public var totalRejected: Int { rejected.values.reduce(0, +) }

    /// Accepted = applied + standby.
    public var accepted: Int { applied + standby }

    mutating func count(_ error: FeedError, at now: MonotonicSeconds, from sender: String?) {
        self[error.reason] += 1
        lastRejection = error
        lastRejectedAt = now
        lastRejectedFrom = sender
    }

    /// The socket's running drop count as of `now`; true when it grew.
    mutating func countKernelDrops(total: Int, at now: MonotonicSeconds) -> Bool {
        guard total > kernelDrops else { return false }
        kernelDrops = total
        lastKernelDropAt = now
        return true
    }

    /// "bad signature 60, unsigned 3", in the reasons' fixed order.
    public var rejectedByReason: String {
        FeedError.Reason.allCases.compactMap { r in rejected[r].map { "\(r.rawValue) \($0)" } }.joined(separator: ", ")
    }

    /// e.g. "received 120, applied 117 (4 heartbeats), standby 0, failovers 0, rejected 3 (malformed 1, replay 2)".
    public var description: String {
        var text = "received \(received), applied \(applied) (\(heartbeats) heartbeats), standby \(standby), "
            + "failovers \(failovers), rejected \(totalRejected)"
        if !rejected.isEmpty { text += " (" + rejectedByReason + ")" }
        return text
    }
}
