/// The handler grid's scene: every handler still on the board, its time in state ticking, stale
/// ones greyed with their time frozen, and the not-ready alarm from `[staff] not_ready.amber/.red`.
extension SceneBuilder {
    func handlerGrid(board: BoardState, now: MonotonicSeconds) -> HandlerGridScene? {
        guard config.board.view.showsHandlers else { return nil }
        let entries = board.handlers.listed(at: now)
        let names = HandlerNames.forms(for: entries.map(\.report))
        var alarmed = 0
        let cells = zip(entries, names).map { entry, nameForms in
            let frozen = board.staleSince(entry, at: now)
            let time = entry.timeInState(at: now, frozenAt: frozen)
            let level = frozen == nil ? notReadyLevel(entry.report.state, time) : .normal
            if level != .normal { alarmed += 1 }
            return HandlerCellScene(
                id: entry.report.id, nameForms: nameForms, state: entry.report.state,
                stateWord: entry.report.state.displayWord,
                time: time.map(FigureFormat.durationForms) ?? [FigureFormat.unknown],
                reason: entry.report.reason.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces },
                level: level, stale: frozen == nil ? nil : "NO DATA")
        }
        return HandlerGridScene(cells: cells, alarmed: alarmed)
    }

    /// Amber or red when a handler has been on break or not ready past the configured limit.
    func notReadyLevel(_ state: HandlerState, _ seconds: Double?) -> AlarmLevel {
        config.staff.notReadyLevel(state, seconds)
    }
}
