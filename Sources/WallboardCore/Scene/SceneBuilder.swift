/// Builds the `Scene` — every string the painter draws — from the board, its alarms and the config.
///
/// Pure: call it once a second (and after each applied datagram) with the current `now`. Rules it
/// keeps so that the wall never misleads:
/// - unknown figures are "–", never 0 or 100%;
/// - a stale queue keeps its last figures (frozen, drawn greyed by the painter) with "NO DATA 0:45",
///   and no alarm colour (its alarms would be about old data);
/// - when the whole feed is silent past lost_after, the scene carries FEED LOST, every tile is stale
///   and floor staff counts are withdrawn.
public struct SceneBuilder: Sendable {
    public var config: WallboardConfig
    /// Seconds per red-tile pulse cycle.
    public static let pulsePeriod: Double = 2

    public init(config: WallboardConfig) { self.config = config }

    public func build(
        board: BoardState, alarms: BoardAlarms, now: MonotonicSeconds, wallTime: WallTime,
        banner: String? = nil, feed: FeedHealth = FeedHealth(), freshness: Freshness? = nil,
        acknowledgements: [AlarmSubject: Acknowledgement] = [:], health: BoardHealthReadings? = nil,
        views: [[String]]? = nil
    ) -> Scene {
        var memo = SceneMemo()
        return build(
            board: board, alarms: alarms, now: now, wallTime: wallTime, banner: banner, feed: feed, freshness: freshness,
            acknowledgements: acknowledgements, health: health, views: views, memo: &memo)
    }

    /// The same scene, reusing from `memo` what the last frames already formatted (see `SceneMemo`).
    public func build(
        board: BoardState, alarms: BoardAlarms, now: MonotonicSeconds, wallTime: WallTime,
        banner: String? = nil, feed: FeedHealth = FeedHealth(), freshness: Freshness? = nil,
        acknowledgements: [AlarmSubject: Acknowledgement] = [:], health: BoardHealthReadings? = nil,
        views: [[String]]? = nil, memo: inout SceneMemo
    ) -> Scene {
        let freshness = freshness ?? board.freshness(at: now)
        let lost = freshness.feedLost
        let ids = config.displayOrder(feedQueues: board.firstSeen)
        var tiles: [TileScene] = []
        tiles.reserveCapacity(ids.count + board.incidents.firstSeen.count)
        memo.arrange(ids, queues: config.queues)
        for (i, id) in ids.enumerated() {
            tiles.append(tile(
                id, board: board, alarms: alarms, now: now, stale: freshness.isStale(id), acknowledged: acknowledgements[.queue(id)],
                memo: &memo.tiles[i]))
        }
        tiles += incidentTiles(board: board, alarms: alarms, now: now, freshness: freshness, acknowledgements: acknowledgements)
        // A queue the feed reports but `[board] queues` leaves out still reaches the wall when in breach.
        let hiddenBreaches = unlisted(board, ids).filter { id in
            !freshness.isStale(id) && alarms.queue(id).level == .red
        }.map { tile($0, board: board, alarms: alarms, now: now, stale: false).title }
        // Tiles `[display] views` puts on no screen are named, never hidden silently (SceneView).
        let offScreen = views.map { Scene.offScreen(tiles, views: $0) } ?? []

        var staff: StaffScene?
        if let s = board.currentFloorStaff(freshness) {
            staff = StaffScene(
                available: s.available, onCall: s.onCall, wrapUp: s.wrapUp, onBreak: s.onBreak, other: s.other,
                level: alarms.staff?.level ?? .normal)
        }

        let anyRed = tiles.contains { $0.level == .red } || staff?.level == .red
        let pulse = config.display.redPulse && anyRed && !lost ? Self.phase(now) : 0
        let banner = banner.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
        var scene = Scene(
            header: HeaderScene(title: title(board), clock: wallTime.clockText),
            banner: banner, tiles: tiles, staff: staff,
            footer: footer(board: board, ids: ids, now: now, feed: feed, freshness: freshness, offScreen: offScreen, memo: &memo)
                .leading(BoardHealth.line(health)),
            feedLost: lost ? feedLost(board: board, now: now, feed: feed) : nil,
            pulse: pulse, paging: paging(now), hiddenBreaches: hiddenBreaches + offScreen.filter(\.isBreached).map(\.title))
        scene.view = config.board.view
        scene.handlerGrid = handlerGrid(board: board, now: now)
        return scene
    }

    /// Page size from the config; the turn counts `page_seconds` periods of the monotonic clock.
    func paging(_ now: MonotonicSeconds) -> PagingScene {
        let seconds = max(1, config.board.pageSeconds)
        let turn = now.isFinite ? Int(min(1e15, (max(0, now) / seconds).rounded(.down))) : 0
        return PagingScene(size: config.board.pageSize, turn: turn)
    }

