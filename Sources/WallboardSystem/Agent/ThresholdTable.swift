import WallboardCore

/// `wallboardctl thresholds`: every limit in force, one line per queue and metric, in the config
/// file's own notation so a supervisor can copy a value into `threshold set`.
enum ThresholdTable {
    static func render(config: WallboardConfig, queues: [String]) -> String {
        let ids = queues.isEmpty ? ["999", "101"] : queues
        var rows: [[String]] = [["QUEUE", "METRIC", "AMBER", "RED", "WORSE WHEN", "HYSTERESIS", "DWELL"]]
        for id in ids {
            let queue = config.queue(id)
            let metrics = Metric.standard + queue.thresholds.keys.filter { !Metric.standard.contains($0) }.sorted { $0.key < $1.key }
            for metric in metrics {
                guard let t = queue.threshold(metric) else { continue }
                rows.append([
                    id, metric.key, t.amber.map { ConfigValue.format($0, as: metric.kind) } ?? "–",
                    t.red.map { ConfigValue.format($0, as: metric.kind) } ?? "–",
                    t.direction == .higherIsWorse ? "higher" : "lower",
                    ConfigValue.format(t.hysteresis, as: metric.kind), ConfigValue.format(t.dwell, as: .duration),
                ])
            }
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
