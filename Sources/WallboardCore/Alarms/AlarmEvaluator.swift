/// Evaluates thresholds against the board, remembering what each alarm showed so that hysteresis and
/// dwell can keep a hovering value from flickering (see `Threshold` for the rules).
///
/// Pure apart from that memory: the caller passes `now`. Call it once per displayed frame.
public struct AlarmEvaluator: Sendable {
    struct Key: Sendable {
        var queue: String
        var metric: Metric
    }

    struct Memory: Sendable {
        var shown: AlarmLevel
        /// Since when the deserved level has been continuously better than `shown`.
        var betterSince: MonotonicSeconds?
        /// The reason last written and what it was written from: an alarm standing on the same value
        /// and limit (most frames) reuses the text instead of formatting it again.
        var reason: (value: Double, limit: Double, direction: AlarmDirection, text: String)?
    }

    /// Everything remembered about one queue (or incident grade/area, or the floor), found with one
    /// lookup of its id per frame: built-in metrics by `Metric.slot`, extras by name.
    struct Memories: Sendable {
        var slots = [Memory?](repeating: nil, count: Metric.slotCount)
        var extras: [String: Memory] = [:]
        /// The built-in metrics' thresholds (by position in `Metric.standard`) as last resolved, and
        /// the config and reported target they were resolved from: resolving hashes the config's
        /// dictionaries, so it is done again only when either differs (compared in full each frame).
        var resolved: (config: QueueConfig, target: Double?, thresholds: [Threshold?])?
        /// `WallboardConfig.queue(id)` as resolved from `AlarmEvaluator.queues` (a linear search that
        /// copies the settings: done once, not per frame).
        var queueConfig: QueueConfig?

        /// Set together with `resolved` dropped, so while it stands `resolved` (if any) was resolved
        /// from it: only the reported target needs comparing (`evaluateQueue(_:config:id:into:at:)`).
        mutating func queueConfig(_ id: String, in config: WallboardConfig) -> QueueConfig {
            if let queueConfig { return queueConfig }
            let resolved = config.queue(id)
            queueConfig = resolved
            self.resolved = nil
            return resolved
        }

        var isEmpty: Bool { extras.isEmpty && !slots.contains { $0 != nil } }

        subscript(metric: Metric) -> Memory? {
            get {
                if let slot = metric.slot { return slots[slot] }
                guard case .extra(let name) = metric, !extras.isEmpty else { return nil }
                return extras[name]
            }
            set {
                if let slot = metric.slot {
                    slots[slot] = newValue
                } else if case .extra(let name) = metric, newValue != nil || !extras.isEmpty {
                    extras[name] = newValue
                }
            }
        }

        /// The thresholds of the built-in queue metrics for `config` with the feed's `target`.
        /// `sameConfig`: `config` is known to be the one `resolved` holds (no full compare).
        mutating func thresholds(_ config: QueueConfig, reportedTarget target: Double?, sameConfig: Bool = false) -> [Threshold?] {
            // Read through `resolved?` rather than `if let`: binding would copy the whole tuple each frame.
            if resolved?.target == target, resolved != nil, sameConfig || resolved?.config == config { return resolved!.thresholds }
            let thresholds = Metric.standard.map { config.threshold($0, reportedTarget: target) }
            resolved = (config, target, thresholds)
            return thresholds
        }

        /// Folds one metric into `alarm`: evaluated when it has a threshold and a known value, else its
        /// memory is dropped (a limit or value that comes back starts afresh).
        mutating func evaluate(
            _ metric: Metric, value: Double?, threshold: Threshold?, into alarm: inout QueueAlarm, at now: MonotonicSeconds
        ) {
            guard let threshold, let value else {
                self[metric] = nil
                return
            }
            let m = evaluate(metric, value: value, threshold: threshold, at: now)
            alarm.metrics[metric] = m
            if m.level > alarm.level {
                alarm.level = m.level
                alarm.driver = m
            }
        }

