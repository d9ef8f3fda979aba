/// Incident alarms: the same rules as a queue's (limits, hysteresis, dwell, reasons in words), on
/// the incident metrics (`Metric.incident`), with limits from `[incident "GRADE/AREA"]` or derived
/// from the attendance target.
extension AlarmEvaluator {
    /// Alarms of every current grade/area; stale ones are not evaluated and their memory is dropped.
    mutating func evaluateIncidents(
        board: BoardState, config: WallboardConfig, at now: MonotonicSeconds, freshness: Freshness
    ) -> [String: QueueAlarm] {
        var result: [String: QueueAlarm] = [:]
        for (id, state) in board.incidents.states {
            guard freshness.currentIncidents.contains(id) else {
                forget(queue: id, incident: true)
                continue
            }
            result[id] = evaluate(incident: id, figures: state.figures(at: now), config: config.incident(id), at: now)
        }
        return result
    }

    /// Alarms of one grade/area's figures.
    public mutating func evaluate(incident id: String, figures: IncidentFigures, config: QueueConfig, at now: MonotonicSeconds) -> QueueAlarm {
        evaluate(
            id: id, metrics: Metric.incident, value: figures.value(of:),
            threshold: { config.threshold($0, reportedTarget: figures.targetSeconds) }, at: now)
    }
}
