/// Replay protection per (publisher, session), without trusting any clock but the board's own
/// monotonic one (PROTOCOL.md, "Replay window").
///
/// Per publisher it keeps the current session's `SequenceWindow` and the ids of the sessions it
/// replaced. A new session takes over when its `sent` is later than the current session's (the
/// publisher compared with itself), or when the current session has been silent for the fail-over
/// time; otherwise its datagrams are replays of an old session. Feed it only datagrams that
/// verified: then forged ids never create state. Memory is bounded by `maximumPublishers`
/// (least recently heard forgotten first) and `retiredSessionsKept`.
public struct ReplayWindow: Sendable {
    public let maximumPublishers: Int
    public let retiredSessionsKept: Int

    struct PublisherState: Sendable {
        var session: UInt64
        var window: SequenceWindow
        var lastSent: UInt64
        var lastHeard: MonotonicSeconds
        var interval: Double?
        var retired: [UInt64]
    }

    private(set) var publishers: [String: PublisherState] = [:]

    public init(maximumPublishers: Int = 32, retiredSessionsKept: Int = 8) {
        self.maximumPublishers = max(1, maximumPublishers)
        self.retiredSessionsKept = max(0, retiredSessionsKept)
    }

    /// Number of publishers currently tracked (never above `maximumPublishers`).
    public var trackedPublishers: Int { publishers.count }

    /// The current session of `publisher`, if tracked.
    public func session(of publisher: String) -> UInt64? { publishers[publisher]?.session }

    /// Admits `message` (marking its sequence number seen) or says why it is a replay.
    /// `failoverAfter` is how long a silent session must be quiet before any new one may take over.
    public mutating func admit(_ message: FeedMessage, now: MonotonicSeconds, failoverAfter: Double) -> FeedError? {
        let key = message.publisher
        guard let index = publishers.index(forKey: key) else {
            if publishers.count >= maximumPublishers { evictLeastRecentlyHeard() }
            publishers[key] = PublisherState(
                session: message.session, window: SequenceWindow(first: message.sequence),
                lastSent: message.sentAtMilliseconds, lastHeard: now, interval: message.interval, retired: [])
            return nil
        }
        // Mutated in place through the index: one hash lookup per datagram.
        return update(&publishers.values[index], with: message, now: now, failoverAfter: failoverAfter)
    }

    private func update(
        _ state: inout PublisherState, with message: FeedMessage, now: MonotonicSeconds, failoverAfter: Double
    ) -> FeedError? {
        let key = message.publisher
        if message.session != state.session {
            if state.retired.contains(message.session) {
                return .replay("publisher '\(key)' session \(hex(message.session)) was superseded")
            }
            let newer = message.sentAtMilliseconds > state.lastSent
            let silent = now - state.lastHeard > failoverAfter
            guard newer || silent else {
                return .replay(
                    "publisher '\(key)' session \(hex(message.session)) is older than the live session \(hex(state.session))")
            }
            state.retired.append(state.session)
            if state.retired.count > retiredSessionsKept { state.retired.removeFirst(state.retired.count - retiredSessionsKept) }
            state.session = message.session
            state.window = SequenceWindow(first: message.sequence)
        } else if !state.window.accept(message.sequence) {
            return .replay("publisher '\(key)' session \(hex(message.session)) seq \(message.sequence) seen before or too old")
        }
        state.lastSent = max(state.lastSent, message.sentAtMilliseconds)
        state.lastHeard = now
        state.interval = message.interval
        return nil
    }

    private mutating func evictLeastRecentlyHeard() {
        if let oldest = publishers.min(by: { $0.value.lastHeard < $1.value.lastHeard })?.key {
            publishers[oldest] = nil
        }
    }

    private func hex(_ n: UInt64) -> String { String(n, radix: 16) }
}
