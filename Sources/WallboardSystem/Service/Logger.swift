#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// One line per event on stderr, prefixed `<N>` so journald (SyslogLevelPrefix=yes, the default)
/// files it at the right priority; a terminal reader sees the same text.
///
/// Floods (a bad publisher sending thousands of malformed datagrams a second) go through
/// `count(_:key:now:)`, which folds repeats into one summary line per interval.
/// Any thread may log (a line is written whole, under the lock, so lines never interleave).
public final class Logger: Sendable {
    /// Where lines go; stderr by default. Tests pass a closure that collects them.
    public typealias Sink = @Sendable (String) -> Void

    private struct State {
        var sink: Sink
        var limiter: RateLimiter
        var pendingPriority: [String: LogPriority] = [:]
    }

    private let minimum: LogPriority
    private let state: LockedValue<State>

    public init(minimum: LogPriority = .info, summaryInterval: Double = 60, sink: Sink? = nil) {
        self.minimum = minimum
        state = LockedValue(State(sink: sink ?? Logger.writeToStderr, limiter: RateLimiter(interval: summaryInterval)))
    }

    /// Sends later lines elsewhere, e.g. to a file while the terminal shows the board.
    public func redirect(to sink: @escaping Sink) { state.withLock { $0.sink = sink } }

    public func log(_ priority: LogPriority, _ message: String) {
        guard priority <= minimum else { return }
        // One event, one line: newlines inside a message would split it in the journal. Any other
        // control character (a banner's ESC, a NUL) is written as \x1b, \x00: shown, never obeyed.
        let flat = message.contains("\n") ? message.split(separator: "\n").joined(separator: " | ") : message
        let line = "<\(priority.rawValue)>\(ControlCharacters.escaped(flat))"
        state.withLock { $0.sink(line) }
    }

    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func notice(_ message: String) { log(.notice, message) }
    public func info(_ message: String) { log(.info, message) }
    public func debug(_ message: String) { log(.debug, message) }

    /// Records one occurrence of a repetitive event. The first occurrence of a key is logged in full
    /// (`message`); later ones within the interval are only counted and reported by `flush(now:)`
    /// as "N more in the last 60 s" — at most one line per key per interval.
    public func count(_ priority: LogPriority, key: String, now: MonotonicSeconds, message: @autoclosure () -> String) {
        let news = state.withLock { state in
            let news = state.limiter.record(key: key, now: now)
            if !news { state.pendingPriority[key] = priority }
            return news
        }
        if news { log(priority, message()) }
    }

    /// Writes the summaries that are due; call it from the 1 Hz tick.
    public func flush(now: MonotonicSeconds) {
        let due = state.withLock { state in
            state.limiter.due(now: now).map { ($0, state.pendingPriority.removeValue(forKey: $0.key) ?? .warning) }
        }
        for (summary, priority) in due {
            log(priority, "\(summary.key): \(summary.suppressed) more in the last \(Int(summary.seconds.rounded())) s")
        }
    }

    static func writeToStderr(_ line: String) {
        // stderr gone: nothing better to do than drop the line.
        try? FileDescriptor.standardError.writeAll(line + "\n")
    }
}
