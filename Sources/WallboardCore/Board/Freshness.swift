/// Which of the board's figures are current: decided once per moment, by `BoardState.freshness(at:)`
/// (`BoardEngine` does it for the tick and for each frame), and then read by the alarms and the
/// scene alike, so every part of a frame agrees on what is stale and none recomputes it.
public struct Freshness: Sendable, Equatable {
    /// When it was decided.
    public var at: MonotonicSeconds
    /// The whole feed has been silent past lost_after: every figure is old.
    public var feedLost: Bool
    /// Queues whose data is within stale_after (empty when the feed is lost).
    public var current: Set<String>
    /// Floor-wide staff counts are within stale_after (false when the feed is lost).
    public var floorStaffCurrent: Bool
    /// Incident grade/area ids whose data is within stale_after (empty when the feed is lost).
    public var currentIncidents: Set<String> = []

    /// True when queue `id` has no current data: never reported, past stale_after, or the feed is lost.
    public func isStale(_ id: String) -> Bool { !current.contains(id) }
}

extension BoardState {
    /// Decides staleness for every queue as of `now`.
    public func freshness(at now: MonotonicSeconds) -> Freshness {
        let lost = isFeedLost(at: now)
        var current = Set<String>(minimumCapacity: lost ? 0 : queues.count)  // no regrowth while filled
        if !lost {
            for (id, q) in queues where isWithinStaleAfter(q, at: now) { current.insert(id) }
        }
        var freshness = Freshness(at: now, feedLost: lost, current: current, floorStaffCurrent: currentFloorStaff(at: now) != nil)
        freshness.currentIncidents = currentIncidents(at: now)
        return freshness
    }

    /// Floor-wide staff counts if `freshness` says they are current.
    public func currentFloorStaff(_ freshness: Freshness) -> StaffReport? { freshness.floorStaffCurrent ? floorStaff : nil }
}
