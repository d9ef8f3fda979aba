/// A queue's figures as the board shows them at one moment: reported values, the locally ticking
/// longest wait, and the derived rates. `nil` means unknown and is shown as "–", never as 0 or 100%.
///
/// Definitions (supervisors compare these with their ACD reports; PROTOCOL.md and the README state
/// the same ones):
/// - **Service level** = answered within target ÷ offered, as a percentage. Abandoned calls count
///   against it. No short-abandon exclusion is applied here: a publisher whose ACD ignores abandons
///   under e.g. 5 s leaves them out of `offered` and `abandoned`. Unknown if either counter is
///   missing or offered is 0.
/// - **Abandonment rate** = abandoned ÷ offered, as a percentage (same denominator).
/// - **ASA** (average speed of answer) = the publisher's figure (total wait of answered calls ÷
///   answered); unknown when it never arrived or when answered is 0 (nothing to average).
/// - **Longest wait** = age of the oldest call *still waiting*: the age at send plus the time since
///   the datagram arrived, ticking locally; 0 when nobody waits. It is not the longest wait of
///   answered calls.
/// - The period the counters cover (`period`, e.g. "since 00:00") travels with them.
public struct QueueFigures: Sendable, Equatable {
    public var waiting: Int?
    public var longestWait: Double?
    public var serviceLevel: Double?
    public var abandonmentRate: Double?
    public var averageSpeedOfAnswer: Double?
    /// Service-level target, seconds, as reported.
    public var targetSeconds: Double?
    public var availableStaff: Int?
    public var period: String?
    public var extras: [ExtraFigure]

    public init(
        waiting: Int? = nil, longestWait: Double? = nil, serviceLevel: Double? = nil, abandonmentRate: Double? = nil,
        averageSpeedOfAnswer: Double? = nil, targetSeconds: Double? = nil, availableStaff: Int? = nil,
        period: String? = nil, extras: [ExtraFigure] = []
    ) {
        self.waiting = waiting
        self.longestWait = longestWait
        self.serviceLevel = serviceLevel
        self.abandonmentRate = abandonmentRate
        self.averageSpeedOfAnswer = averageSpeedOfAnswer
        self.targetSeconds = targetSeconds
        self.availableStaff = availableStaff
        self.period = period
        self.extras = extras
    }

    /// Derives the figures from a report that arrived `elapsed` seconds ago.
    public init(report r: QueueReport, elapsed: Double, staff: StaffReport?) {
        self.init(
            waiting: r.waiting,
            longestWait: r.waiting > 0 ? r.longestWait + max(0, elapsed) : 0,
            serviceLevel: Self.percent(r.answeredWithinTarget, of: r.offered),
            abandonmentRate: Self.percent(r.abandoned, of: r.offered),
            averageSpeedOfAnswer: (r.answered ?? 0) > 0 ? r.averageSpeedOfAnswer : nil,
            targetSeconds: r.targetSeconds, availableStaff: staff?.available, period: r.period, extras: r.extras)
    }

    static func percent(_ part: Int?, of whole: Int?) -> Double? {
        guard let part, let whole, whole > 0, part >= 0 else { return nil }
        return min(100, 100 * Double(part) / Double(whole))
    }

    /// The value of `metric`, or nil when unknown.
    public func value(of metric: Metric) -> Double? {
        switch metric {
        case .waiting: return waiting.map(Double.init)
        case .longestWait: return longestWait
        case .abandoned: return abandonmentRate
        case .serviceLevel: return serviceLevel
        case .averageSpeedOfAnswer: return averageSpeedOfAnswer
        case .availableStaff: return availableStaff.map(Double.init)
        case .extra(let name): return extras.first { $0.name == name }?.value
        case .oldestUnresourced, .unresourced: return nil  // incident metrics (IncidentFigures)
        }
    }
}
