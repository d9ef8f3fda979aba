import WallboardCore

/// Coalesces redraw requests so the agent presents at most one frame per display refresh: a burst
/// of datagrams (A and B publishers, a replay) costs one frame, not one per datagram. Pure: the
/// agent turns `request(now:)`'s answer into a one-shot timer.
public struct FrameScheduler: Sendable {
    /// Seconds between frames at most: 1 / refresh rate.
    public var minimumInterval: Double
    private var lastFrame: MonotonicSeconds?
    private var pending = false

    public init(refreshHz: Double) {
        minimumInterval = refreshHz > 0 ? 1 / refreshHz : 1.0 / 60
    }

    /// Something changed. Returns the delay after which to draw, or nil when a draw is already pending.
    public mutating func request(now: MonotonicSeconds) -> Double? {
        guard !pending else { return nil }
        pending = true
        guard let lastFrame else { return 0 }
        return max(0, lastFrame + minimumInterval - now)
    }

    /// The scheduled draw is happening now.
    public mutating func drew(now: MonotonicSeconds) {
        pending = false
        lastFrame = now
    }

    public var isPending: Bool { pending }
}
