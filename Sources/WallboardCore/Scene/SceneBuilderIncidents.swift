/// Incident tiles (`I` records): one per grade and area, drawn as tiles like the queues', so they
/// page, pin when in breach, and go stale by the same rules. The two big figures are the
/// unresourced incidents and the age of the oldest of them, ticking against the attendance target.
extension SceneBuilder {
    /// Tile ids are `AlarmSubject`'s, so no queue id can take an incident's place on a page.
    public static func incidentTileID(_ id: String) -> String { AlarmSubject.incident(id).tileID }

    func incidentTiles(
        board: BoardState, alarms: BoardAlarms, now: MonotonicSeconds, freshness: Freshness,
        acknowledgements: [AlarmSubject: Acknowledgement] = [:]
    ) -> [TileScene] {
        config.incidentOrder(feed: board.incidents.firstSeen).map { id in
            incidentTile(
                id, board: board, alarms: alarms, now: now, stale: !freshness.currentIncidents.contains(id),
                acknowledged: acknowledgements[.incident(id)])
        }
    }

    func incidentTile(
        _ id: String, board: BoardState, alarms: BoardAlarms, now: MonotonicSeconds, stale: Bool, acknowledged: Acknowledgement? = nil
    ) -> TileScene {
        let section = config.incident(id)
        let unknown = [FigureFormat.unknown]
        guard let state = board.incidents.states[id] else {
            return TileScene(
                id: Self.incidentTileID(id), title: section.label ?? Self.incidentTitle(id), level: .normal,
                waiting: FigureFormat.unknown, longestWait: FigureFormat.unknown,
                figures: incidentFigures(nil, section), stale: "NO DATA",
                waitingLabel: Self.unresourcedLabel, longestWaitLabel: Self.oldestLabel)
        }
        let figures = state.figures(at: now, frozenAt: stale ? board.incidentStaleSince(id, at: now) : nil)
        let alarm = stale ? QueueAlarm.normal : alarms.incident(id)
        let unresourced = FigureFormat.countForms(figures.unresourced)
        let oldest = figures.unresourced > 0 ? FigureFormat.durationForms(figures.oldestUnresourced) : unknown
        let name = state.report.name?.trimmingSpaces ?? ""
        return TileScene(
            id: Self.incidentTileID(id), title: section.label ?? (name.isEmpty ? Self.incidentTitle(id) : name),
            level: alarm.level, waiting: unresourced[0], longestWait: oldest[0],
            figures: incidentFigures(figures, section),
            reason: alarm.level == .normal ? nil : alarm.reason,
            stale: stale ? "NO DATA \(FigureFormat.duration(state.age(at: now)))" : nil,
            waitingOverflow: Array(unresourced.dropFirst()), longestWaitOverflow: Array(oldest.dropFirst()),
            waitingLabel: Self.unresourcedLabel, longestWaitLabel: Self.oldestLabel,
            acknowledged: alarm.level == .normal ? nil : acknowledged?.text)
    }

    static let unresourcedLabel = Metric.unresourced.label
    static let oldestLabel = Metric.oldestUnresourced.label

    /// "IMMEDIATE URBAN" from "immediate/urban".
    static func incidentTitle(_ id: String) -> String {
        id.split(separator: "/").map { String($0).replacingUnderscores.uppercased() }.joined(separator: " ")
    }

    /// Open incidents, the target the oldest one ticks against, and the share attended within it.
    func incidentFigures(_ f: IncidentFigures?, _ section: QueueConfig) -> [FigureScene] {
        let target = f?.targetSeconds ?? section.target
        return [
            FigureScene(label: "OPEN", forms: f.map { FigureFormat.countForms($0.open) } ?? [FigureFormat.unknown]),
            FigureScene(label: "TARGET", forms: target.map(FigureFormat.durationForms) ?? [FigureFormat.unknown]),
            FigureScene(
                label: "IN TARGET",
                // Rounded toward the worse side, like a service level.
                value: f?.withinTargetRate.map { FigureFormat.percent(FigureFormat.shown($0, kind: .percentage, direction: .lowerIsWorse)) }
                    ?? FigureFormat.unknown),
        ]
    }
}
