/// The `[staff]` section: limits on floor-wide available call handlers (lower is worse).
public struct StaffConfig: Sendable, Equatable {
    public var available: Threshold = Threshold(direction: .lowerIsWorse, hysteresis: 1, dwell: AlarmDefaults.dwell)
    public init() {}
}
