#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// CLOCK_MONOTONIC: never jumps when NTP (or a Pi without an RTC) corrects the wall clock.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> MonotonicSeconds {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Local time of day, for the header clock only (see `WallTime`).
    public static func wallTime() -> WallTime {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return WallTime(secondsOfDay: Int(parts.tm_hour) * 3600 + Int(parts.tm_min) * 60 + Int(parts.tm_sec))
    }

    /// Wall-clock time as Unix seconds (CLOCK_REALTIME), for timestamps others compare with theirs
    /// (the metrics' time of the last frame); never for measuring intervals.
    public static func unixTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU time this process has used (user + system), seconds: for `status` and the benchmark.
    public static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
