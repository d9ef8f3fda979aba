extension BoardSummary {
    /// An incident tile as the wall shows it: the `Queue` facts for a grade and area.
    public struct Incident: Codable, Sendable, Equatable {
        /// "immediate/urban", the name `wallboardctl ack` and `threshold set` take.
        public var id: String
        public var grade: String
        public var area: String
        public var state: QueueState
        /// Why it is amber or red, as on the tile ("OLDEST UNRESOURCED 16:40 > 15:00"); nil when ok or stale.
        public var reason: String?
        /// Open incidents, those with no unit, and the age of the oldest of those in seconds (0 when
        /// none); nil when stale or never reported, so a frozen figure is never reported as current.
        public var open: Int?
        public var unresourced: Int?
        public var oldestUnresourcedSeconds: Double?
        /// Who acknowledged its alarm, and at what local time ("14:02"); nil when not acknowledged.
        public var acknowledgedBy: String?
        public var acknowledgedAt: String?

        public init(
            id: String, state: QueueState, reason: String? = nil, open: Int? = nil, unresourced: Int? = nil,
            oldestUnresourcedSeconds: Double? = nil, acknowledgedBy: String? = nil, acknowledgedAt: String? = nil
        ) {
            self.id = id
            let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
            grade = parts.first ?? id
            area = parts.count > 1 ? parts[1] : ""
            self.state = state
            self.reason = reason
            self.open = open
            self.unresourced = unresourced
            self.oldestUnresourcedSeconds = oldestUnresourcedSeconds
            self.acknowledgedBy = acknowledgedBy
            self.acknowledgedAt = acknowledgedAt
        }
    }

    /// Every incident tile, in the wall's order, with the alarms of the last scene.
    static func incidents(
        config: WallboardConfig, board: BoardState, alarms: BoardAlarms, freshness: Freshness, at now: MonotonicSeconds,
        acknowledgements: [AlarmSubject: Acknowledgement]
    ) -> [Incident] {
        config.incidentOrder(feed: board.incidents.firstSeen).map { id in
            guard freshness.currentIncidents.contains(id), let state = board.incidents.states[id] else {
                return Incident(id: id, state: .stale)
            }
            let figures = state.figures(at: now)
            let alarm = alarms.incident(id)
            let ack = alarm.level == .normal ? nil : acknowledgements[.incident(id)]
            return Incident(
                id: id, state: QueueState(alarm.level), reason: alarm.level == .normal ? nil : alarm.reason, open: figures.open,
                unresourced: figures.unresourced, oldestUnresourcedSeconds: figures.oldestUnresourced,
                acknowledgedBy: ack?.by, acknowledgedAt: ack?.clock)
        }
    }
}

extension BoardSummary.QueueState {
    /// The word for an alarm level on a current tile.
    init(_ level: AlarmLevel) {
        switch level {
        case .normal: self = .ok
        case .amber: self = .warning
        case .red: self = .breach
        }
    }
}
