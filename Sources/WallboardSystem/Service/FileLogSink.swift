#if canImport(Glibc)
import Glibc
#endif

/// Appends log lines to a file (used while the terminal shows the board).
final class FileLogSink {
    private let fd: Int32

    init?(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    func write(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
