/// The whole pure pipeline as one value: datagram bytes in, scenes and status out.
///
/// ```
/// bytes → FeedIntake (decode, verify, PublisherTable: replay window + A/B) → BoardState
///       → Freshness (once per tick / frame) → AlarmEvaluator → SceneBuilder → Scene per head
/// ```
///
/// It owns the intake, the one publisher table, the board, the alarm memory and the config (held
/// here once). The agent, the fault tests and every benchmark drive this same value, so the
/// pipeline is wired in exactly one place:
///
/// ```swift
/// var engine = BoardEngine(config: config, keys: keys, startedAt: clock.now())
/// engine.receive(bytes: datagram, from: "192.0.2.10:40312", now: clock.now())
/// engine.tick(now: clock.now())                                   // 1 Hz
/// let scene = engine.scene(now: now, wallTime: wall, banner: banner)
/// let head1 = scene.view(showing: engine.view(head: 1))          // what screen 1 shows
/// ```
///
/// Pure: no I/O, time is a parameter.
public struct BoardEngine: Sendable {
    public private(set) var config: WallboardConfig
    public private(set) var intake: FeedIntake
    public private(set) var board: BoardState
    /// The alarms as last evaluated (by the last scene).
    public private(set) var alarms = BoardAlarms()
    /// Staleness as decided for the last tick or frame.
    public private(set) var freshness: Freshness
    /// False once the board changed since `freshness` was decided.
    private var freshnessIsCurrent = true
    private var evaluator = AlarmEvaluator()
    /// What the last scenes formatted, reused while its inputs stand.
    private var sceneMemo = SceneMemo()
    /// When the tone sounds and which alarms are acknowledged; kept across config reloads.
    public private(set) var bell = AlarmBell()
    /// Which thresholds are in force (`[board] night`), set by the agent from the local time each tick.
    public var thresholdProfile: ThresholdProfile = .day
    /// Screens the board is drawn on (a head's `[display] views` apply only when every head is open).
    public private(set) var heads: Int
    /// Where the feed arrives, e.g. "239.192.0.99:5099" or "simulated floor", for the waiting and
    /// FEED LOST screens; nil = the configured group and port.
    public var listening: String?
    /// The board computer's own health as the agent last read it (nil: not read; nothing shown).
    public var health: BoardHealthReadings?

    /// - Parameters:
    ///   - keys: the signing keys read from `[feed]`'s key files (empty: unsigned feeds accepted).
    ///   - heads: screens open; each shows its own view of the scene (`view(head:)`, `[display] views`).
    public init(
        config: WallboardConfig = WallboardConfig(), keys: [FeedKey] = [], startedAt: MonotonicSeconds,
        heads: Int = 1, listening: String? = nil
    ) {
        self.config = config
        intake = FeedIntake(keys: keys)
        board = BoardState(startedAt: startedAt, feed: config.feed)
        freshness = board.freshness(at: startedAt)
        self.heads = max(1, heads)
        self.listening = listening
    }

    // MARK: in

    /// One datagram as it arrived from `sender` at `now`. Applied to the board only when it verified,
    /// is new and comes from the followed publisher; otherwise counted (standby, or rejected by reason).
    @discardableResult
    public mutating func receive(bytes: UnsafeRawBufferPointer, from sender: String, now: MonotonicSeconds) -> FeedIntake.Outcome {
        let outcome = intake.receive(bytes, now: now, from: sender)
        if case .apply(let message) = outcome {
            board.apply(message, at: now)
            freshnessIsCurrent = false
        }
        return outcome
    }

    @discardableResult
    public mutating func receive(bytes: [UInt8], from sender: String, now: MonotonicSeconds) -> FeedIntake.Outcome {
        bytes.withUnsafeBytes { receive(bytes: $0, from: sender, now: now) }
    }

    /// Datagrams the kernel dropped before they reached the intake (the socket's running count):
    /// counted, and shown on the wall while it grows. True when it grew.
    @discardableResult
    public mutating func countKernelDrops(total: Int, now: MonotonicSeconds) -> Bool {
        intake.countKernelDrops(total: total, now: now)
    }

    /// The 1 Hz tick: staleness and FEED LOST are decided as of `now`.
    public mutating func tick(now: MonotonicSeconds) { decideFreshness(at: now) }

    /// Staleness and FEED LOST are decided once per moment (the tick, then its frame; a frame after
    /// a datagram) and shared by the alarms, the scene and the status: never recomputed per tile,
    /// never older than the frame that shows them.
    private mutating func decideFreshness(at now: MonotonicSeconds) {
        guard !freshnessIsCurrent || freshness.at != now else { return }
        freshness = board.freshness(at: now)
        freshnessIsCurrent = true
    }

    /// A validated config comes into force (reload, threshold change): alarms, labels, staleness and
    /// views change at once; figures, history, alarm memory and the publisher table stay. `keys`,
    /// when given, replace the accepted keys (roll-over: add the new key, later remove the old).
    public mutating func apply(config fresh: WallboardConfig, keys: [FeedKey]? = nil) {
        config = fresh
        board.feed = fresh.feed
        if let keys { intake.use(keys: keys) }
        freshnessIsCurrent = false  // new stale_after / lost_after
    }

    /// The number of screens changed (a second monitor found or lost).
    public mutating func use(heads count: Int) { heads = max(1, count) }

    // MARK: out

    /// Seconds after a rejection during which the wall says rejections are still arriving.
    public var rejectionsRecentFor: Double { config.feed.lostAfter }

