/// One `[queue "ID"]` section: how a queue is labelled, ordered and alarmed. An
/// `[incident "GRADE/AREA"]` section has the same shape (its metrics are `Metric.incident`).
public struct QueueConfig: Sendable, Equatable {
    /// The queue id the feed uses ("999").
    public var id: String
    /// Tile title; nil = the name the publisher sends, else the id.
    public var label: String?
    /// Position on the board (lower first); nil = after the ordered ones, in file order.
    public var order: Int?
    /// Service-level target in seconds, used for the "SL 10s" label when the publisher sends none.
    public var target: Double?
    public var thresholds: [Metric: Threshold]
    /// Target-derived metrics whose entry in `thresholds` tunes only how the alarm moves (dwell,
    /// hysteresis, direction) while the limits still follow the target: no `amber`/`red` was
    /// written and there are no built-in ones. Set by the parser, the one judge of what was written.
    public var limitsFollowTarget: Set<Metric> = []
    /// The night profile's thresholds (`METRIC.amber@night`), for the metrics that have one: the
    /// day threshold with the night's amber/red (see `ThresholdProfile`).
    public var nightThresholds: [Metric: Threshold] = [:]
    public init(id: String, label: String? = nil, order: Int? = nil, target: Double? = nil, thresholds: [Metric: Threshold] = [:]) {
        self.id = id
        self.label = label
        self.order = order
        self.target = target
        self.thresholds = thresholds
    }

    /// This queue with every limit in force written out: a longest wait (or oldest unresourced)
    /// that follows the target (see `threshold(_:reportedTarget:)`) is filled in, so listings show
    /// what the alarms use. `metrics`: the section's own (a queue's by default), so a queue's
    /// listing never carries an incident's `oldest.*` lines its section would refuse.
    public func resolved(reportedTarget: Double?, metrics: [Metric] = Metric.standard) -> QueueConfig {
        var queue = self
        for metric in AlarmDefaults.targetDerived
        where metrics.contains(metric) && (queue.thresholds[metric] == nil || limitsFollowTarget.contains(metric)) {
            queue.thresholds[metric] = threshold(metric, reportedTarget: reportedTarget)
        }
        queue.limitsFollowTarget = []
        return queue
    }

    /// The threshold for `metric`, or nil when it has no amber or red limit. A longest wait (an
    /// oldest unresourced incident) with no limits configured and no built-in ones follows the
    /// target: this section's `target`, else `reportedTarget`, the one the feed sends
    /// (`AlarmDefaults.fromTarget`), with whatever dwell or hysteresis the section gives it.
    public func threshold(_ metric: Metric, reportedTarget: Double? = nil) -> Threshold? {
        if thresholds[metric] == nil || limitsFollowTarget.contains(metric),
            let derived = AlarmDefaults.fromTarget(metric, target: target ?? reportedTarget)
        {
            guard var tuned = thresholds[metric] else { return derived }
            tuned.amber = derived.amber
            tuned.red = derived.red
            return tuned
        }
        guard let t = thresholds[metric] else { return nil }
        return t.isEmpty ? nil : t
    }
}
