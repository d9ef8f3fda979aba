/// Evaluates thresholds against the board, remembering what each alarm showed so that hysteresis and
/// dwell can keep a hovering value from flickering (see `Threshold` for the rules).
///
/// Pure apart from that memory: the caller passes `now`. Call it once per displayed frame.
public struct AlarmEvaluator: Sendable {
    struct Key: Hashable, Sendable {
        var queue: String
        var metric: Metric
    }

    struct Memory: Sendable {
        var shown: AlarmLevel
        /// Since when the deserved level has been continuously better than `shown`.
        var betterSince: MonotonicSeconds?
    }

    private var memory: [Key: Memory] = [:]
    /// Key used for the floor-wide staff alarm (a queue id can never be empty).
    static let floor = ""

    public init() {}

    /// Alarms for every queue the board knows, plus floor staff. Stale queues are not evaluated
    /// (their tiles show NO DATA instead) and their memory is dropped.
    /// `freshness` is the board's staleness as decided on the tick (nil: decide it now).
    public mutating func evaluate(
        board: BoardState, config: WallboardConfig, at now: MonotonicSeconds, freshness: Freshness? = nil
    ) -> BoardAlarms {
        let freshness = freshness ?? board.freshness(at: now)
        var result = BoardAlarms()
        for (id, state) in board.queues {
            guard !freshness.isStale(id) else {
                forget(queue: id)
                continue
            }
            result.queues[id] = evaluate(queue: id, figures: state.figures(at: now), config: config.queue(id), at: now)
        }
        result.incidents = evaluateIncidents(board: board, config: config, at: now, freshness: freshness)
        if let staff = board.currentFloorStaff(freshness), !config.staff.available.isEmpty {
            result.staff = evaluate(
                key: Key(queue: Self.floor, metric: .availableStaff), value: Double(staff.available),
                threshold: config.staff.available, at: now)
        } else {
            memory[Key(queue: Self.floor, metric: .availableStaff)] = nil
        }
        return result
    }

    /// Alarms of one queue's figures.
    public mutating func evaluate(queue id: String, figures: QueueFigures, config: QueueConfig, at now: MonotonicSeconds) -> QueueAlarm {
        evaluate(
            id: id, metrics: Metric.standard + figures.extras.map { Metric.extra($0.name) }, value: figures.value(of:),
            threshold: { config.threshold($0, reportedTarget: figures.targetSeconds) }, at: now)
    }

    /// The worst of `metrics` for `id` (a queue, or incidents): each with its threshold and known value.
    mutating func evaluate(
        id: String, metrics: [Metric], value: (Metric) -> Double?, threshold: (Metric) -> Threshold?, at now: MonotonicSeconds
    ) -> QueueAlarm {
        var alarm = QueueAlarm()
        for metric in metrics {
            let key = Key(queue: id, metric: metric)
            guard let threshold = threshold(metric), let value = value(metric) else {
                memory[key] = nil
                continue
            }
            let m = evaluate(key: key, value: value, threshold: threshold, at: now)
            alarm.metrics[metric] = m
            if m.level > alarm.level {
                alarm.level = m.level
                alarm.driver = m
            }
        }
        return alarm
    }

    /// One metric: level with hysteresis, then dwell, then the reason in words.
    mutating func evaluate(key: Key, value raw: Double, threshold: Threshold, at now: MonotonicSeconds) -> MetricAlarm {
        let metric = key.metric
        let value = FigureFormat.shown(raw, kind: metric.kind, direction: threshold.direction)
        var m = memory[key] ?? Memory(shown: .normal)
        let deserved = threshold.level(for: value, current: m.shown)
        if deserved >= m.shown {
            // Worse (or the same) shows at once: a breach is never delayed.
            m.shown = deserved
            m.betterSince = nil
        } else {
            let since = m.betterSince ?? now
            if now - since >= threshold.dwell {
                m.shown = deserved
                m.betterSince = nil
            } else {
                m.betterSince = since
            }
        }
        memory[key] = m
        guard m.shown != .normal, let limit = threshold.limit(for: m.shown) ?? threshold.limit(for: .red) ?? threshold.amber else {
            return MetricAlarm(metric: metric, level: m.shown, value: value)
        }
        let valueText = FigureFormat.text(value, kind: metric.kind)
        let limitText = FigureFormat.text(limit, kind: metric.kind)
        let sign = threshold.direction.sign
        let reason = threshold.direction.isWorse(value, than: limit)
            ? "\(metric.label) \(valueText) \(sign) \(limitText)"
            : "\(metric.label) \(valueText), WAS \(sign) \(limitText)"
        return MetricAlarm(metric: metric, level: m.shown, value: value, limit: limit, reason: reason)
    }

    /// The level currently shown for a queue's metric (for status output and tests).
    public func shownLevel(queue: String, metric: Metric) -> AlarmLevel {
        memory[Key(queue: queue, metric: metric)]?.shown ?? .normal
    }

    /// Drops the memory of queue `id` (or of incidents `id`: their metrics are their own).
    mutating func forget(queue id: String, incident: Bool = false) {
        memory = memory.filter { $0.key.queue != id || Metric.incident.contains($0.key.metric) != incident }
    }
}
