/// The sections and keys the config file knows, for validation and "did you mean".
enum ConfigKeys {
    static let sections = ["feed", "display", "board", "staff", "metrics", "alarm", "queue", "incident"]

    static let feed = ["group", "port", "interface", "key", "key_file", "key_id", "stale_after", "lost_after"]
    static let display = [
        "output", "device", "connector", "mode", "rotation", "font", "viewing_distance", "screen_diagonal", "burn_in_shift",
        "red_pulse", "png_path", "views", "on", "wake_on",
    ]
    static let board = ["title", "queues", "page_size", "page_seconds", "view", "night"]
    static let metrics = ["textfile"]
    static let alarm = ["sound", "tone", "duration", "repeat", "device"]
    static let thresholdAttributes = ["amber", "red", "hysteresis", "dwell", "direction"]
    static let staff = ["amber", "red", "hysteresis", "dwell"].map { "available.\($0)" } + ["not_ready.amber", "not_ready.red"]
    static let queuePlain = ["label", "order", "target", "dwell"]
    static let queue: [String] =
        queuePlain + Metric.standard.flatMap { metric in thresholdAttributes.map { "\(metric.key).\($0)" } }
    static let incident: [String] =
        queuePlain + Metric.incident.flatMap { metric in thresholdAttributes.map { "\(metric.key).\($0)" } }
}
