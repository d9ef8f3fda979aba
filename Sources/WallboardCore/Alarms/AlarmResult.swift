/// The alarm state of one metric of one queue.
public struct MetricAlarm: Sendable, Equatable {
    public var metric: Metric
    public var level: AlarmLevel
    /// The value as shown on the board (quantised, see `FigureFormat.shown`).
    public var value: Double
    /// The limit of `level` (nil when normal).
    public var limit: Double?
    /// Why, in words: "LONGEST WAIT 0:42 > 0:30", or "LONGEST WAIT 0:27, WAS > 0:30" while hysteresis
    /// or dwell holds a level the value has already left. Nil when normal.
    public var reason: String?

    public init(metric: Metric, level: AlarmLevel, value: Double, limit: Double? = nil, reason: String? = nil) {
        self.metric = metric
        self.level = level
        self.value = value
        self.limit = limit
        self.reason = reason
    }
}

/// The alarm state of one queue: its worst level and which metric drives it.
public struct QueueAlarm: Sendable, Equatable {
    public var level: AlarmLevel
    /// The metric responsible for `level` (nil when normal). On a tie, the earlier metric in
    /// `Metric.standard` wins, then extras in the publisher's order.
    public var driver: MetricAlarm?
    /// Every metric that has thresholds and a known value.
    public var metrics: MetricAlarms

    public init(level: AlarmLevel = .normal, driver: MetricAlarm? = nil, metrics: MetricAlarms = [:]) {
        self.level = level
        self.driver = driver
        self.metrics = metrics
    }

    public static let normal = QueueAlarm()

    public var reason: String? { driver?.reason }
    public func level(of metric: Metric) -> AlarmLevel { metrics[metric]?.level ?? .normal }
}

/// A queue's metric alarms by metric, like a dictionary. A queue has a handful: searching them in
/// order is cheaper than hashing the metric for every insert and every tile's lookups.
public struct MetricAlarms: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var entries: [(metric: Metric, alarm: MetricAlarm)] = []

    public init(dictionaryLiteral elements: (Metric, MetricAlarm)...) {
        for (metric, alarm) in elements { self[metric] = alarm }
    }

    public subscript(metric: Metric) -> MetricAlarm? {
        get { entries.first { $0.metric == metric }?.alarm }
        set {
            let i = entries.firstIndex { $0.metric == metric }
            switch (i, newValue) {
            case let (i?, alarm?): entries[i].alarm = alarm
            case let (i?, nil): entries.remove(at: i)
            case let (nil, alarm?):
                if entries.isEmpty { entries.reserveCapacity(Metric.standard.count) }  // one allocation per queue
                entries.append((metric, alarm))
            case (nil, nil): break
            }
        }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// The metrics' alarms in the order they were evaluated.
    public var values: [MetricAlarm] { entries.map(\.alarm) }

    /// Equal when they hold the same alarms by metric, whatever the order (as a dictionary).
    public static func == (a: MetricAlarms, b: MetricAlarms) -> Bool {
        a.count == b.count && a.entries.allSatisfy { b[$0.metric] == $0.alarm }
    }
}

/// The evaluated alarms of the whole board.
public struct BoardAlarms: Sendable, Equatable {
    public var queues: [String: QueueAlarm]
    /// Floor-wide available staff, when known and limited.
    public var staff: MetricAlarm?
    /// Incidents by grade/area id ("immediate/urban"), current ones only.
    public var incidents: [String: QueueAlarm]

    public init(queues: [String: QueueAlarm] = [:], staff: MetricAlarm? = nil, incidents: [String: QueueAlarm] = [:]) {
        self.queues = queues
        self.staff = staff
        self.incidents = incidents
    }

    public func queue(_ id: String) -> QueueAlarm { queues[id] ?? .normal }
    public func incident(_ id: String) -> QueueAlarm { incidents[id] ?? .normal }

    /// The worst level anywhere on the board.
    public var worst: AlarmLevel {
        max(queues.values.map(\.level).max() ?? .normal, staff?.level ?? .normal, incidents.values.map(\.level).max() ?? .normal)
    }
}
