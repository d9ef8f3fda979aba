#if canImport(Glibc)
import Glibc
#endif

/// Appends log lines to a file (used while the terminal shows the board).
final class FileLogSink: Sendable {
    private let file: FileDescriptor

    init?(path: String) {
        guard let file = try? FileDescriptor.open(path, O_WRONLY | O_CREAT | O_APPEND, permissions: 0o600) else { return nil }
        self.file = file
    }

    deinit { try? file.close() }

    /// A line that cannot be written is dropped: the log has nowhere better to say so.
    func write(_ line: String) { try? file.writeAll(line + "\n") }
}