    static func phase(_ now: MonotonicSeconds) -> Double {
        guard now.isFinite else { return 0 }
        let cycles = now / pulsePeriod
        return cycles - cycles.rounded(.down)
    }

    func title(_ board: BoardState) -> String {
        config.board.title ?? board.floorName ?? "CONTROL ROOM"
    }

    /// Queues the feed reports that `ids` (the display order) leaves out, in the order first seen.
    func unlisted(_ board: BoardState, _ ids: [String]) -> [String] {
        // Without `[board] queues` the display order is the feed's own: nothing is left out.
        if ids == board.firstSeen { return [] }
        let listed = Set(ids)
        return board.firstSeen.filter { !listed.contains($0) }
    }

    func tile(
        _ id: String, board: BoardState, alarms: BoardAlarms, now: MonotonicSeconds, stale: Bool,
        acknowledged: Acknowledgement? = nil
    ) -> TileScene {
        var memo = TileMemo(id: id)
        return tile(id, board: board, alarms: alarms, now: now, stale: stale, acknowledged: acknowledged, memo: &memo)
    }

    func tile(
        _ id: String, board: BoardState, alarms: BoardAlarms, now: MonotonicSeconds, stale: Bool,
        acknowledged: Acknowledgement?, memo: inout TileMemo
    ) -> TileScene {
        let queueConfig = memo.queueConfig { config.queue(id) }
        guard let state = board.queues[id] else {
            return TileScene(
                id: id, title: queueConfig.label ?? id, level: .normal, waiting: FigureFormat.unknown,
                longestWait: FigureFormat.unknown, figures: smallFigures(nil, queueConfig, QueueAlarm.normal),
                stale: "NO DATA", sparkline: Array(repeating: nil, count: QueueHistory.minutes))
        }
        // Stale figures stand as they were when the data went stale (never a smaller wait than shown).
        let figures = state.figures(at: now, frozenAt: stale ? board.staleSince(id, at: now) : nil)
        let alarm = stale ? QueueAlarm.normal : alarms.queue(id)
        let name = state.report.name.trimmingSpaces
        let waiting = figures.waiting.map(FigureFormat.countForms) ?? [FigureFormat.unknown]
        let longest = figures.longestWait.map(FigureFormat.durationForms) ?? [FigureFormat.unknown]
        return TileScene(
            id: id, title: queueConfig.label ?? (name.isEmpty ? id : name),
            level: alarm.level,
            waiting: waiting[0], longestWait: longest[0],
            figures: memo.smallFigures(figures, queueConfig, alarm) { smallFigures(figures, queueConfig, alarm) },
            reason: alarm.level == .normal ? nil : alarm.reason,
            stale: stale ? "NO DATA " + FigureFormat.duration(state.age(at: now)) : nil,
            sparkline: memo.sparkline(state.history, at: now),
            waitingOverflow: Array(waiting.dropFirst()), longestWaitOverflow: Array(longest.dropFirst()),
            acknowledged: alarm.level == .normal ? nil : acknowledged?.text)
    }

    /// Service level, abandonment, ASA, available staff (when reported for the queue), then extras.
    func smallFigures(_ f: QueueFigures?, _ q: QueueConfig, _ alarm: QueueAlarm) -> [FigureScene] {
        let target = f?.targetSeconds ?? q.target
        let slLabel = target.map { "SL " + String(Int($0.rounded())) + "s" } ?? "SL"
        let slDirection = q.thresholds[.serviceLevel]?.direction ?? .lowerIsWorse
        let abDirection = q.thresholds[.abandoned]?.direction ?? .higherIsWorse
        var out = [
            FigureScene(
                label: slLabel,
                value: f?.serviceLevel.map { FigureFormat.percent(FigureFormat.shown($0, kind: .percentage, direction: slDirection)) }
                    ?? FigureFormat.unknown,
                level: alarm.level(of: .serviceLevel)),
            FigureScene(
                label: "ABAND",
                value: f?.abandonmentRate.map { FigureFormat.percent(FigureFormat.shown($0, kind: .percentage, direction: abDirection)) }
                    ?? FigureFormat.unknown,
                level: alarm.level(of: .abandoned)),
            FigureScene(
                label: "ASA", forms: f?.averageSpeedOfAnswer.map(FigureFormat.durationForms) ?? [FigureFormat.unknown],
                level: alarm.level(of: .averageSpeedOfAnswer)),
        ]
        if let available = f?.availableStaff {
            out.append(FigureScene(label: "AVAIL", forms: FigureFormat.countForms(available), level: alarm.level(of: .availableStaff)))
        }
        for extra in f?.extras ?? [] {
            out.append(FigureScene(
                label: Metric.extra(extra.name).label, forms: FigureFormat.numberForms(extra.value),
                level: alarm.level(of: .extra(extra.name))))
        }
        return out
    }

