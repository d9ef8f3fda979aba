import WallboardCore

/// `wallboardctl thresholds --json`: the limits in force as rows with stable field names, for
/// scripts (the text answer is ThresholdListing, in config-file notation).
enum ThresholdRows {
    /// The limits in force for `queues`, one row per queue and metric that has a limit.
    /// `targets`: the targets the feed reports, which unconfigured longest-wait limits follow.
    static func rows(config: WallboardConfig, queues: [String], targets: [String: Double] = [:]) -> [ThresholdRow] {
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
                    hysteresis: ConfigValue.format(t.hysteresis, as: metric.kind), dwell: ConfigValue.format(t.dwell, as: .duration)))
            }
        }
        return rows
    }
}
