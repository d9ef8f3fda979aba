/// Day and night thresholds: a night shift runs thinner, so a queue may alarm at other limits
/// while `[board] night` (the same grammar as `[display] on`) holds.
///
///     [board]
///     night = 19:00-07:00
///     [queue "101"]
///     waiting.amber = 5
///     waiting.amber@night = 3     ; only amber and red have a night form; the rest is shared
///
/// The plain keys are the day profile. Pure: the local time and the clock's synchronisation are
/// passed in. An unsynchronised clock means the day profile (the file's plain keys), so a board
/// that booted with a wrong clock never runs on the wrong shift's limits without saying so: the
/// wall then shows no night marker.
public enum ThresholdProfile: String, Sendable, Equatable, CaseIterable {
    case day, night

    /// The key suffix of the night form (`waiting.red@night`).
    public static let nightSuffix = "@night"

    /// The small header marker while night thresholds are in force, so staff know why colours differ.
    public var marker: String? { self == .night ? "NIGHT THRESHOLDS" : nil }

    public static func active(night: DisplaySchedule?, at time: LocalTime, clockSynchronised: Bool) -> ThresholdProfile {
        guard let night, !night.isAlways, clockSynchronised else { return .day }
        return night.isOn(at: time) ? .night : .day
    }
}

extension WallboardConfig {
    /// The config with `profile`'s limits in force (the day profile is the config itself).
    public func thresholds(for profile: ThresholdProfile) -> WallboardConfig {
        guard profile == .night else { return self }
        var config = self
        for i in config.queues.indices {
            for (metric, threshold) in config.queues[i].nightThresholds { config.queues[i].thresholds[metric] = threshold }
        }
        return config
    }
}
