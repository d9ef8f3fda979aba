/// A/B arbitration between redundant publishers of one floor (PROTOCOL.md, "Redundant publishers").
///
/// Follows one publisher at a time — the first heard — and holds the others as standby. When the
/// followed one has been silent for its fail-over time, the next standby datagram (the freshest
/// publisher, since it is talking now) takes over. It never switches back while the new one talks,
/// so it cannot flap; and the board keeps the last figures until the new publisher's absolute state
/// replaces them, so fail-over shows no glitch. Time is a parameter; memory is bounded.
public struct PublisherArbiter: Sendable {
    public enum Decision: Equatable, Sendable {
        /// From the followed publisher: apply it.
        case follow
        /// The followed publisher fell silent and this one takes over: apply it.
        case failover(from: String)
        /// From a standby publisher while the followed one is alive: do not apply.
        case standby
    }

    /// Overrides the interval-derived fail-over time when set (seconds).
    public var failoverOverride: Double?
    public let maximumPublishers: Int
    /// The publisher being followed.
    public private(set) var active: String?

    private struct Heard: Sendable {
        var at: MonotonicSeconds
        var interval: Double?
    }

    private var heard: [String: Heard] = [:]

    public init(failoverAfter: Double? = nil, maximumPublishers: Int = 32) {
        failoverOverride = failoverAfter
        self.maximumPublishers = max(1, maximumPublishers)
    }

    /// Fail-over time for a publisher that declares `interval` seconds between datagrams:
    /// 1.5 intervals, at least 1 s; 3 s when undeclared. Short on purpose: switching to a standby
    /// that sends the same figures costs nothing, and switching never flaps back.
    public static func failoverTime(interval: Double?) -> Double {
        guard let interval, interval > 0 else { return 3 }
        return max(1, 1.5 * interval)
    }

    /// The fail-over time that applies to `publisher`.
    public func failoverAfter(_ publisher: String?) -> Double {
        failoverOverride ?? PublisherArbiter.failoverTime(interval: publisher.flatMap { heard[$0]?.interval })
    }

    /// True when the followed publisher has not been heard for its fail-over time.
    public func activeIsSilent(now: MonotonicSeconds) -> Bool {
        guard let active, let last = heard[active] else { return true }
        return now - last.at > (failoverOverride ?? PublisherArbiter.failoverTime(interval: last.interval))
    }

    public mutating func admit(publisher: String, interval: Double?, now: MonotonicSeconds) -> Decision {
        if publisher == active {
            // The common case, one lookup: the followed publisher talking.
            heard[publisher] = Heard(at: now, interval: interval)
            return .follow
        }
        if heard[publisher] == nil, heard.count >= maximumPublishers { evictOne() }
        let silent = activeIsSilent(now: now)
        heard[publisher] = Heard(at: now, interval: interval)
        guard let current = active else {
            active = publisher
            return .follow
        }
        if current == publisher { return .follow }
        guard silent else { return .standby }
        active = publisher
        return .failover(from: current)
    }

    /// Forgets the least recently heard publisher other than the followed one.
    private mutating func evictOne() {
        if let oldest = heard.filter({ $0.key != active }).min(by: { $0.value.at < $1.value.at })?.key {
            heard[oldest] = nil
        }
    }
}
