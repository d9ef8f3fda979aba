/// Thresholds used when the config file says nothing, chosen to fit UK police contact-handling practice:
/// - 999: the national standard is 90% of calls answered within 10 seconds of BT connecting them,
///   so service level is red below 90% and amber below 95%; a single caller waiting past 10 s is
///   amber, past 20 s red.
/// - 101: forces set local targets; 30 s is common. Service level amber below 85%, red below 80%;
///   longest wait amber past 30 s, red past 2 min.
/// - Any other queue (crime recording, online reports, ...): longest wait amber past 2 min, red past
///   5 min; no service-level alarm until one is configured.
/// Every value is overridable per queue in the config file.
public enum AlarmDefaults {
    /// Default minimum dwell, seconds.
    public static let dwell: Double = 10

    /// Default hysteresis per metric, in the metric's unit: small enough to be honest, large enough
    /// to stop one call or one second of jitter from flipping a tile.
    public static func hysteresis(for metric: Metric) -> Double {
        switch metric {
        case .waiting, .availableStaff: return 1
        case .longestWait, .averageSpeedOfAnswer: return 2
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
        var queue = QueueConfig(id: id)
        switch id {
        case "999":
            queue.target = 10
            queue.thresholds = [
                .serviceLevel: threshold(.serviceLevel, amber: 95, red: 90),
                .longestWait: threshold(.longestWait, amber: 10, red: 20),
                .abandoned: threshold(.abandoned, amber: 2, red: 5),
                .averageSpeedOfAnswer: threshold(.averageSpeedOfAnswer, amber: 6, red: 10),
            ]
        case "101":
            queue.target = 30
            queue.thresholds = [
                .serviceLevel: threshold(.serviceLevel, amber: 85, red: 80),
                .longestWait: threshold(.longestWait, amber: 30, red: 120),
                .abandoned: threshold(.abandoned, amber: 10, red: 20),
                .averageSpeedOfAnswer: threshold(.averageSpeedOfAnswer, amber: 20, red: 30),
            ]
        default:
            queue.thresholds = [
                .longestWait: threshold(.longestWait, amber: 120, red: 300)
            ]
        }
        return queue
    }
}
