import WallboardCore

/// `wallboardctl thresholds --json`: the limits in force as rows with stable field names, for
/// scripts (the text answer is ThresholdListing, in config-file notation).
enum ThresholdRows {
    /// The limits in force for `queues`, one row per queue and metric that has a limit.
    /// `targets`: the targets the feed reports, which unconfigured longest-wait limits follow.
    /// A board with `[board] night` lists each profile's rows, marked with the profile and whether it is in force.
    static func rows(
        config: WallboardConfig, queues: [String], targets: [String: Double] = [:], inForce: ThresholdProfile = .day
    ) -> [ThresholdRow] {
        guard config.board.night != nil else { return rows(config: config, queues: queues, targets: targets, profile: nil) }
        return ThresholdProfile.allCases.flatMap { profile in
            rows(config: config.thresholds(for: profile), queues: queues, targets: targets, profile: profile).map { row in
                var row = row
                row.inForce = profile == inForce
                return row
            }
        }
    }

    private static func rows(
        config: WallboardConfig, queues: [String], targets: [String: Double], profile: ThresholdProfile?
    ) -> [ThresholdRow] {
        var rows: [ThresholdRow] = []
        for id in queues {
            let queue = config.queue(id).resolved(reportedTarget: targets[id])
            let metrics = Metric.standard + queue.thresholds.keys.filter { !Metric.standard.contains($0) }.sorted { $0.key < $1.key }
            for metric in metrics {
                guard let t = queue.threshold(metric) else { continue }
                rows.append(ThresholdRow(
                    queue: id, metric: metric.key, amber: t.amber.map { ConfigValue.format($0, as: metric.kind) },
                    red: t.red.map { ConfigValue.format($0, as: metric.kind) }, amberValue: t.amber, redValue: t.red,
                    worseWhen: t.direction == .higherIsWorse ? "higher" : "lower",
                    hysteresis: ConfigValue.format(t.hysteresis, as: metric.kind), dwell: ConfigValue.format(t.dwell, as: .duration),
                    profile: profile?.rawValue))
            }
        }
        return rows
    }
}
