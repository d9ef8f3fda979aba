/// The `[staff]` section: limits on floor-wide available call handlers (lower is worse).
public struct StaffConfig: Sendable, Equatable {
    public var available: Threshold = Threshold(direction: .lowerIsWorse, hysteresis: 1, dwell: AlarmDefaults.dwell)
    /// How long one handler may stay on break or not ready before their grid cell turns amber, red
    /// (`not_ready.amber` / `.red`, durations; off by default: what is too long is the room's policy).
    /// Time in state only grows, so no hysteresis or dwell is needed.
    public var notReady: Threshold = Threshold(direction: .higherIsWorse, hysteresis: 0, dwell: 0)
    public init() {}

    /// Amber or red when a handler has been on break or not ready past `notReady`. The time
    /// compared is the one shown (whole seconds, rounded down), so the cell, the status and the
    /// alarm agree.
    public func notReadyLevel(_ state: HandlerState, _ seconds: Double?) -> AlarmLevel {
        guard state.isNotReady, let seconds else { return .normal }
        return notReady.level(for: seconds.rounded(.down), current: .normal)
    }
}
