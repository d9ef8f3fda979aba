/// One simulated contact channel: how much demand arrives when, how long it takes to handle,
/// and how long callers are prepared to wait.
public struct QueueProfile: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Service-level target in seconds (999: 10 s, 101: often 30 s locally).
    public var targetSeconds: Double
    /// Average contacts offered per day; the hourly shape comes from `profile`.
    public var dailyVolume: Double
    public var profile: DailyProfile
    public var talk: DurationDistribution
    public var wrapUp: DurationDistribution
    /// Time a caller waits before hanging up if still unanswered.
    public var patience: DurationDistribution
    /// A handler coming free takes the waiting call of the highest-priority queue among their
    /// skills (999 above 101 above the desks), the oldest first.
    public var priority: Int
    /// Share of answered calls that are silent (a 999 caller who cannot speak; reported as the
    /// extra figure `silent`, the count since midnight). 0 = the queue reports no such figure.
    public var silentShare: Double

    public init(
        id: String, name: String, targetSeconds: Double, dailyVolume: Double, priority: Int = 0,
        profile: DailyProfile, talk: DurationDistribution, wrapUp: DurationDistribution,
        patience: DurationDistribution, silentShare: Double = 0
    ) {
        self.id = id
        self.name = name
        self.targetSeconds = targetSeconds
        self.dailyVolume = dailyVolume
        self.profile = profile
        self.talk = talk
        self.wrapUp = wrapUp
        self.patience = patience
        self.priority = priority
        self.silentShare = silentShare
    }

    /// Arrivals per second at a time of day.
    public func arrivalRate(atSecondOfDay second: Double) -> Double {
        max(dailyVolume, 0) / 86_400 * profile.factor(atSecondOfDay: second)
    }

    /// The highest arrival rate of the day (bound for thinning).
    public var maximumArrivalRate: Double {
        max(dailyVolume, 0) / 86_400 * profile.maximumFactor
    }
}
