/// A figure on a queue tile that can carry thresholds.
public enum Metric: Hashable, Sendable, CustomStringConvertible {
    /// Calls waiting now.
    case waiting
    /// Age of the oldest call still waiting (ticking locally between datagrams).
    case longestWait
    /// Abandonment rate, percent (see `QueueFigures` for the definition).
    case abandoned
    /// Service level, percent answered within target (see `QueueFigures`).
    case serviceLevel
    /// Average speed of answer, seconds.
    case averageSpeedOfAnswer
    /// Call handlers available for this queue (from the queue-scoped staff report).
    case availableStaff
    /// A publisher-defined figure, by the name the publisher sends.
    case extra(String)
    /// Incidents (`I` record): age of the oldest one no unit has been sent to yet (ticking).
    case oldestUnresourced
    /// Incidents with no unit assigned.
    case unresourced

    /// The built-in metrics, in the order that breaks ties when two are equally bad:
    /// a caller waiting too long is the most urgent thing a 999 supervisor can be told.
    public static let standard: [Metric] = [
        .longestWait, .waiting, .serviceLevel, .abandoned, .averageSpeedOfAnswer, .availableStaff,
    ]

    /// The metrics of an `[incident "GRADE/AREA"]` section, in tie-breaking order.
    public static let incident: [Metric] = [.oldestUnresourced, .unresourced]

    /// Position among the built-in metrics (nil for extras), so per-metric state can sit in an
    /// array instead of a dictionary that hashes the metric on every frame.
    var slot: Int? {
        switch self {
        case .longestWait: return 0
        case .waiting: return 1
        case .serviceLevel: return 2
        case .abandoned: return 3
        case .averageSpeedOfAnswer: return 4
        case .availableStaff: return 5
        case .oldestUnresourced: return 6
        case .unresourced: return 7
        case .extra: return nil
        }
    }

    /// How many metrics have a `slot`.
    static let slotCount = 8

    /// The name used in the config file: `longest_wait.red = 30s`, `extra.silent.amber = 2`.
    public var key: String {
        switch self {
        case .waiting: return "waiting"
        case .longestWait: return "longest_wait"
        case .abandoned: return "abandoned"
        case .serviceLevel: return "service_level"
        case .averageSpeedOfAnswer: return "asa"
        case .availableStaff: return "available_staff"
        case .extra(let name): return "extra.\(name)"
        case .oldestUnresourced: return "oldest"
        case .unresourced: return "unresourced"
        }
    }

    public init?(key: String) {
        if key.hasPrefix("extra.") {
            let name = String(key.dropFirst(6))
            guard Metric.isValidExtraName(name) else { return nil }
            self = .extra(name)
            return
        }
        guard let found = Metric.standard.first(where: { $0.key == key }) else { return nil }
        self = found
    }

    /// Extra names are what the publisher sends; letters, digits, `_` and `-` keep the key unambiguous.
    public static func isValidExtraName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// How the metric reads on the wall and in reasons: "LONGEST WAIT 0:42 > 0:30".
    public var label: String {
        switch self {
        case .waiting: return "WAITING"
        case .longestWait: return "LONGEST WAIT"
        case .abandoned: return "ABANDONED"
        case .serviceLevel: return "SERVICE LEVEL"
        case .averageSpeedOfAnswer: return "ASA"
        case .availableStaff: return "AVAILABLE"
        case .extra(let name): return name.replacingUnderscores.uppercased()
        case .oldestUnresourced: return "OLDEST UNRESOURCED"
        case .unresourced: return "UNRESOURCED"
        }
    }

    public var kind: MetricKind {
        switch self {
        case .waiting, .availableStaff, .unresourced: return .count
        case .longestWait, .averageSpeedOfAnswer, .oldestUnresourced: return .duration
        case .abandoned, .serviceLevel: return .percentage
        case .extra: return .number
        }
    }

    /// Which way is bad when no direction is configured.
    public var defaultDirection: AlarmDirection {
        switch self {
        case .serviceLevel, .availableStaff: return .lowerIsWorse
        default: return .higherIsWorse
        }
    }

    public var description: String { key }
}

/// The unit a metric's values and thresholds are written in.
public enum MetricKind: Sendable, Equatable {
    /// Whole calls or people: `8`.
    case count
    /// Seconds, written `30s`, `2m`, `1h`, `1m30s`.
    case duration
    /// 0–100, written `90%`.
    case percentage
    /// Any number, for publisher extras.
    case number
}

/// Whether bigger values are worse (waiting) or smaller ones are (service level, staff available).
public enum AlarmDirection: String, Sendable, Equatable {
    case higherIsWorse = "higher"
    case lowerIsWorse = "lower"

    /// The comparison sign used in reasons: "WAITING 12 > 8", "SERVICE LEVEL 72% < 80%".
    var sign: String { self == .higherIsWorse ? ">" : "<" }

    /// True if `value` is strictly worse than `limit`: a threshold is the last acceptable value.
    func isWorse(_ value: Double, than limit: Double) -> Bool {
        self == .higherIsWorse ? value > limit : value < limit
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
