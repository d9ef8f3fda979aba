import WallboardCore

/// `wallboardctl thresholds`: every limit in force, in the config file's own notation, so a line
/// can be pasted into wallboard.conf or its key and value given to `threshold set`. Lists the
/// `[staff]` limits, every configured queue, the built-in 999 and 101 (whether or not the feed has
/// reported them yet) and any other queue the feed has reported, each marked with where its
/// values come from. The listing parses back as a config file with the same limits.
enum ThresholdListing {
    /// `targets`: the targets the feed reports, which unconfigured longest-wait limits follow.
    static func render(config: WallboardConfig, queues: [String], targets: [String: Double] = [:]) -> String {
        var lines = [
            "# Alarm limits in force, as wallboard.conf writes them. Change one with",
            "#   wallboardctl threshold set QUEUE METRIC.amber|METRIC.red VALUE",
            "",
        ]
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
            lines += [""] + ConfigText.queue(config.queue(id).resolved(reportedTarget: targets[id]), comment: comment)
        }
        return lines.joined(separator: "\n")
    }
}