        /// One metric: level with hysteresis, then dwell, then the reason in words.
        mutating func evaluate(_ metric: Metric, value: Double, threshold: Threshold, at now: MonotonicSeconds) -> MetricAlarm {
            if let slot = metric.slot { return Self.evaluate(metric, value: value, threshold: threshold, memory: &slots[slot], at: now) }
            guard case .extra(let name) = metric else { preconditionFailure("a metric without a slot is an extra") }
            return Self.evaluate(metric, value: value, threshold: threshold, memory: &extras[name], at: now)
        }

        /// `memory` is updated where it is stored (no copy out and back per metric per frame).
        static func evaluate(
            _ metric: Metric, value raw: Double, threshold: Threshold, memory: inout Memory?, at now: MonotonicSeconds
        ) -> MetricAlarm {
            let value = FigureFormat.shown(raw, kind: metric.kind, direction: threshold.direction)
            if memory == nil { memory = Memory(shown: .normal) }
            let deserved = threshold.level(for: value, current: memory!.shown)
            if deserved >= memory!.shown {
                // Worse (or the same) shows at once: a breach is never delayed.
                memory!.shown = deserved
                memory!.betterSince = nil
            } else {
                let since = memory!.betterSince ?? now
                if now - since >= threshold.dwell {
                    memory!.shown = deserved
                    memory!.betterSince = nil
                } else {
                    memory!.betterSince = since
                }
            }
            let shown = memory!.shown
            guard shown != .normal, let limit = threshold.limit(for: shown) ?? threshold.limit(for: .red) ?? threshold.amber else {
                return MetricAlarm(metric: metric, level: shown, value: value)
            }
            let direction = threshold.direction
            let reason: String
            if let last = memory!.reason, last.value == value, last.limit == limit, last.direction == direction {
                reason = last.text
            } else {
                reason = Self.reason(metric, value: value, limit: limit, direction: direction)
                memory!.reason = (value, limit, direction, reason)
            }
            return MetricAlarm(metric: metric, level: shown, value: value, limit: limit, reason: reason)
        }

        /// "LONGEST WAIT 0:42 > 0:30", or "LONGEST WAIT 0:27, WAS > 0:30" once the value is back
        /// within the limit (hysteresis or dwell holds the level).
        static func reason(_ metric: Metric, value: Double, limit: Double, direction: AlarmDirection) -> String {
            var text = metric.label
            text.reserveCapacity(text.utf8.count + 24)
            text += " "
            text += FigureFormat.text(value, kind: metric.kind)
            text += direction.isWorse(value, than: limit) ? " " : ", WAS "
            text += direction.sign
            text += " "
            text += FigureFormat.text(limit, kind: metric.kind)
            return text
        }
    }

