#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// The agent's metrics file for node_exporter's textfile collector: where it goes (`[metrics]
/// textfile`, resolved on every write so a reload or a node_exporter installed later takes effect)
/// and the atomic rewrite. The temporary file is a dot-file not ending in `.prom`, so the collector
/// never reads a half-written file.
///
/// The file is left in place when the agent stops: its age (node_exporter's
/// `node_textfile_mtime_seconds`) is what tells Prometheus the board is down.
enum MetricsTextfile {
    /// The file to write under `config`, or nil when metrics are off.
    static func path(_ config: MetricsConfig, simulated: Bool) -> String? {
        config.path(nodeExporterDirectoryExists: isDirectory(MetricsConfig.nodeExporterDirectory), simulated: simulated)
    }

    /// Replaces the file with `text` (no fsync: see `AtomicFile.write(durable:)`).
    static func write(_ text: String, to path: String) throws(FileError) {
        try AtomicFile.write(text, to: path, durable: false)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
