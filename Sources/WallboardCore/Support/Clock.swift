/// Seconds on a monotonic clock with an arbitrary origin (CLOCK_MONOTONIC at the edges).
///
/// Pure code never reads a clock: it takes `now` as a parameter, so tests can drive time.
public typealias MonotonicSeconds = Double

/// A source of monotonic time, injected into anything at the edges that measures time.
public protocol Clock: Sendable {
    func now() -> MonotonicSeconds
}

/// A clock that a test moves by hand.
public final class ManualClock: Clock, Sendable {
    private let current: LockedValue<MonotonicSeconds>
    public init(_ start: MonotonicSeconds = 0) { current = LockedValue(start) }
    public func now() -> MonotonicSeconds { current.value }
    public func advance(_ seconds: Double) { current.withLock { $0 += seconds } }
    public func set(_ seconds: MonotonicSeconds) { current.withLock { $0 = seconds } }
}

/// Local wall-clock time of day, for the header clock only (never for staleness or ordering:
/// a Pi has no RTC and may boot with the wrong time).
public struct WallTime: Sendable, Equatable {
    /// Seconds since midnight, local time.
    public var secondsOfDay: Int
    public init(secondsOfDay: Int) { self.secondsOfDay = secondsOfDay }

    /// "HH:MM:SS".
    public var clockText: String {
        let s = ((secondsOfDay % 86_400) + 86_400) % 86_400
        return "\(twoDigits(s / 3600)):\(twoDigits(s / 60 % 60)):\(twoDigits(s % 60))"
    }
}

@inline(__always) func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
