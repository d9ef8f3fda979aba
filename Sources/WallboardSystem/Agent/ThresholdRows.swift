import WallboardCore

/// `wallboardctl thresholds --json`: the limits in force as rows with stable field names, for
/// scripts (the text answer is ThresholdListing, in config-file notation).
enum ThresholdRows {
    /// The limits in force for `queues`, one row per queue and metric that has a limit.
    /// `targets`: the targets the feed reports, which unconfigured longest-wait limits follow.
    /// A board with `[board] night` lists each profile's rows, marked with the profile and whether it is in force.
    /// Incident tiles' rows follow, `queue` holding their GRADE/AREA (the name `threshold set` takes).
    static func rows(
        config: WallboardConfig, queues: [String], targets: [String: Double] = [:], inForce: ThresholdProfile = .day,
        incidents: [String] = [], incidentTargets: [String: Double] = [:]
    ) -> [ThresholdRow] {
        let subjects = queues.map { (AlarmSubject.queue($0), targets[$0]) } + incidents.map { (AlarmSubject.incident($0), incidentTargets[$0]) }
        guard config.board.night != nil else { return rows(config: config, subjects, profile: nil) }
        return ThresholdProfile.allCases.flatMap { profile in
            rows(config: config.thresholds(for: profile), subjects, profile: profile).map { row in
                var row = row
                row.inForce = profile == inForce
                return row
            }
        }
    }

    private static func rows(
        config: WallboardConfig, _ subjects: [(AlarmSubject, Double?)], profile: ThresholdProfile?
    ) -> [ThresholdRow] {
        var rows: [ThresholdRow] = []
        for (subject, target) in subjects {
            let own = subject.isIncident ? Metric.incident : Metric.standard
            let section = subject.isIncident ? config.incident(subject.id) : config.queue(subject.id)
            let queue = section.resolved(reportedTarget: target, metrics: own)
            let metrics = own + queue.thresholds.keys.filter { !own.contains($0) }.sorted { $0.key < $1.key }
            for metric in metrics {
                guard let t = queue.threshold(metric) else { continue }
                rows.append(ThresholdRow(
                    queue: subject.name, metric: metric.key, amber: t.amber.map { ConfigValue.format($0, as: metric.kind) },
                    red: t.red.map { ConfigValue.format($0, as: metric.kind) }, amberValue: t.amber, redValue: t.red,
                    worseWhen: t.direction == .higherIsWorse ? "higher" : "lower",
                    hysteresis: ConfigValue.format(t.hysteresis, as: metric.kind), dwell: ConfigValue.format(t.dwell, as: .duration),
                    profile: profile?.rawValue))
            }
        }
        return rows
    }
}
