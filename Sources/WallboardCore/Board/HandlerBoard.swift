/// The per-handler states the board knows (`A` records), each replaced by the next record for its
/// id. Pure: `now` is passed in, like everything on the board.
///
/// A floor's handlers arrive over several datagrams, so a datagram replaces only the handlers it
/// carries. A handler not refreshed within the stale time is stale (shown greyed, its time frozen);
/// one not heard of for `forgetAfter` has logged off without the publisher saying so and leaves the
/// grid. At most `maximum` handlers are kept; records for more are counted in `ignored`.
public struct HandlerBoard: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var report: HandlerReport
        public var arrivedAt: MonotonicSeconds
        public var publisher: String
        /// The interval the publisher declared with it (drives the default stale time).
        public var interval: Double?
        public var origin: FeedOrigin

        /// Seconds since the record arrived (never negative).
        public func age(at now: MonotonicSeconds) -> Double { max(0, now - arrivedAt) }

        /// Seconds in its state as of `frozenAt` (the moment it went stale) or `now`; nil when the
        /// publisher did not say. Like `oldest`, it ticks on the board's clock and, once stale, stops
        /// where it was, never going back to the smaller value that was sent.
        public func timeInState(at now: MonotonicSeconds, frozenAt: MonotonicSeconds? = nil) -> Double? {
            report.since.map { $0 + age(at: min(now, frozenAt ?? now)) }
        }
    }

    /// More than a 1080p grid shows on several pages; a bound so a publisher cannot grow the board.
    public static let maximum = 512
    /// A handler silent this long is dropped from the grid (after showing as stale all that time).
    public static let forgetAfter: Double = 600

    public private(set) var entries: [String: Entry] = [:]
    public private(set) var ignored = 0
    /// Records not applied because a newer datagram of the same publisher run already gave that handler.
    public private(set) var olderSkipped = 0

    public init() {}

    public mutating func apply(_ message: FeedMessage, interval: Double?, at now: MonotonicSeconds) {
        guard !message.handlers.isEmpty else { return }
        entries = entries.filter { $0.value.age(at: now) <= Self.forgetAfter }
        let origin = FeedOrigin(message)
        for raw in message.handlers {
            var report = raw
            report.since = raw.since.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            if let old = entries[report.id] {
                guard !origin.isOlder(than: old.origin) else {
                    olderSkipped += 1
                    continue
                }
            } else if entries.count >= Self.maximum {
                ignored += 1
                continue
            }
            entries[report.id] = Entry(report: report, arrivedAt: now, publisher: message.publisher, interval: interval, origin: origin)
        }
    }

    /// The handlers still on the grid at `now` (not yet forgotten), by name then id, so a person is
    /// found where the alphabet puts them and the order does not jump as states change.
    public func listed(at now: MonotonicSeconds) -> [Entry] {
        entries.values.filter { $0.age(at: now) <= Self.forgetAfter }.sorted {
            ($0.report.name, $0.report.id) < ($1.report.name, $1.report.id)
        }
    }
}
