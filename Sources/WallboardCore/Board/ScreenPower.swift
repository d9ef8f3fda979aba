/// `[display] wake_on`: which alarm lights a panel the schedule has turned off. Any setting but
/// `never` lights it for FEED LOST too: a board that can no longer hear the room cannot see the
/// breach it was told to wake for, so it must not stay dark and look as if all were calm.
public enum WakeOn: String, Sendable, Equatable, CaseIterable {
    case breach, warning, never

    func wakes(for level: AlarmLevel) -> Bool {
        switch self {
        case .breach: return level == .red
        case .warning: return level != .normal
        case .never: return false
        }
    }
}

/// Whether the panel is lit, and why: the one decision behind DPMS/FBIOBLANK, the "screen off"
/// picture of the terminal/PNG outputs and `wallboardctl status`. Pure: the local time, whether
/// the clock is synchronised, the worst alarm and `now` (monotonic) are passed in; the only state
/// is when an alarm last wanted the screen, for the hold after it clears.
public struct ScreenPower: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// No `[display] on` schedule.
        case noSchedule
        /// Inside the schedule; it ends at `until` (local, "19:00" or "Sat 19:00").
        case scheduled(until: String?)
        /// Outside the schedule until `until`.
        case offBySchedule(until: String?)
        /// Outside the schedule, lit for an alarm (and `wakeHold` after it clears).
        case wokenByAlarm
        /// Outside the schedule, lit because the feed is lost (and `wakeHold` after it is back).
        case wokenByFeedLoss
        /// The wall clock is not synchronised: the schedule is ignored, the screen stays on. A
        /// board that booted with a wrong clock must never go dark in the middle of a shift.
        case clockUnsynchronised
    }

    public var isOn: Bool
    public var reason: Reason

    public init(isOn: Bool, reason: Reason) {
        self.isOn = isOn
        self.reason = reason
    }

    /// How long a woken panel stays lit after the alarm clears, so a flapping queue does not blink
    /// the screen and staff see the all-clear.
    public static let wakeHold: Double = 300

    /// For status: "on (schedule until 19:00)", "off by schedule until 07:00", …
    public var text: String {
        switch reason {
        case .noSchedule: return "on (no schedule)"
        case .scheduled(let until): return "on (schedule" + (until.map { " until \($0)" } ?? "") + ")"
        case .offBySchedule(let until): return "off by schedule" + (until.map { " until \($0)" } ?? "")
        case .wokenByAlarm: return "on: woken by an alarm outside the schedule"
        case .wokenByFeedLoss: return "on: woken outside the schedule because the feed is lost"
        case .clockUnsynchronised: return "on: the clock is not synchronised, so the schedule is not applied"
        }
    }

    /// The decision, with `lastAlarmAt` (monotonic) updated while an alarm or the feed's loss
    /// wants the panel.
    public static func decide(
        schedule: DisplaySchedule, wakeOn: WakeOn, at time: LocalTime, clockSynchronised: Bool,
        worstAlarm: AlarmLevel, feedLost: Bool, now: MonotonicSeconds, lastAlarmAt: inout MonotonicSeconds?
    ) -> ScreenPower {
        let wakesForFeedLoss = feedLost && wakeOn != .never
        if wakeOn.wakes(for: worstAlarm) || wakesForFeedLoss { lastAlarmAt = now }
        if schedule.isAlways { return ScreenPower(isOn: true, reason: .noSchedule) }
        guard clockSynchronised else { return ScreenPower(isOn: true, reason: .clockUnsynchronised) }
        let until = schedule.nextChange(after: time)?.text(from: time)
        if schedule.isOn(at: time) { return ScreenPower(isOn: true, reason: .scheduled(until: until)) }
        if wakesForFeedLoss { return ScreenPower(isOn: true, reason: .wokenByFeedLoss) }
        if let last = lastAlarmAt, now - last < wakeHold { return ScreenPower(isOn: true, reason: .wokenByAlarm) }
        return ScreenPower(isOn: false, reason: .offBySchedule(until: until))
    }
}
