/// A group of handlers with the same skills, rostered in shifts.
///
/// `skills` lists the queues the team answers, its own first: a new call goes to an idle handler
/// whose first skill it is before one who only covers it. A handler coming free takes the most
/// urgent waiting call (queue `priority`, then age) among their skills. `overflowReserve` keeps
/// dedicated handlers for the first skill: a handler only takes calls of their other skills while
/// at least that many team-mates stay available (how a room protects 999 while helping 101).
/// The team is reported under `homeQueue` in per-queue staff figures.
public struct StaffTeam: Sendable, Equatable {
    public var homeQueue: String
    public var skills: [String]
    public var shifts: [Shift]
    /// Breaks every handler takes during each shift.
    public var breaks: [BreakRule]
    /// Seconds at the start of each shift spent in briefing (reported as "other").
    public var briefingSeconds: Double
    public var overflowReserve: Int
    /// Chance, after each wrap-up, of going not-ready for a while (a call-back, a log update, a
    /// word with the supervisor); reported as "other".
    public var notReadyChance: Double
    public var notReady: DurationDistribution

    public init(
        homeQueue: String, skills: [String], shifts: [Shift], breaks: [BreakRule],
        briefingSeconds: Double = 600, overflowReserve: Int = 0,
        notReadyChance: Double = 0, notReady: DurationDistribution = .exponential(mean: 240)
    ) {
        self.homeQueue = homeQueue
        self.skills = skills
        self.shifts = shifts
        self.breaks = breaks
        self.briefingSeconds = briefingSeconds
        self.overflowReserve = overflowReserve
        self.notReadyChance = notReadyChance
        self.notReady = notReady
    }

    /// Handlers of this team rostered (on shift by the timetable) at a time of day.
    public func rostered(atSecondOfDay second: Double) -> Int {
        shifts.reduce(0) { $0 + ($1.covers(secondOfDay: second) ? $1.handlers : 0) }
    }
}

/// `handlers` people starting every day at `startSecondOfDay` for `lengthSeconds` (may cross midnight).
public struct Shift: Sendable, Equatable {
    public var startSecondOfDay: Double
    public var lengthSeconds: Double
    public var handlers: Int

    /// Non-finite or negative figures give an empty shift rather than poisoning the event order.
    public init(start hour: Double, hours: Double, handlers: Int) {
        startSecondOfDay = hour.isFinite ? (hour * 3600).truncatingRemainder(dividingBy: 86_400) : 0
        if startSecondOfDay < 0 { startSecondOfDay += 86_400 }
        lengthSeconds = hours.isFinite && hours > 0 ? hours * 3600 : 0
        self.handlers = max(handlers, 0)
    }

    public func covers(secondOfDay second: Double) -> Bool {
        let into = ((second - startSecondOfDay).truncatingRemainder(dividingBy: 86_400) + 86_400)
            .truncatingRemainder(dividingBy: 86_400)
        return into < lengthSeconds
    }
}

/// A break of `minutes`, due at a random point between `earliest` and `latest` (fractions of the
/// shift) so a team's breaks are staggered; taken when the handler next comes free.
public struct BreakRule: Sendable, Equatable {
    public var earliest: Double
    public var latest: Double
    public var minutes: Double

    /// Fractions are clamped to 0...1 and put in order; a non-finite figure disables the break.
    public init(earliest: Double, latest: Double, minutes: Double) {
        let valid = earliest.isFinite && latest.isFinite && minutes.isFinite
        self.earliest = valid ? min(max(min(earliest, latest), 0), 1) : 0
        self.latest = valid ? min(max(max(earliest, latest), 0), 1) : 0
        self.minutes = valid ? max(minutes, 0) : 0
    }
}
