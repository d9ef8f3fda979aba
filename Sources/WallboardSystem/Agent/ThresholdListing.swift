import WallboardCore

/// `wallboardctl thresholds`: every limit in force, in the config file's own notation, so a line
/// can be pasted into wallboard.conf or its key and value given to `threshold set`. Lists the
/// `[staff]` limits, every configured queue, the built-in 999 and 101 (whether or not the feed has
/// reported them yet), any other queue the feed has reported, and every incident tile (configured
/// or reported), each marked with where its values come from. The listing parses back as a config
/// file with the same limits.
enum ThresholdListing {
    /// `targets`: the targets the feed reports, which unconfigured longest-wait limits follow.
    /// `inForce`: the profile the alarms use now (`[board] night`), named in the heading.
    /// `incidents`, `incidentTargets`: the incident grade/areas and the attendance targets the feed sends.
    static func render(
        config: WallboardConfig, queues: [String], targets: [String: Double] = [:], inForce: ThresholdProfile = .day,
        incidents: [String] = [], incidentTargets: [String: Double] = [:]
    ) -> String {
        var lines = [
            "# Alarm limits in force, as wallboard.conf writes them. Change one with",
            "#   wallboardctl threshold set QUEUE METRIC.amber|METRIC.red VALUE",
        ]
        if !incidents.isEmpty { lines.append("#   (an incident tile: threshold set GRADE/AREA oldest.red 15m)") }
        if config.board.night != nil {
            lines += [
                "# In force now: the \(inForce.rawValue) thresholds ([board] night says when the METRIC.amber@night /",
                "# METRIC.red@night limits apply; change them with threshold set --profile night).",
            ]
        }
        lines.append("")
        lines += ConfigText.staff(config.staff)
        let configured = Set(config.queues.map(\.id))
        var ids: [String] = []
        for id in config.queues.map(\.id) + ["999", "101"] + queues where !ids.contains(id) { ids.append(id) }
        for id in ids {
            let comment =
                configured.contains(id) ? nil
                : ["999", "101"].contains(id) ? "built-in defaults for \(id) (not in the config file)"
                : targets[id] != nil ? "reported by the feed; longest wait follows its target (amber past it, red past twice it)"
                : "reported by the feed; built-in defaults for any other queue"
            let queue = config.queue(id)
            lines += [""] + ConfigText.queue(queue.resolved(reportedTarget: targets[id]), comment: comment)
            lines += ThresholdListing.nightLines(queue)
        }
        let configuredIncidents = Set(config.incidents.map(\.id))
        for id in incidents {
            let comment =
                configuredIncidents.contains(id) ? nil
                : incidentTargets[id] != nil ? "reported by the feed; oldest follows its target (amber past half, red past it)"
                : "reported by the feed; oldest follows a 15-minute target (amber past half, red past it)"
            let incident = config.incident(id).resolved(reportedTarget: incidentTargets[id], metrics: Metric.incident)
            lines += [""] + ConfigText.incident(incident, comment: comment)
        }
        return lines.joined(separator: "\n")
    }

    /// `METRIC.amber@night = …` lines for the limits the night profile changes.
    static func nightLines(_ queue: QueueConfig) -> [String] {
        var lines: [String] = []
        for metric in queue.nightThresholds.keys.sorted(by: { $0.key < $1.key }) {
            guard let night = queue.nightThresholds[metric] else { continue }
            let day = queue.threshold(metric)
            func text(_ v: Double?) -> String { v.map { ConfigValue.format($0, as: metric.kind) } ?? "off" }
            if night.amber != day?.amber { lines.append("\(metric.key).amber\(ThresholdProfile.nightSuffix) = \(text(night.amber))") }
            if night.red != day?.red { lines.append("\(metric.key).red\(ThresholdProfile.nightSuffix) = \(text(night.red))") }
        }
        return lines
    }
}
