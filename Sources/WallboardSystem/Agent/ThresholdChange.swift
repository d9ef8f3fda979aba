import WallboardCore

/// A supervisor's `threshold set`, judged by the config parser and nothing else: the request
/// becomes an edit of the config text (the file's, or the running settings written out when the
/// agent has no file), and the edited text is parsed exactly as a reload would parse it. What the
/// file accepts, `threshold set` accepts; what it refuses, it refuses in the same words. Pure.
struct ThresholdChange {
    /// The queue, or the incident tile (`[incident "GRADE/AREA"]`), named as `AlarmSubject(name:)` reads it.
    var subject: AlarmSubject
    var metric: Metric
    var old: Threshold?
    var new: Threshold
    var profile: ThresholdProfile
    /// The edited config text, to be written back (atomically) when there is a file.
    var text: String
    /// The config the edited text parses to: what to apply.
    var config: WallboardConfig

    enum Problem: Error, CustomStringConvertible, Equatable {
        case missing(String)
        case unknown(UnknownSubject)
        /// The parser's verdict on the edited text.
        case refused([String])

        var description: String {
            switch self {
            case .missing(let what): return "threshold set needs \(what)"
            case .unknown(let why): return "\(why)"
            case .refused(let reasons): return reasons.joined(separator: "\n")
            }
        }
    }

    /// - Parameters:
    ///   - text: the config file's text; nil when the agent runs on built-in defaults (no file).
    ///   - file: the file's name, for messages about lines the edit did not touch.
    ///   - queue: a queue id, or an incident tile's GRADE/AREA (`AlarmSubject(name:)`).
    ///   - reportedTarget: the target the feed sends for it, which limits not configured follow.
    init(
        queue: String?, metric: String?, amber: String?, red: String?, config: WallboardConfig, text: String?,
        file: String, knownQueues: [String], knownIncidents: [String] = [], reportedTarget: Double? = nil,
        profile: ThresholdProfile = .day
    ) throws(Problem) {
        guard let queue, !queue.isEmpty else { throw .missing("a QUEUE") }
        guard let metricKey = metric, !metricKey.isEmpty else { throw .missing("a METRIC") }
        guard amber != nil || red != nil else { throw .missing("amber=VALUE and/or red=VALUE") }
        let subject = AlarmSubject(name: queue)
        if let why = UnknownSubject.check(subject, queues: knownQueues, incidents: knownIncidents) { throw .unknown(why) }
        var settings: [(key: String, value: String)] = []
        // The night profile's keys are the day's with `@night` (ThresholdProfile).
        let suffix = profile == .night ? ThresholdProfile.nightSuffix : ""
        if let amber { settings.append(("\(metricKey).amber\(suffix)", amber)) }
        if let red { settings.append(("\(metricKey).red\(suffix)", red)) }
        let base = text ?? ThresholdChange.text(of: config)
        let edit = ConfigEditor.edit(settings, section: subject.isIncident ? "incident" : "queue", argument: subject.id, in: base)
        let fresh: WallboardConfig
        do {
            fresh = try WallboardConfig(parsing: edit.text, file: file)
        } catch {
            // A mistake in the edit is told without a line number (the line is not in the file yet);
            // one elsewhere (someone's unsaved-in-mind edit of the file) names its place.
            throw .refused(error.errors.map { edit.lines.contains($0.location.line) || text == nil ? "\($0.problem)" : "\($0)" })
        }
        // The parser accepted `metricKey.amber`, so it is a metric's key (of the section's kind).
        let parsed = subject.isIncident ? Metric.incident.first { $0.key == metricKey } : Metric(key: metricKey)
        guard let parsed else { throw .refused(["unknown metric '\(metricKey)'"]) }
        func section(_ config: WallboardConfig) -> QueueConfig {
            let inForce = config.thresholds(for: profile)
            return subject.isIncident ? inForce.incident(subject.id) : inForce.queue(subject.id)
        }
        self.subject = subject
        self.metric = parsed
        old = section(config).threshold(parsed, reportedTarget: reportedTarget)
        new = section(fresh).thresholds[parsed] ?? AlarmDefaults.threshold(parsed, amber: nil, red: nil)
        self.profile = profile
        self.text = edit.text
        self.config = fresh
    }

    /// The settings `threshold set` can change, as text, for an agent without a file: every
    /// configured queue and incident section and the staff limits (nothing else can differ from
    /// the built-in defaults).
    static func text(of config: WallboardConfig) -> String {
        var lines = ConfigText.staff(config.staff)
        for queue in config.queues { lines += [""] + ConfigText.queue(queue) }
        for incident in config.incidents { lines += [""] + ConfigText.incident(incident) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "999 longest_wait: amber 10s → 15s, red 20s → 30s".
    var summary: String {
        func show(_ v: Double?) -> String { v.map { ConfigValue.format($0, as: metric.kind) } ?? "none" }
        var parts: [String] = []
        if old?.amber != new.amber { parts.append("amber \(show(old?.amber)) → \(show(new.amber))") }
        if old?.red != new.red { parts.append("red \(show(old?.red)) → \(show(new.red))") }
        if parts.isEmpty { parts.append("unchanged (amber \(show(new.amber)), red \(show(new.red)))") }
        return "\(subject.name) \(metric.key)\(profile == .night ? " (night)" : ""): " + parts.joined(separator: ", ")
    }
}
