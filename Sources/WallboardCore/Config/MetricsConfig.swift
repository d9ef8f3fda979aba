/// `[metrics]`: where the agent writes its Prometheus metrics for node_exporter's textfile collector.
public struct MetricsConfig: Sendable, Equatable {
    public enum Textfile: Sendable, Equatable {
        /// The default: `wallboard.prom` in node_exporter's textfile directory when that directory
        /// exists on the board (Debian's prometheus-node-exporter creates it), else no metrics —
        /// and none from a board on the simulated floor (`--simulate`: a demo, a developer's run, a
        /// test), whose made-up figures would otherwise reach Prometheus as the room's.
        case automatic
        case off
        /// An absolute path ending in `.prom` (the collector reads only `*.prom`).
        case path(String)
    }

    public var textfile: Textfile = .automatic

    /// Debian's textfile directory (prometheus-node-exporter's `--collector.textfile.directory`).
    public static let nodeExporterDirectory = "/var/lib/prometheus/node-exporter"
    public static let defaultFileName = "wallboard.prom"
    /// Seconds between rewrites of the file: well inside a 15 s scrape interval.
    public static let interval: Double = 5

    public init(textfile: Textfile = .automatic) { self.textfile = textfile }

    /// The file to write, given whether the textfile directory exists and whether the board shows
    /// the simulated floor; nil when off. A path named in the config is written even when simulated:
    /// somebody asked for exactly that file.
    public func path(nodeExporterDirectoryExists: Bool, simulated: Bool) -> String? {
        switch textfile {
        case .off: return nil
        case .path(let path): return path
        case .automatic:
            return nodeExporterDirectoryExists && !simulated ? "\(Self.nodeExporterDirectory)/\(Self.defaultFileName)" : nil
        }
    }
}