    func footer(
        board: BoardState, ids: [String], now: MonotonicSeconds, feed: FeedHealth, freshness: Freshness? = nil,
        offScreen: [TileScene] = []
    ) -> FooterScene {
        var memo = SceneMemo()
        return footer(board: board, ids: ids, now: now, feed: feed, freshness: freshness, offScreen: offScreen, memo: &memo)
    }

    func footer(
        board: BoardState, ids: [String], now: MonotonicSeconds, feed: FeedHealth, freshness: Freshness?,
        offScreen: [TileScene], memo: inout SceneMemo
    ) -> FooterScene {
        let freshness = freshness ?? board.freshness(at: now)
        let silence = FigureFormat.duration(board.silence(at: now))
        let publisher = feed.activePublisher ?? board.lastPublisher
        var parts: [String]
        var warning = false
        if freshness.feedLost {
            parts = ["FEED LOST", "last \(board.lastMessageAt == nil ? "never" : silence + " ago")"]
            warning = true
        } else if board.lastMessageAt == nil {
            parts = ["WAITING FOR FEED \(silence)"]
            warning = true
        } else {
            parts = ["FEED OK", "last " + silence + " ago"]
            // Incident tiles are tiles too: one with NO DATA makes the feed partial like a queue's.
            let staleIncidents = config.incidentOrder(feed: board.incidents.firstSeen).filter { !freshness.currentIncidents.contains($0) }
            let stale = ids.filter { freshness.isStale($0) } + staleIncidents
            if !stale.isEmpty {
                parts[0] = "FEED PARTIAL"
                parts.append("no data: " + stale.joined(separator: ", "))
                warning = true
            }
        }
        if let rejecting = feed.rejecting {
            // Datagrams are arriving and being refused now: said second, in amber, with the reason.
            parts.insert("REJECTED \(feed.rejected): \(rejecting)", at: 1)
            warning = true
        }
        if feed.dropping {
            // More arriving than the board reads: the kernel drops the rest, genuine datagrams among them.
            parts.insert("FLOOD: \(feed.dropped) dropped (receive buffer full)", at: feed.rejecting == nil ? 1 : 2)
            warning = true
        }
        // Queues the feed reports that `[board] queues` leaves off: said, so none is hidden silently.
        let unlisted = unlisted(board, ids)
        if !unlisted.isEmpty {
            let named = unlisted.prefix(3).joined(separator: ", ")
            parts.append("not on board: " + named + (unlisted.count > 3 ? " +\(unlisted.count - 3)" : ""))
        }
        if !offScreen.isEmpty {
            let names = offScreen.map { AlarmSubject(tileID: $0.id).name }
            parts.append("not on any screen: " + names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " +\(names.count - 3)" : ""))
        }
        if let publisher { parts.append(publisher) }
        if let listening = feed.listening, board.lastMessageAt == nil { parts.append(listening) }
        if let missing = feed.missing { parts.append("missing " + String(missing)) }
        if feed.rejected > 0, feed.rejecting == nil { parts.append("rejected \(feed.rejected)") }
        if feed.dropped > 0, !feed.dropping { parts.append("dropped \(feed.dropped)") }
        if feed.failovers > 0 { parts.append("failovers \(feed.failovers)") }
        let periods = ids.compactMap { id in board.queues[id]?.report.period.map { (id, $0) } }
        // One period for all (compared in order, no set of them hashed each frame).
        if let period = periods.first?.1, periods.allSatisfy({ $0.1 == period }) {
            parts.append("counters \(period)")
        } else if !periods.isEmpty {
            parts.append("counters " + periods.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
        return FooterScene(feed: memo.footerText(parts), warning: warning)
    }

    func feedLost(board: BoardState, now: MonotonicSeconds, feed: FeedHealth) -> FeedLostScene {
        let silence = FigureFormat.duration(board.silence(at: now))
        if let rejecting = feed.rejecting {
            // Something is sending, and nothing it sends is accepted: name the cause on the wall.
            let detail = board.lastMessageAt == nil ? "NO VALID DATA SINCE START \(silence)" : "NO VALID DATA FOR \(silence)"
            return FeedLostScene(
                detail: detail, hint: "Datagrams arriving but rejected: \(rejecting) · \(feed.rejected) rejected")
        }
        if let last = feed.activePublisher ?? board.lastPublisher {
            return FeedLostScene(
                detail: "NO DATA FOR \(silence)", hint: "Last publisher \(last) · figures below are NOT current")
        }
        let listening = feed.listening ?? "\(config.feed.group):\(config.feed.port)"
        return FeedLostScene(
            detail: "NO DATA SINCE START \(silence)",
            hint: "Nothing received on \(listening) · check the publisher and the network")
    }
}
