/// What the board last heard about one grade and area of incidents (`I` record), and when.
public struct IncidentState: Sendable, Equatable {
    public var report: IncidentReport
    /// Monotonic time the datagram carrying `report` arrived.
    public var arrivedAt: MonotonicSeconds
    /// The send interval the publisher declared with it, if any (drives the default stale_after).
    public var interval: Double?
    /// The datagram `report` came from (a late, older one is not applied over it).
    public var origin: FeedOrigin?

    public init(report: IncidentReport, arrivedAt: MonotonicSeconds, interval: Double?, origin: FeedOrigin? = nil) {
        self.report = report
        self.arrivedAt = arrivedAt
        self.interval = interval
        self.origin = origin
    }

    /// Seconds since the data arrived (never negative).
    public func age(at now: MonotonicSeconds) -> Double { max(0, now - arrivedAt) }

    /// The figures as of `now`, or as they stood at `frozenAt` once stale (as a queue's longest wait:
    /// it stops at what the wall last showed, never back at the smaller age that was sent).
    public func figures(at now: MonotonicSeconds, frozenAt: MonotonicSeconds? = nil) -> IncidentFigures {
        IncidentFigures(report: report, elapsed: age(at: min(now, frozenAt ?? now)))
    }
}

/// One grade and area's figures at one moment. `nil` is unknown, shown as "–".
/// - **Oldest unresourced** = age of the oldest incident no unit has been sent to: the age at send
///   plus the time since arrival, ticking locally; 0 when every open incident is resourced.
/// - **Attended within target** = within ÷ attended, a percentage (unknown without both, or when
///   attended is 0).
public struct IncidentFigures: Sendable, Equatable {
    public var open: Int
    public var unresourced: Int
    public var oldestUnresourced: Double
    public var targetSeconds: Double?
    public var attended: Int?
    public var withinTargetRate: Double?

    public init(report r: IncidentReport, elapsed: Double) {
        open = r.open
        unresourced = r.unresourced
        oldestUnresourced = r.unresourced > 0 ? r.oldestUnresourced + max(0, elapsed) : 0
        targetSeconds = r.targetSeconds
        attended = r.attended
        withinTargetRate = QueueFigures.percent(r.attendedWithinTarget, of: r.attended)
    }

    /// The value an incident alarm compares.
    public func value(of metric: Metric) -> Double? {
        switch metric {
        case .oldestUnresourced: return oldestUnresourced
        case .unresourced: return Double(unresourced)
        default: return nil
        }
    }
}

/// Every grade and area the feed reports, in the order first seen, bounded like the queues.
public struct IncidentBoard: Sendable, Equatable {
    public private(set) var states: [String: IncidentState] = [:]
    /// Ids ("immediate/urban") in the order first reported.
    public private(set) var firstSeen: [String] = []
    /// At most this many grade/area pairs; later new ones are ignored and counted.
    public static let maximum = 32
    public private(set) var ignored = 0
    /// Reports not applied because a newer datagram of the same publisher run already was.
    public private(set) var olderReportsSkipped = 0

    public init() {}

    mutating func apply(_ reports: [IncidentReport], origin: FeedOrigin, interval: Double?, at now: MonotonicSeconds) {
        for raw in reports {
            var report = raw
            // Never trust the network for sense: a wait that is not a finite age is 0.
            report.oldestUnresourced = raw.oldestUnresourced.isFinite ? max(0, raw.oldestUnresourced) : 0
            report.targetSeconds = raw.targetSeconds.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
            let id = report.id
            if let state = states[id] {
                guard !origin.isOlder(than: state.origin) else {
                    olderReportsSkipped += 1
                    continue
                }
            } else {
                guard states.count < Self.maximum else {
                    ignored += 1
                    continue
                }
                firstSeen.append(id)
            }
            states[id] = IncidentState(report: report, arrivedAt: now, interval: interval, origin: origin)
        }
    }
}

extension BoardState {
    /// When incidents `id`'s data went stale (stale_after, or the feed lost), if it is at `now`.
    public func incidentStaleSince(_ id: String, at now: MonotonicSeconds) -> MonotonicSeconds? {
        guard let state = incidents.states[id] else { return nil }
        let ownLimit = state.arrivedAt + feed.staleAfter(publisherInterval: state.interval)
        let feedLost = (lastMessageAt ?? startedAt) + feed.lostAfter
        let limit = min(ownLimit, feedLost)
        return now > limit || isFeedLost(at: now) ? min(now, limit) : nil
    }

    /// The grade/area ids whose data is current at `now` (the same stale_after rule as queues).
    func currentIncidents(at now: MonotonicSeconds) -> Set<String> {
        guard !isFeedLost(at: now), !incidents.states.isEmpty else { return [] }  // most floors send no incidents
        return Set(incidents.states.filter { $0.value.age(at: now) <= feed.staleAfter(publisherInterval: $0.value.interval) }.keys)
    }
}
