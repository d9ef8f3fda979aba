/// Settings in force written back as config-file text: what `wallboardctl thresholds` prints (so a
/// line can be copied into wallboard.conf or into `threshold set`), and the text `threshold set`
/// edits when the agent runs without a file. Parsing the text gives back exactly the same values.
public enum ConfigText {
    /// `[staff]` and its `available.*` lines.
    public static func staff(_ staff: StaffConfig) -> [String] {
        ["[staff]"] + limits(prefix: "available", staff.available, kind: .count, defaultDirection: nil)
    }

    /// `[queue "ID"]` with its label, order, target and every threshold (including those switched
    /// off, so the built-in defaults do not come back when the text is read again).
    public static func queue(_ queue: QueueConfig, comment: String? = nil) -> [String] {
        section("queue", queue, comment: comment)
    }

    /// `[incident "GRADE/AREA"]` with the same lines (its thresholds are the incident metrics).
    public static func incident(_ incident: QueueConfig, comment: String? = nil) -> [String] {
        section("incident", incident, comment: comment)
    }

    private static func section(_ name: String, _ queue: QueueConfig, comment: String?) -> [String] {
        var lines = ["[\(name) \"\(queue.id)\"]" + (comment.map { "   # \($0)" } ?? "")]
        if let label = queue.label { lines.append("label = \(ConfigEditor.quotedIfNeeded(label))") }
        if let order = queue.order { lines.append("order = \(order)") }
        if let target = queue.target { lines.append("target = \(ConfigValue.format(target, as: .duration))") }
        let extras = queue.thresholds.keys.filter { !Metric.standard.contains($0) }.sorted { $0.key < $1.key }
        for metric in Metric.standard + extras {
            guard let t = queue.thresholds[metric] else { continue }
            lines += limits(prefix: metric.key, t, kind: metric.kind, defaultDirection: metric.defaultDirection)
        }
        return lines
    }

    /// The value text of one limit: `30s`, `90%`, `8`, or `off`.
    public static func limit(_ value: Double?, as kind: MetricKind) -> String {
        value.map { ConfigValue.format($0, as: kind) } ?? "off"
    }

    /// `defaultDirection` nil: the section has no direction key (`[staff]`).
    private static func limits(prefix: String, _ t: Threshold, kind: MetricKind, defaultDirection: AlarmDirection?) -> [String] {
        var lines = [
            "\(prefix).amber = \(limit(t.amber, as: kind))",
            "\(prefix).red = \(limit(t.red, as: kind))",
            "\(prefix).hysteresis = \(ConfigValue.format(t.hysteresis, as: kind))",
            "\(prefix).dwell = \(ConfigValue.format(t.dwell, as: .duration))",
        ]
        if let defaultDirection, t.direction != defaultDirection { lines.append("\(prefix).direction = \(t.direction.rawValue)") }
        return lines
    }
}
