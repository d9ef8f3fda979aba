/// Everything the board knows, built only from feed messages and the times they arrived.
///
/// Pure: the caller passes `now` (monotonic seconds) to every call. The feed layer (publisher
/// arbitration, replay window, HMAC) decides which messages reach `apply`; the board applies what it
/// is given. Each message carries absolute state, so applying one replaces that queue's figures.
public struct BoardState: Sendable, Equatable {
    public private(set) var queues: [String: QueueState] = [:]
    /// Queue ids in the order they were first reported.
    public private(set) var firstSeen: [String] = []
    /// Floor-wide staff report (scope nil) and when it arrived.
    public private(set) var floorStaff: StaffReport?
    public private(set) var floorStaffArrivedAt: MonotonicSeconds?
    public private(set) var floorStaffInterval: Double?
    public private(set) var floorStaffOrigin: FeedOrigin?
    public private(set) var floorName: String?
    /// Incidents by grade and area (`I` records).
    public private(set) var incidents = IncidentBoard()
    /// When any message (heartbeats included) last arrived, and from whom.
    public private(set) var lastMessageAt: MonotonicSeconds?
    public private(set) var lastPublisher: String?
    /// Messages applied (heartbeats included), for the footer and status.
    public private(set) var messagesApplied = 0
    /// When the board started listening: FEED LOST also covers "nothing ever arrived".
    public let startedAt: MonotonicSeconds
    /// stale_after and lost_after come from here at every read, so a reloaded config applies at once
    /// (the agent assigns `board.feed = config.feed` when it applies a new config).
    public var feed: FeedConfig

    /// A board can never show more tiles than this; queues past it are ignored (and counted).
    public static let maxQueues = 64
    public private(set) var queuesIgnored = 0
    /// Queue or staff reports not applied because a newer datagram of the same publisher run had
    /// already been applied (a late, reordered datagram).
    public private(set) var olderReportsSkipped = 0
    /// Per-handler states (`A` records).
    public private(set) var handlers = HandlerBoard()

    public init(startedAt: MonotonicSeconds, feed: FeedConfig = FeedConfig()) {
        self.startedAt = startedAt
        self.feed = feed
    }

    /// Applies one message that arrived at `now`.
    public mutating func apply(_ message: FeedMessage, at now: MonotonicSeconds) {
        lastMessageAt = now
        lastPublisher = message.publisher
        messagesApplied += 1
        if let floor = message.floor, !floor.isEmpty { floorName = floor }
        let interval = message.interval.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }

