import WallboardCore

/// A supervisor's `threshold set`, checked against the metric's unit and direction before anything
/// is applied or written. Pure.
struct ThresholdChange: Equatable {
    var queue: String
    var metric: Metric
    var old: Threshold?
    var new: Threshold

    enum Problem: Error, CustomStringConvertible, Equatable {
        case missing(String)
        case unknownQueue(String, known: [String])
        case unknownMetric(String)
        case badValue(level: String, text: String, metric: Metric)
        case outOfRange(level: String, text: String, metric: Metric, range: String)
        case wrongOrder(Metric, amber: String, red: String, higherIsWorse: Bool)

        var description: String {
            switch self {
            case .missing(let what): return "threshold set needs \(what)"
            case .unknownQueue(let id, let known):
                return "unknown queue '\(id)' (known: \(known.isEmpty ? "none yet: no config entry and nothing from the feed" : known.joined(separator: ", ")))"
            case .unknownMetric(let key):
                return "unknown metric '\(key)' (known: \(Metric.standard.map(\.key).joined(separator: ", ")), extra.NAME)"
            case .badValue(let level, let text, let metric):
                return "\(level)=\(text) is not a value for \(metric.key): expected \(ThresholdChange.example(metric.kind))"
            case .outOfRange(let level, let text, let metric, let range):
                return "\(level)=\(text) is out of range for \(metric.key): \(range)"
            case .wrongOrder(let metric, let amber, let red, let higher):
                return higher
                    ? "amber (\(amber)) must be below red (\(red)) for \(metric.key): higher values are worse"
                    : "amber (\(amber)) must be above red (\(red)) for \(metric.key): lower values are worse"
            }
        }
    }

    static func example(_ kind: MetricKind) -> String {
        switch kind {
        case .count: return "a whole number like 5"
        case .duration: return "a duration like 20s, 2m or 1m30s"
        case .percentage: return "a percentage like 90%"
        case .number: return "a number like 3 or 2.5"
        }
    }

    /// Validates the request against the config in force and the queues the board knows.
    init(queue: String?, metric: String?, amber: String?, red: String?, config: WallboardConfig, knownQueues: [String]) throws(Problem) {
        guard let queue, !queue.isEmpty else { throw .missing("a QUEUE") }
        guard let metricKey = metric, !metricKey.isEmpty else { throw .missing("a METRIC") }
        guard amber != nil || red != nil else { throw .missing("amber=VALUE and/or red=VALUE") }
        guard knownQueues.contains(queue) else { throw .unknownQueue(queue, known: knownQueues) }
        guard let metric = Metric(key: metricKey) else { throw .unknownMetric(metricKey) }
        let existing = config.queue(queue).threshold(metric)
        var new = existing ?? AlarmDefaults.threshold(metric, amber: nil, red: nil)
        if let amber { new.amber = try ThresholdChange.value(amber, level: "amber", metric: metric) }
        if let red { new.red = try ThresholdChange.value(red, level: "red", metric: metric) }
        if let a = new.amber, let r = new.red {
            let higher = new.direction == .higherIsWorse
            if higher ? a >= r : a <= r {
                throw .wrongOrder(
                    metric, amber: ConfigValue.format(a, as: metric.kind), red: ConfigValue.format(r, as: metric.kind),
                    higherIsWorse: higher)
            }
        }
        self.queue = queue
        self.metric = metric
        old = existing
        self.new = new
    }

    private static func value(_ text: String, level: String, metric: Metric) throws(Problem) -> Double {
        guard let value = ConfigValue.parse(text, as: metric.kind) else {
            // A percentage over 100 parses as a number: say "out of range", not "not a value".
            if metric.kind == .percentage, text.hasSuffix("%"), Double(text.dropLast()) != nil {
                throw .outOfRange(level: level, text: text, metric: metric, range: "0% to 100%")
            }
            throw .badValue(level: level, text: text, metric: metric)
        }
        switch metric.kind {
        case .duration where value <= 0 || value > 86_400:
            throw .outOfRange(level: level, text: text, metric: metric, range: "more than 0s and at most 24h")
        case .count where value > 10_000:
            throw .outOfRange(level: level, text: text, metric: metric, range: "0 to 10000")
        default: return value
        }
    }

    /// "999 longest_wait: amber 10s → 15s, red 20s → 30s".
    var summary: String {
        func show(_ v: Double?) -> String { v.map { ConfigValue.format($0, as: metric.kind) } ?? "none" }
        var parts: [String] = []
        if old?.amber != new.amber { parts.append("amber \(show(old?.amber)) → \(show(new.amber))") }
        if old?.red != new.red { parts.append("red \(show(old?.red)) → \(show(new.red))") }
        if parts.isEmpty { parts.append("unchanged (amber \(show(new.amber)), red \(show(new.red)))") }
        return "\(queue) \(metric.key): " + parts.joined(separator: ", ")
    }
}
