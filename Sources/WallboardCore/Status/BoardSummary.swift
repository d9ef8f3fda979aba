/// What the wall shows, in words a script or an alert rule can match: the feed's state, how long it
/// has been silent, whom the board follows, and each shown queue's alarm state with its two big
/// figures. The facts behind `wallboardctl status --json` and the `wallboard_feed_*` /
/// `wallboard_queue_*` metrics. Pure: built from the board model at `now`.
public struct BoardSummary: Codable, Sendable, Equatable {
    /// The feed as the wall shows it.
    public enum FeedState: String, Codable, Sendable, CaseIterable {
        /// Every shown tile (queue or incident) has current data.
        case ok
        /// Some shown tiles are stale (greyed, NO DATA), others current.
        case partial
        /// Nothing current yet the board is not FEED LOST: no datagram since start, or every shown
        /// tile past stale_after.
        case stale
        /// Silent past lost_after: the wall says FEED LOST.
        case lost
    }

    /// A queue's tile as the wall shows it: its alarm word, or STALE (a stale tile shows no alarm).
    public enum QueueState: String, Codable, Sendable, CaseIterable {
        case ok, warning, breach, stale
    }

    public struct Queue: Codable, Sendable, Equatable {
        public var id: String
        public var state: QueueState
        /// Why it is amber or red, as on the tile ("LONGEST WAIT 0:42 > 0:30"); nil when ok or stale.
        public var reason: String?
        /// Calls waiting and the longest wait in seconds; nil when stale or never reported, so a
        /// frozen figure is never reported as current.
        public var waiting: Int?
        public var longestWaitSeconds: Double?
        /// Who acknowledged its alarm, and at what local time ("14:02"); nil when not acknowledged.
        public var acknowledgedBy: String?
        public var acknowledgedAt: String?

        public init(
            id: String, state: QueueState, reason: String? = nil, waiting: Int? = nil, longestWaitSeconds: Double? = nil,
            acknowledgedBy: String? = nil, acknowledgedAt: String? = nil
        ) {
            self.acknowledgedBy = acknowledgedBy
            self.acknowledgedAt = acknowledgedAt
            self.id = id
            self.state = state
            self.reason = reason
            self.waiting = waiting
            self.longestWaitSeconds = longestWaitSeconds
        }
    }

    public var feed: FeedState
    /// Seconds since the last accepted datagram; nil when none since start.
    public var lastDatagramSecondsAgo: Double?
    /// The publisher whose data the board shows (nil before the first datagram).
    public var publisher: String?
    /// The tiles on the wall, in display order (all of them: a board with more than a page shows them in turn).
    public var queues: [Queue]
    /// The incident tiles, in display order (after the queues' on the wall).
    public var incidents: [Incident]
    /// The handler grid in figures; nil when the feed sends no `A` records.
    public var handlers: Handlers?

    public init(feed: FeedState, lastDatagramSecondsAgo: Double?, publisher: String?, queues: [Queue], incidents: [Incident] = []) {
        self.feed = feed
        self.lastDatagramSecondsAgo = lastDatagramSecondsAgo
        self.publisher = publisher
        self.queues = queues
        self.incidents = incidents
    }

    /// The summary of the board at `now`, with the alarms last evaluated (the last scene) and the
    /// staleness the engine decided (`BoardEngine.summary(now:)`).
    public init(
        config: WallboardConfig, board: BoardState, alarms: BoardAlarms, freshness: Freshness, publisher: String?,
        at now: MonotonicSeconds, acknowledgements: [AlarmSubject: Acknowledgement] = [:]
    ) {
        let ids = config.displayOrder(feedQueues: board.firstSeen)  // every queue: the wall pages them
        queues = ids.map { id in
            guard !freshness.isStale(id), let queue = board.queues[id] else { return Queue(id: id, state: .stale) }
            let figures = queue.figures(at: now)
            let alarm = alarms.queue(id)
            let ack = alarm.level == .normal ? nil : acknowledgements[.queue(id)]
            return Queue(
                id: id, state: QueueState(alarm.level), reason: alarm.level == .normal ? nil : alarm.reason, waiting: figures.waiting,
                longestWaitSeconds: figures.longestWait, acknowledgedBy: ack?.by, acknowledgedAt: ack?.clock)
        }
        handlers = Self.handlers(config: config, board: board, at: now)
        incidents = Self.incidents(config: config, board: board, alarms: alarms, freshness: freshness, at: now, acknowledgements: acknowledgements)
        lastDatagramSecondsAgo = board.lastMessageAt.map { max(0, now - $0) }
        self.publisher = publisher ?? board.lastPublisher
        // Every tile counts, incident tiles as much as queues'.
        let states = queues.map(\.state) + incidents.map(\.state)
        let staleCount = states.filter { $0 == .stale }.count
        if freshness.feedLost {
            feed = .lost
        } else if board.lastMessageAt == nil || (!states.isEmpty && staleCount == states.count) {
            feed = .stale
        } else {
            feed = staleCount > 0 ? .partial : .ok
        }
    }
}
