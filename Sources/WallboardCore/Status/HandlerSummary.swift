extension BoardSummary {
    /// The handler grid (`A` records) in a few figures: how many handlers are in each state, and
    /// who has been on break or not ready longest, with the `[staff] not_ready` alarm it earns.
    public struct Handlers: Codable, Sendable, Equatable {
        /// Current handlers by state word as the feed sends it ("available", "break", …).
        public var states: [String: Int]
        /// Handlers on the grid whose data is stale (greyed, time frozen): counted apart, never
        /// in a state they may have left.
        public var stale: Int
        /// Current handlers past `not_ready.amber` or `.red`.
        public var alarmed: Int
        /// The current handler on break or not ready the longest; nil when none (or no time sent).
        public var longestNotReady: NotReady?

        public struct NotReady: Codable, Sendable, Equatable {
            public var id: String
            public var name: String
            /// "break" or "notready".
            public var state: String
            public var reason: String?
            public var seconds: Double
            public var level: QueueState
        }
    }

    /// The handlers the board knows at `now`; nil when the feed sends none.
    static func handlers(config: WallboardConfig, board: BoardState, at now: MonotonicSeconds) -> Handlers? {
        let entries = board.handlers.listed(at: now)
        guard !entries.isEmpty else { return nil }
        var summary = Handlers(states: [:], stale: 0, alarmed: 0)
        for entry in entries {
            guard board.staleSince(entry, at: now) == nil else {
                summary.stale += 1
                continue
            }
            let state = entry.report.state
            summary.states[state.word, default: 0] += 1
            guard state.isNotReady, let seconds = entry.timeInState(at: now) else { continue }
            let level = config.staff.notReadyLevel(state, seconds)
            if level != .normal { summary.alarmed += 1 }
            if seconds > summary.longestNotReady?.seconds ?? -1 {
                summary.longestNotReady = Handlers.NotReady(
                    id: entry.report.id, name: entry.report.name, state: state.word, reason: entry.report.reason,
                    seconds: seconds, level: QueueState(level))
            }
        }
        return summary
    }
}
