/// Thresholds used when the config file says nothing, chosen to fit UK police contact-handling practice:
/// - 999: the national standard is 90% of calls answered within 10 seconds of BT connecting them,
///   so service level is red below 90% and amber below 95%; a single caller waiting past 10 s is
///   amber, past 20 s red.
/// - 101: forces set local targets; 30 s is common. Service level amber below 85%, red below 80%;
///   longest wait amber past 30 s, red past 2 min.
/// - Any other queue (crime recording, online reports, ...) takes its longest-wait limits from its
///   service-level target, the shape of the 999 and 101 limits: amber once a caller has waited
///   longer than the target, red past twice the target (a desk with a 30-minute target is not in
///   breach at 10 minutes). The target is the `[queue]` section's `target`, else the one the feed
///   reports. With no target at all: amber past 2 min, red past 5 min. No service-level alarm
///   until one is configured.
/// Every value is overridable per queue in the config file.
public enum AlarmDefaults {
    /// Default minimum dwell, seconds.
    public static let dwell: Double = 10

    /// Default hysteresis per metric, in the metric's unit: small enough to be honest, large enough
    /// to stop one call or one second of jitter from flipping a tile.
    public static func hysteresis(for metric: Metric) -> Double {
        switch metric {
        case .waiting, .availableStaff, .unresourced: return 1
        case .longestWait, .averageSpeedOfAnswer, .oldestUnresourced: return 2
        case .abandoned, .serviceLevel: return 1
        case .extra: return 0
        }
    }

    /// A threshold with the metric's default direction, hysteresis and dwell.
    public static func threshold(_ metric: Metric, amber: Double?, red: Double?) -> Threshold {
        Threshold(
            amber: amber, red: red, direction: metric.defaultDirection,
            hysteresis: hysteresis(for: metric), dwell: dwell)
    }

    /// The built-in queue settings for `id` ("999", "101" or anything else).
    public static func queue(_ id: String) -> QueueConfig {
        switch id {
        case "999": return emergency
        case "101": return nonEmergency
        default: return QueueConfig(id: id)  // longest wait: derived from the target when read (see `longestWait(target:)`)
        }
    }

    /// Built once, not per lookup: the alarms and the scene ask for a queue's settings every frame.
    static let emergency = ukQueue("999", target: 10, serviceLevel: (95, 90), longestWait: (10, 20), abandoned: (2, 5), asa: (6, 10))
    static let nonEmergency = ukQueue("101", target: 30, serviceLevel: (85, 80), longestWait: (30, 120), abandoned: (10, 20), asa: (20, 30))

    /// A built-in queue: its target, and each metric's (amber, red) limits.
    static func ukQueue(
        _ id: String, target: Double, serviceLevel: (Double, Double), longestWait: (Double, Double),
        abandoned: (Double, Double), asa: (Double, Double)
    ) -> QueueConfig {
        var queue = QueueConfig(id: id)
        queue.target = target
        queue.thresholds = [
            .serviceLevel: threshold(.serviceLevel, amber: serviceLevel.0, red: serviceLevel.1),
            .longestWait: threshold(.longestWait, amber: longestWait.0, red: longestWait.1),
            .abandoned: threshold(.abandoned, amber: abandoned.0, red: abandoned.1),
            .averageSpeedOfAnswer: threshold(.averageSpeedOfAnswer, amber: asa.0, red: asa.1),
        ]
        return queue
    }

    /// Oldest-unresourced limits for incidents with none configured, from the attendance target
    /// (the `[incident]` section's `target`, else the one the feed sends): amber once the oldest
    /// unresourced incident has waited half its target (a unit sent then can still make it), red
    /// past the target (it has missed it). No target known: the common immediate-urban 15 min.
    public static func oldestUnresourced(target: Double?) -> Threshold {
        let t = target.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? incidentTarget
        return threshold(.oldestUnresourced, amber: t / 2, red: t)
    }

    /// The metrics whose limits follow the target when none are configured or built in.
    public static let targetDerived: [Metric] = [.longestWait, .oldestUnresourced]

    /// The limits `metric` takes from `target` (nil: `metric` does not follow a target).
    public static func fromTarget(_ metric: Metric, target: Double?) -> Threshold? {
        switch metric {
        case .longestWait: longestWait(target: target)
        case .oldestUnresourced: oldestUnresourced(target: target)
        default: nil
        }
    }

    /// The attendance target assumed when neither the config nor the feed gives one, seconds.
    public static let incidentTarget: Double = 15 * 60

    /// Longest-wait limits for a queue with no built-in or configured ones: amber past `target`,
    /// red past twice it; amber 2 min, red 5 min when no target is known.
    public static func longestWait(target: Double?) -> Threshold {
        guard let target, target.isFinite, target > 0 else { return threshold(.longestWait, amber: 120, red: 300) }
        return threshold(.longestWait, amber: target, red: 2 * target)
    }
}
