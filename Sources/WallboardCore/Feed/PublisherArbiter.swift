/// A/B arbitration between redundant publishers of one floor (PROTOCOL.md, "Redundant publishers"),
/// decided on the `PublisherTable`.
///
/// Follows one publisher at a time — the first heard — and holds the others as standby. When the
/// followed one has been silent for its fail-over time, the next standby datagram (the freshest
/// publisher, since it is talking now) takes over. It never switches back while the new one talks,
/// so it cannot flap; and the board keeps the last figures until the new publisher's absolute state
/// replaces them, so fail-over shows no glitch.
extension PublisherTable {
    public enum Decision: Equatable, Sendable {
        /// From the followed publisher: apply it.
        case follow
        /// The followed publisher fell silent and this one takes over: apply it.
        case failover(from: String)
        /// From a standby publisher while the followed one is alive: do not apply.
        case standby
    }

    /// Fail-over time for a publisher that declares `interval` seconds between datagrams:
    /// 1.5 intervals, at least 1 s; 3 s when undeclared. Short on purpose: switching to a standby
    /// that sends the same figures costs nothing, and switching never flaps back.
    public static func failoverTime(interval: Double?) -> Double {
        guard let interval, interval > 0 else { return 3 }
        return max(1, 1.5 * interval)
    }

    /// The fail-over time that applies to a publisher's entry.
    func failoverAfter(_ entry: Entry?) -> Double {
        failoverOverride ?? PublisherTable.failoverTime(interval: entry?.interval)
    }

    /// The fail-over time that applies to `publisher`.
    public func failoverAfter(_ publisher: String?) -> Double { failoverAfter(publisher.flatMap { entries[$0] }) }

    /// True when the followed publisher has not been heard for its fail-over time.
    public func activeIsSilent(now: MonotonicSeconds) -> Bool {
        guard let active, let entry = entries[active] else { return true }
        return now - entry.lastHeard > failoverAfter(entry)
    }

    /// Called after `publisher`'s entry recorded the datagram: only the followed publisher's entry
    /// decides silence, and it was not touched unless `publisher` is the followed one.
    mutating func arbitrate(_ publisher: String, now: MonotonicSeconds) -> Decision {
        guard let current = active else {
            active = publisher
            return .follow
        }
        if current == publisher { return .follow }
        guard activeIsSilent(now: now) else { return .standby }
        active = publisher
        return .failover(from: current)
    }
}