    /// The feed's health as of `now`, straight from the intake.
    public func feedHealth(now: MonotonicSeconds) -> FeedHealth {
        FeedHealth(
            intake.counters, activePublisher: intake.activePublisher, missing: intake.publishers.missing,
            listening: listening, now: now, recentFor: rejectionsRecentFor)
    }

    /// The whole board as of `now` (every tile), alarms evaluated once; each head shows
    /// `scene.view(showing: view(head:))` of it.
    public mutating func scene(now: MonotonicSeconds, wallTime: WallTime, banner: String? = nil) -> Scene {
        decideFreshness(at: now)
        let inForce = config.thresholds(for: thresholdProfile)
        alarms = evaluator.evaluate(board: board, config: inForce, at: now, freshness: freshness)
        bell.follow(alarms, config: config.alarm, at: now)
        var scene = SceneBuilder(config: inForce).build(
            board: board, alarms: alarms, now: now, wallTime: wallTime, banner: banner, feed: feedHealth(now: now),
            freshness: freshness, acknowledgements: bell.acknowledgements, health: health, views: headViews, memo: &sceneMemo)
        scene.thresholdsMarker = thresholdProfile.marker
        return scene
    }

    /// Whether the alarm tone should sound now (after the scene of `now`); true is recorded as sounded.
    public mutating func soundDue(now: MonotonicSeconds) -> Bool { bell.soundDue(config: config.alarm, at: now) }

    /// `wallboardctl ack [NAME]` by `who` at `now`, `wallTime` being the local time of day: see
    /// `AlarmBell.acknowledge`. The alarms are those of the last scene (what the wall shows).
    public mutating func acknowledge(
        _ subject: AlarmSubject?, by who: String, now: MonotonicSeconds, wallTime: WallTime
    ) -> Result<[AlarmSubject], AlarmBell.Refusal> {
        bell.acknowledge(subject, by: who, at: now, clock: wallTime.minuteText, shown: alarms, config: config.alarm)
    }

    /// Which tiles head `head` shows (tile ids): its `views` list when one is given for every open
    /// head, else every tile (a board left single-head by a missing monitor shows everything).
    public func view(head: Int) -> [String]? {
        guard let views = headViews, head < views.count else { return nil }
        return views[head]
    }

    /// Every head's `views` list as tile ids (a name is a queue, GRADE/AREA an incident tile:
    /// `AlarmSubject(name:)`), or nil when every head shows every tile.
    var headViews: [[String]]? {
        let views = config.display.views
        guard !views.isEmpty, views.count == heads else { return nil }
        return views.map { $0.map { AlarmSubject(name: $0).tileID } }
    }

    /// The service-level target each reported queue's feed sends (longest-wait limits follow it).
    public var reportedTargets: [String: Double] {
        board.queues.compactMapValues(\.report.targetSeconds)
    }

    /// The target the feed sends for a queue or an incident grade/area, if any.
    public func reportedTarget(_ subject: AlarmSubject) -> Double? {
        switch subject {
        case .queue(let id): return board.queues[id]?.report.targetSeconds
        case .incident(let id): return board.incidents.states[id]?.report.targetSeconds
        }
    }

    /// The attendance target the feed sends for each reported incident grade/area.
    public var reportedIncidentTargets: [String: Double] {
        board.incidents.states.compactMapValues(\.report.targetSeconds)
    }

    /// Queue ids a supervisor can name: configured ones, then those the feed has reported.
    public var queueIDs: [String] {
        var ids = config.queues.map(\.id)
        for id in board.firstSeen where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// Incident grade/area ids a supervisor can name: configured sections, then those reported.
    public var incidentIDs: [String] { config.incidentOrder(feed: board.incidents.firstSeen) }

    public func status(now: MonotonicSeconds) -> EngineStatus {
        let c = intake.counters
        var rejected: [String: Int] = [:]
        for reason in FeedError.Reason.allCases where c[reason] > 0 { rejected[reason.rawValue] = c[reason] }
        let active = intake.activePublisher
        return EngineStatus(
            keys: intake.keyIDs,
            publishers: intake.publishers.sorted.map { e in
                EngineStatus.Publisher(
                    id: e.id, lastSeenSecondsAgo: max(0, now - e.lastHeard), accepted: e.accepted, sequenceGaps: e.missing,
                    active: e.id == active, keyID: e.keyID, heartbeats: e.heartbeats, interval: e.interval,
                    session: String(e.session, radix: 16))
            },
            datagrams: EngineStatus.Datagrams(
                received: c.received, accepted: c.accepted, applied: c.applied, standby: c.standby, heartbeats: c.heartbeats,
                failovers: c.failovers, rejected: rejected, missing: intake.publishers.missing,
                lastRejection: c.lastRejection?.description, lastRejectionSecondsAgo: c.lastRejectedAt.map { max(0, now - $0) },
                lastRejectedFrom: c.lastRejectedFrom),
            board: summary(now: now))
    }

    /// What the wall shows as of `now`, in words (alarms as of the last scene).
    public func summary(now: MonotonicSeconds) -> BoardSummary {
        let freshness = freshnessIsCurrent && freshness.at == now ? freshness : board.freshness(at: now)
        return BoardSummary(
            config: config, board: board, alarms: alarms, freshness: freshness, publisher: intake.activePublisher, at: now,
            acknowledgements: bell.acknowledgements)
    }
}
