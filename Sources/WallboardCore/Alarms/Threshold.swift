/// Amber and red limits for one metric of one queue, and how calmly the alarm changes.
///
/// Semantics (also in the README and the example config):
/// - A limit is the last acceptable value: with `longest_wait.red = 30s` the tile turns red at 0:31;
///   with `service_level.red = 80%` it turns red at 79%.
/// - **Hysteresis**: once at a level, the value must get better than the limit by `hysteresis`
///   before the level is left (red at > 0:30 with 5 s hysteresis stays red until ≤ 0:25).
/// - **Dwell**: a worse level shows at once (a breach is never delayed); a better level shows only
///   after it has held for `dwell` seconds without interruption, so a value hovering at a limit
///   does not flicker.
public struct Threshold: Sendable, Equatable {
    public var amber: Double?
    public var red: Double?
    public var direction: AlarmDirection
    /// In the metric's unit (seconds, percent points, calls).
    public var hysteresis: Double
    /// Seconds.
    public var dwell: Double

    public init(
        amber: Double? = nil, red: Double? = nil, direction: AlarmDirection = .higherIsWorse,
        hysteresis: Double = 0, dwell: Double = 10
    ) {
        self.amber = amber
        self.red = red
        self.direction = direction
        self.hysteresis = hysteresis
        self.dwell = dwell
    }

    public var isEmpty: Bool { amber == nil && red == nil }

    /// The limit that defines `level` (nil for normal, or when that level has no limit).
    public func limit(for level: AlarmLevel) -> Double? {
        switch level {
        case .normal: return nil
        case .amber: return amber
        case .red: return red
        }
    }

    /// The level `value` deserves, given the level currently shown (for hysteresis).
    public func level(for value: Double, current: AlarmLevel) -> AlarmLevel {
        for level in [AlarmLevel.red, .amber] {
            guard let limit = limit(for: level) else { continue }
            if direction.isWorse(value, than: limit) { return level }
            // Hysteresis: hold a level already reached while within `hysteresis` of its limit.
            if current >= level, hysteresis > 0 {
                let released = direction == .higherIsWorse ? limit - hysteresis : limit + hysteresis
                if direction.isWorse(value, than: released) { return level }
            }
        }
        return .normal
    }
}
