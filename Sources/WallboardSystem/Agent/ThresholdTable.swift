import WallboardCore

/// `wallboardctl thresholds`: every limit in force, one line per queue and metric, in the config
/// file's own notation so a supervisor can copy a value into `threshold set`.
enum ThresholdTable {
    /// The limits in force for `queues` (the built-in 999 and 101 when none is known yet).
    static func rows(config: WallboardConfig, queues: [String]) -> [ThresholdRow] {
        let ids = queues.isEmpty ? ["999", "101"] : queues
        var rows: [ThresholdRow] = []
        for id in ids {
            let queue = config.queue(id)
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

    static func render(_ thresholds: [ThresholdRow]) -> String {
        var rows: [[String]] = [["QUEUE", "METRIC", "AMBER", "RED", "WORSE WHEN", "HYSTERESIS", "DWELL"]]
        for r in thresholds {
            rows.append([r.queue, r.metric, r.amber ?? "–", r.red ?? "–", r.worseWhen, r.hysteresis, r.dwell])
        }
        return table(rows)
    }

    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == columns - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count + 2)
            }.joined()
        }.joined(separator: "\n")
    }
}
