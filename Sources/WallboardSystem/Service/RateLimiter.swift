import WallboardCore

/// Decides which repeats of an event get a log line: the first of each key, then one summary per
/// interval with how many were suppressed. Pure: time is passed in.
public struct RateLimiter: Sendable {
    public struct Summary: Sendable, Equatable {
        public var key: String
        public var suppressed: Int
        public var seconds: Double
    }

    private struct Window: Sendable {
        var opened: MonotonicSeconds
        var suppressed: Int
    }

    public let interval: Double
    private var windows: [String: Window] = [:]

    public init(interval: Double) { self.interval = interval }

    /// True if this occurrence should be logged in full; false if it is counted for a summary.
    public mutating func record(key: String, now: MonotonicSeconds) -> Bool {
        if var window = windows[key] {
            if now - window.opened < interval {
                window.suppressed += 1
                windows[key] = window
                return false
            }
            // Interval over with nothing pending: this one is news again.
            if window.suppressed == 0 {
                windows[key] = Window(opened: now, suppressed: 0)
                return true
            }
            window.suppressed += 1
            windows[key] = window
            return false
        }
        windows[key] = Window(opened: now, suppressed: 0)
        return true
    }

    /// Summaries whose interval has ended with suppressed events; their windows restart now.
    public mutating func due(now: MonotonicSeconds) -> [Summary] {
        var out: [Summary] = []
        for (key, window) in windows where now - window.opened >= interval {
            if window.suppressed > 0 {
                out.append(Summary(key: key, suppressed: window.suppressed, seconds: now - window.opened))
                windows[key] = Window(opened: now, suppressed: 0)
            } else {
                windows[key] = nil  // quiet for a whole interval: forget it, the next one is logged in full
            }
        }
        return out.sorted { $0.key < $1.key }
    }
}
