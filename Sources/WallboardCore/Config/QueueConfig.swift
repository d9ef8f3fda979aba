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
    public init(id: String, label: String? = nil, order: Int? = nil, target: Double? = nil, thresholds: [Metric: Threshold] = [:]) {
        self.id = id
        self.label = label
        self.order = order
        self.target = target
        self.thresholds = thresholds
    }

    /// This queue with every limit in force written out: a longest wait that follows the target
    /// (see `threshold(_:reportedTarget:)`) is filled in, so listings show what the alarms use.
    public func resolved(reportedTarget: Double?) -> QueueConfig {
        var queue = self
        for metric in [Metric.longestWait, .oldestUnresourced] where queue.thresholds[metric] == nil {
            queue.thresholds[metric] = threshold(metric, reportedTarget: reportedTarget)
        }
        return queue
    }

    /// The threshold for `metric`, or nil when it has no amber or red limit. A longest wait with
    /// nothing configured (and no built-in limits) follows the target: this section's `target`, else
    /// `reportedTarget`, the one the feed sends (`AlarmDefaults.longestWait(target:)`).
    public func threshold(_ metric: Metric, reportedTarget: Double? = nil) -> Threshold? {
        guard let t = thresholds[metric] else {
            switch metric {
            case .longestWait: return AlarmDefaults.longestWait(target: target ?? reportedTarget)
            case .oldestUnresourced: return AlarmDefaults.oldestUnresourced(target: target ?? reportedTarget)
            default: return nil
            }
        }
        return t.isEmpty ? nil : t
    }
}
