import WallboardCore
import WallboardSystem

// Config edits only the tests make (one key at a time, by its config key text): the agent and
// wallboardctl set amber and red together (`ConfigEditor.setThreshold(queue:metric:amber:red:in:)`).

extension ConfigEditor {
    /// Sets `key = value` in `[section]` (or `[section "argument"]`).
    public static func set(
        _ key: String, to value: String, section: String, argument: String? = nil, in text: String,
        file: String = "wallboard.conf"
    ) throws(ConfigErrors) -> String {
        try set([(key, value)], section: section, argument: argument, in: text, file: file)
    }

    /// Sets a queue threshold from its config key and value text, e.g. ("999", "longest_wait.red", "30s").
    public static func setThreshold(
        queue: String, key: String, value: String, in text: String, file: String = "wallboard.conf"
    ) throws(ConfigErrors) -> String {
        try set(key, to: value, section: "queue", argument: queue, in: text, file: file)
    }

    /// Sets a queue's amber or red limit for `metric` to `value` (in the metric's unit).
    public static func setThreshold(
        queue: String, metric: Metric, level: AlarmLevel, value: Double, in text: String, file: String = "wallboard.conf"
    ) throws(ConfigErrors) -> String {
        let attribute = level == .red ? "red" : "amber"
        return try setThreshold(
            queue: queue, key: "\(metric.key).\(attribute)", value: ConfigValue.format(value, as: metric.kind),
            in: text, file: file)
    }
}

extension ConfigFile {
    /// Sets a queue threshold in the file from its config key and value text, keeping its comments.
    @discardableResult
    public static func setThreshold(_ path: String, queue: String, key: String, value: String) throws(Failure) -> WallboardConfig {
        try edit(path) { (text) throws(ConfigErrors) in
            try ConfigEditor.setThreshold(queue: queue, key: key, value: value, in: text, file: path)
        }
    }
}
