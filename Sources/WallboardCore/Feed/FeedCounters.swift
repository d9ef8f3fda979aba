/// What the feed intake has seen, for `listen`, the agent's status and the control socket.
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

    public init() {}

    public subscript(reason: FeedError.Reason) -> Int {
        get { rejected[reason, default: 0] }
        set { rejected[reason] = newValue }
    }

    public var totalRejected: Int { rejected.values.reduce(0, +) }

    /// e.g. "received 120, applied 117 (4 heartbeats), standby 0, failovers 0, rejected 3 (malformed 1, replay 2)".
    public var description: String {
        var text = "received \(received), applied \(applied) (\(heartbeats) heartbeats), standby \(standby), "
            + "failovers \(failovers), rejected \(totalRejected)"
        let parts = FeedError.Reason.allCases.compactMap { r in rejected[r].map { "\(r.rawValue) \($0)" } }
        if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
        return text
    }
}
