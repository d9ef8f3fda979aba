/// Incidents for the simulated floor (`I` records): immediate and priority grades in an urban and a
/// rural area, against the targets forces publish (immediate: urban 15 min, rural 20 min; priority
/// 60 min). Incidents arrive at random (Poisson), wait for a unit (longer in a busy hour and in the
/// rural area), then take the travel time to attend; `within` counts those attended in target.
///
/// Pure and deterministic for a seed: `advance(to:)` takes simulated seconds since start.
public struct IncidentSimulator: Sendable {
    struct Kind: Sendable {
        var grade: String
        var area: String
        var target: Double
        /// Mean seconds between incidents, mean wait for a unit, mean travel time.
        var between: Double
        var dispatch: Double
        var travel: Double
    }

    struct Incident: Sendable {
        var openedAt: Double
        var resourcedAt: Double
        var attendedAt: Double
    }

    static let kinds = [
        Kind(grade: "immediate", area: "urban", target: 15 * 60, between: 240, dispatch: 150, travel: 480),
        Kind(grade: "immediate", area: "rural", target: 20 * 60, between: 720, dispatch: 300, travel: 840),
        Kind(grade: "priority", area: "urban", target: 60 * 60, between: 180, dispatch: 900, travel: 900),
    ]

    private var random: SimulationRandom
    private var time: Double = 0
    private var nextArrival: [Double]
    private var open: [[Incident]]
    private var attended: [Int]
    private var within: [Int]

    public init(seed: UInt64) {
        var random = SimulationRandom(seed: seed ^ 0x1_C1DE_77)
        nextArrival = Self.kinds.map { random.exponential(mean: $0.between) }
        self.random = random
        open = Self.kinds.map { _ in [] }
        attended = Self.kinds.map { _ in 0 }
        within = Self.kinds.map { _ in 0 }
    }

    /// Runs the simulation up to `seconds` since start.
    public mutating func advance(to seconds: Double) {
        guard seconds > time else { return }
        for k in Self.kinds.indices {
            let kind = Self.kinds[k]
            while nextArrival[k] <= seconds {
                let at = nextArrival[k]
                let resourced = at + random.exponential(mean: kind.dispatch)
                open[k].append(Incident(openedAt: at, resourcedAt: resourced, attendedAt: resourced + random.exponential(mean: kind.travel)))
                nextArrival[k] = at + random.exponential(mean: kind.between)
            }
            for incident in open[k] where incident.attendedAt <= seconds {
                attended[k] += 1
                if incident.attendedAt - incident.openedAt <= kind.target { within[k] += 1 }
            }
            open[k].removeAll { $0.attendedAt <= seconds }
        }
        time = seconds
    }

    /// One `I` record per grade and area, as of the last `advance`.
    public func reports() -> [IncidentReport] {
        Self.kinds.indices.map { k in
            let kind = Self.kinds[k]
            let waiting = open[k].filter { $0.resourcedAt > time }
            return IncidentReport(
                grade: kind.grade, area: kind.area, open: open[k].count, unresourced: waiting.count,
                oldestUnresourced: waiting.map { time - $0.openedAt }.max().map { max(0, ($0 * 1000).rounded(.down) / 1000) } ?? 0,
                targetSeconds: kind.target, attended: attended[k], attendedWithinTarget: within[k], period: "since start")
        }
    }
}