        let origin = FeedOrigin(message)
        incidents.apply(message.incidents, origin: origin, interval: interval, at: now)
        handlers.apply(message, interval: interval, at: now)
        for raw in message.queues {
            let report = Self.sanitized(raw)
            // Changed in place through the dictionary's index: a copy taken out and stored back
            // would share the history's storage while it is recorded into, and copy it every datagram.
            if let index = queues.index(forKey: report.id) {
                guard !origin.isOlder(than: queues.values[index].origin) else {
                    olderReportsSkipped += 1
                    continue
                }
                Self.update(&queues.values[index], report: report, origin: origin, at: now, publisher: message.publisher, interval: interval)
            } else {
                guard queues.count < Self.maxQueues else {
                    queuesIgnored += 1
                    continue
                }
                var state = QueueState(report: report, arrivedAt: now, publisher: message.publisher, interval: interval)
                state.origin = origin
                state.history.record(waiting: report.waiting, longestWait: report.longestWait, at: now)
                queues[report.id] = state
                firstSeen.append(report.id)
            }
        }
        for staff in message.staff {
            if let scope = staff.scope {
                guard let index = queues.index(forKey: scope) else { continue }
                guard !origin.isOlder(than: queues.values[index].staffOrigin) else {
                    olderReportsSkipped += 1
                    continue
                }
                queues.values[index].staff = staff
                queues.values[index].staffOrigin = origin
            } else {
                guard !origin.isOlder(than: floorStaffOrigin) else {
                    olderReportsSkipped += 1
                    continue
                }
                floorStaff = staff
                floorStaffOrigin = origin
                floorStaffArrivedAt = now
                floorStaffInterval = interval
            }
        }
    }

    /// A known queue's newer report.
    private static func update(
        _ state: inout QueueState, report: QueueReport, origin: FeedOrigin, at now: MonotonicSeconds, publisher: String,
        interval: Double?
    ) {
        state.report = report
        state.origin = origin
        state.arrivedAt = now
        state.publisher = publisher
        state.interval = interval
        state.history.record(waiting: report.waiting, longestWait: report.longestWait, at: now)
    }

    /// Network input is never trusted to be sensible: negative counts become unknown, a negative or
    /// non-finite wait becomes 0, so nothing downstream divides by, or displays, nonsense.
    static func sanitized(_ r: QueueReport) -> QueueReport {
        var q = r
        q.waiting = max(0, r.waiting)
        q.longestWait = r.longestWait.isFinite ? max(0, r.longestWait) : 0
        func count(_ v: Int?) -> Int? { v.flatMap { $0 >= 0 ? $0 : nil } }
        q.offered = count(r.offered)
        q.answered = count(r.answered)
        q.abandoned = count(r.abandoned)
        q.answeredWithinTarget = count(r.answeredWithinTarget)
        q.targetSeconds = r.targetSeconds.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        q.averageSpeedOfAnswer = r.averageSpeedOfAnswer.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        q.extras = r.extras.filter { $0.value.isFinite }
        return q
    }

    // MARK: reading

    /// The figures of queue `id` as of `now`, or nil if it was never reported.
    public func figures(for id: String, at now: MonotonicSeconds) -> QueueFigures? {
        queues[id]?.figures(at: now, frozenAt: staleSince(id, at: now))
    }

    /// When queue `id`'s data went stale (its stale_after ran out, or the feed was lost), if it is
    /// stale at `now`; nil while it is current or if it was never reported.
    public func staleSince(_ id: String, at now: MonotonicSeconds) -> MonotonicSeconds? {
        guard let q = queues[id], isStale(id, at: now) else { return nil }
        let ownLimit = q.arrivedAt + feed.staleAfter(publisherInterval: q.interval)
        let feedLost = (lastMessageAt ?? startedAt) + feed.lostAfter
        return min(now, ownLimit, feedLost)
    }

    /// Seconds after its arrival at which queue `id`'s data counts as stale.
    public func staleAfter(_ id: String) -> Double {
        feed.staleAfter(publisherInterval: queues[id]?.interval)
    }

    /// Seconds since queue `id`'s data arrived; nil if never.
    public func age(of id: String, at now: MonotonicSeconds) -> Double? { queues[id]?.age(at: now) }

    /// True when queue `id` has no current data: never reported, past stale_after, or the feed is lost.
    public func isStale(_ id: String, at now: MonotonicSeconds) -> Bool {
        guard let q = queues[id] else { return true }
        return !isWithinStaleAfter(q, at: now) || isFeedLost(at: now)
    }

    /// The one stale_after rule: `q`'s data arrived at most stale_after ago.
    func isWithinStaleAfter(_ q: QueueState, at now: MonotonicSeconds) -> Bool {
        q.age(at: now) <= feed.staleAfter(publisherInterval: q.interval)
    }

    /// When handler `entry`'s record went stale (the queue stale time, or the feed was lost), if it is
    /// stale at `now`; the same rule as `staleSince` for queues.
    public func staleSince(_ entry: HandlerBoard.Entry, at now: MonotonicSeconds) -> MonotonicSeconds? {
        let ownLimit = entry.arrivedAt + feed.staleAfter(publisherInterval: entry.interval)
        let feedLost = (lastMessageAt ?? startedAt) + feed.lostAfter
        guard now > ownLimit || isFeedLost(at: now) else { return nil }
        return min(now, ownLimit, feedLost)
    }

    /// Seconds since any message arrived (since start if none ever did).
    public func silence(at now: MonotonicSeconds) -> Double { max(0, now - (lastMessageAt ?? startedAt)) }

    /// The whole feed has been silent past lost_after.
    public func isFeedLost(at now: MonotonicSeconds) -> Bool { silence(at: now) > feed.lostAfter }

    /// Floor-wide staff counts if current; nil when never reported or stale (never shown as current).
    public func currentFloorStaff(at now: MonotonicSeconds) -> StaffReport? {
        guard let staff = floorStaff, let at = floorStaffArrivedAt, max(0, now - at) <= feed.staleAfter(publisherInterval: floorStaffInterval),
            !isFeedLost(at: now)
        else { return nil }
        return staff
    }
}
