#if canImport(Glibc)
import Glibc
#endif

/// Timing of the 1 Hz tick against the wall clock.
enum AgentTick {
    /// Seconds until just after the next whole wall-clock second, so the header clock's digits turn
    /// within a few milliseconds of the real second (the tick then repeats every second).
    static func delayToNextSecond() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return 1.0 - Double(ts.tv_nsec) / 1e9 + 0.005
    }
}
