import WallboardCore

/// When to join the group again so an IGMP/MLD-snooping switch keeps forwarding it.
///
/// A managed switch that snoops group membership but has no querier on the segment never asks
/// the board to report again, so it prunes the board's port once the membership interval (about
/// 260 s with the standard timers) passes since the last report, and the board goes quiet. Leaving
/// and joining again makes the kernel send fresh unsolicited membership reports (an unprivileged
/// process cannot send them itself). Two triggers, both bounded:
/// - the feed has been silent for `silence` seconds — rejoin at once, then at most once every
///   `silentRetry` seconds while it stays silent (a publisher that is down for the night costs a
///   few reports a minute, no more);
/// - `period` seconds since the last (re)join while the feed flows, so the membership never ages
///   out in the first place (a querier, when there is one, refreshes it anyway: harmless).
/// Pure: times are passed in.
struct MulticastKeepalive: Sendable, Equatable {
    enum Reason: Equatable, CustomStringConvertible {
        case silent(seconds: Double)
        case periodic(seconds: Double)

        var description: String {
            switch self {
            case .silent(let s): "no datagram for \(Int(s.rounded(.down))) s"
            case .periodic(let s): "\(Int(s.rounded(.down))) s since the last membership report"
            }
        }
    }

    var silence: Double = 3
    var silentRetry: Double = 10
    var period: Double = 60
    private(set) var lastJoin: MonotonicSeconds?
    private(set) var lastHeard: MonotonicSeconds?

    /// The group was joined (first time, after an interface change, or by a refresh).
    mutating func joined(at now: MonotonicSeconds) { lastJoin = now }

    mutating func heard(at now: MonotonicSeconds) { lastHeard = now }

    /// Whether to refresh the membership now, and why; nil while not joined or not due.
    func due(now: MonotonicSeconds) -> Reason? {
        guard let lastJoin else { return nil }
        let sinceJoin = now - lastJoin
        if let lastHeard, lastHeard >= lastJoin {
            // Flowing since the last join: the first moment of silence counts at once.
            if now - lastHeard >= silence { return .silent(seconds: now - lastHeard) }
        } else if sinceJoin >= silentRetry {
            // Still silent after a (re)join: try again, at a bounded rate.
            return .silent(seconds: now - (lastHeard ?? lastJoin))
        }
        return sinceJoin >= period ? .periodic(seconds: sinceJoin) : nil
    }
}
