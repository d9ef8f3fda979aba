/// Everything the board remembers about each publisher, in one entry per publisher: its replay
/// window, when it was last heard, its declared interval, the sequence numbers it skipped, its
/// counters and the key it signs with. Replay protection (`PublisherReplay.swift`), A/B arbitration
/// (`PublisherArbiter.swift`) and `wallboardctl status` all read and write this one table, so they
/// cannot disagree about who is alive, and one bound (`maximumPublishers`) and one eviction rule
/// keep its memory fixed.
///
/// Feed it only datagrams that verified: forged ids never create entries. Pure; time is a parameter.
public struct PublisherTable: Sendable {
    public struct Entry: Sendable, Equatable {
        public let id: String
        /// The current session and its sequence window.
        public internal(set) var session: UInt64
        var window: SequenceWindow
        /// The highest `sent` of the current session (the publisher's own clock, compared only with itself).
        var lastSent: UInt64
        /// Sessions this one replaced, newest last (their datagrams are replays).
        var retired: [UInt64] = []
        public internal(set) var lastHeard: MonotonicSeconds
        /// Seconds between datagrams, as the publisher declares it.
        public internal(set) var interval: Double?
        /// Valid datagrams (followed or standby), heartbeats included.
        public internal(set) var accepted = 1
        public internal(set) var heartbeats = 0
        /// Sequence numbers skipped within a session and not (yet) arrived late: datagrams lost on
        /// the way (network, or the kernel's receive buffer). A restart (new session) is not a gap.
        public internal(set) var missing = 0
        /// The key id its last datagram was signed with; nil when unsigned.
        public internal(set) var keyID: String?

        init(_ message: FeedMessage, keyID: String?, now: MonotonicSeconds) {
            id = message.publisher
            session = message.session
            window = SequenceWindow(first: message.sequence)
            lastSent = message.sentAtMilliseconds
            lastHeard = now
            interval = message.interval
            heartbeats = message.isHeartbeat ? 1 : 0
            self.keyID = keyID
        }
    }

    public let maximumPublishers: Int
    public let retiredSessionsKept: Int
    /// Overrides the interval-derived fail-over time when set (seconds).
    public var failoverOverride: Double?
    /// The publisher being followed. It stays named even if its entry is forgotten, so the next
    /// publisher heard is counted as a fail-over.
    public internal(set) var active: String?
    var entries: [String: Entry] = [:]

    public init(failoverAfter: Double? = nil, maximumPublishers: Int = 32, retiredSessionsKept: Int = 8) {
        failoverOverride = failoverAfter
        self.maximumPublishers = max(1, maximumPublishers)
        self.retiredSessionsKept = max(0, retiredSessionsKept)
    }

    /// Number of publishers remembered (never above `maximumPublishers`).
    public var count: Int { entries.count }

    public subscript(publisher: String) -> Entry? { entries[publisher] }

    /// Every entry, by publisher id.
    public var sorted: [Entry] { entries.values.sorted { $0.id < $1.id } }

    /// Sequence numbers missing over all publishers.
    public var missing: Int { entries.values.reduce(0) { $0 + $1.missing } }

    /// Admits a verified datagram: the replay rules first (a replay is thrown), then arbitration.
    /// One hash lookup for a publisher already known.
    public mutating func admit(_ message: FeedMessage, keyID: String?, now: MonotonicSeconds) throws(FeedError) -> Decision {
        if let index = entries.index(forKey: message.publisher) {
            let failover = failoverAfter(entries.values[index])
            try entries.values[index].admit(message, keyID: keyID, now: now, failoverAfter: failover, retiredKept: retiredSessionsKept)
        } else {
            if entries.count >= maximumPublishers { evictOne(now: now) }
            entries[message.publisher] = Entry(message, keyID: keyID, now: now)
        }
        return arbitrate(message.publisher, now: now)
    }

    /// Forgets the least recently heard publisher, never the followed one while it is alive (a
    /// crowd of standby or one-off publishers cannot push the live feed out).
    private mutating func evictOne(now: MonotonicSeconds) {
        let activeAlive = !activeIsSilent(now: now)
        let candidates = entries.values.filter { !(activeAlive && $0.id == active) }
        if let oldest = (candidates.isEmpty ? Array(entries.values) : candidates).min(by: { $0.lastHeard < $1.lastHeard }) {
            entries[oldest.id] = nil
        }
    }
}