    private var memory: [String: Memories] = [:]
    /// The configured queues every `Memories.queueConfig` was resolved from.
    private var queues: [QueueConfig] = []
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
        var result = BoardAlarms(queues: Dictionary(minimumCapacity: board.queues.count))
        // Resolved settings stand while the configured queues do (the same array in steady state:
        // compared in O(1)); any other config drops them all.
        if queues != config.queues {
            queues = config.queues
            for id in memory.keys { memory[id]!.queueConfig = nil }
        }
        // By index, reading each state where it is stored (`for (id, state)` copied every QueueState).
        for i in board.queues.indices {
            let id = board.queues.keys[i]
            guard !freshness.isStale(id) else {
                forget(queue: id)
                continue
            }
            var alarm = QueueAlarm()
            let figures = board.queues.values[i].figures(at: now)
            memory[id, default: Memories()].evaluateQueue(figures, config: config, id: id, into: &alarm, at: now)
            result.queues[id] = alarm
        }
        result.incidents = evaluateIncidents(board: board, config: config, at: now, freshness: freshness)
        if let staff = board.currentFloorStaff(freshness), !config.staff.available.isEmpty {
            result.staff = evaluate(
                key: Key(queue: Self.floor, metric: .availableStaff), value: Double(staff.available),
                threshold: config.staff.available, at: now)
        } else if memory[Self.floor] != nil {
            memory[Self.floor] = nil
        }
        return result
    }

    /// Alarms of one queue's figures: the built-in metrics (in tie-breaking order), then the extras.
    public mutating func evaluate(queue id: String, figures: QueueFigures, config: QueueConfig, at now: MonotonicSeconds) -> QueueAlarm {
        var alarm = QueueAlarm()
        memory[id, default: Memories()].evaluateQueue(figures, config: config, id: nil, into: &alarm, at: now)
        return alarm
    }

    /// The worst of `metrics` for `id` (a queue, or incidents): each with its threshold and known value.
    mutating func evaluate(
        id: String, metrics: [Metric], value: (Metric) -> Double?, threshold: (Metric) -> Threshold?, at now: MonotonicSeconds
    ) -> QueueAlarm {
        var alarm = QueueAlarm()
        memory[id, default: Memories()].evaluate(metrics, value: value, threshold: threshold, into: &alarm, at: now)
        return alarm
    }

    /// One metric of one queue: level with hysteresis, then dwell, then the reason in words.
    mutating func evaluate(key: Key, value: Double, threshold: Threshold, at now: MonotonicSeconds) -> MetricAlarm {
        memory[key.queue, default: Memories()].evaluate(key.metric, value: value, threshold: threshold, at: now)
    }

    /// The level currently shown for a queue's metric (for status output and tests).
    public func shownLevel(queue: String, metric: Metric) -> AlarmLevel {
        memory[queue]?[metric]?.shown ?? .normal
    }

    /// This evaluator with its caches (resolved thresholds, reason texts) emptied but every alarm's
    /// level and dwell kept: what it computes next must equal what the cached evaluator computes.
    func withoutCaches() -> AlarmEvaluator {
        var copy = self
        copy.memory = memory.mapValues { memories in
            var plain = memories
            plain.resolved = nil
            plain.queueConfig = nil
            plain.slots = memories.slots.map { $0.map { Memory(shown: $0.shown, betterSince: $0.betterSince) } }
            plain.extras = memories.extras.mapValues { Memory(shown: $0.shown, betterSince: $0.betterSince) }
            return plain
        }
        return copy
    }

    /// Drops the memory of queue `id` (or of incidents `id`: their metrics are their own).
    mutating func forget(queue id: String, incident: Bool = false) {
        guard var memories = memory[id] else { return }
        for metric in incident ? Metric.incident : Metric.standard { memories[metric] = nil }
        if !incident { memories.extras = [:] }
        memory[id] = memories.isEmpty ? nil : memories
    }
}

extension AlarmEvaluator.Memories {
    /// Queue `id`'s metrics with its settings in `config`, resolved once (see `queueConfig`).
    mutating func evaluateQueue(
        _ figures: QueueFigures, config: WallboardConfig, id: String, into alarm: inout QueueAlarm, at now: MonotonicSeconds
    ) {
        evaluateQueue(figures, config: queueConfig(id, in: config), id: id, into: &alarm, at: now)
    }

    /// A queue's metrics, with no closure or temporary array per metric: the thresholds come from
    /// the resolved cache, the values straight from the figures. `id` nil: `config` is any queue's
    /// settings (compared with the resolved ones in full, and the cached `queueConfig` dropped, so
    /// that what `resolved` holds is never mistaken for it); else it is the cached `queueConfig`.
    mutating func evaluateQueue(
        _ figures: QueueFigures, config: QueueConfig, id: String?, into alarm: inout QueueAlarm, at now: MonotonicSeconds
    ) {
        if id == nil { queueConfig = nil }
        let thresholds = thresholds(config, reportedTarget: figures.targetSeconds, sameConfig: id != nil)
        for (metric, threshold) in zip(Metric.standard, thresholds) {
            evaluate(metric, value: figures.value(of: metric), threshold: threshold, into: &alarm, at: now)
        }
        for extra in figures.extras {
            let metric = Metric.extra(extra.name)
            evaluate(
                metric, value: figures.value(of: metric), threshold: config.threshold(metric, reportedTarget: figures.targetSeconds),
                into: &alarm, at: now)
        }
    }

    mutating func evaluate(
        _ metrics: [Metric], value: (Metric) -> Double?, threshold: (Metric) -> Threshold?, into alarm: inout QueueAlarm,
        at now: MonotonicSeconds
    ) {
        for metric in metrics { evaluate(metric, value: value(metric), threshold: threshold(metric), into: &alarm, at: now) }
    }
}
