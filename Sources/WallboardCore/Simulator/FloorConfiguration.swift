/// Everything that shapes a simulated floor: its name, its queues and its roster.
public struct FloorConfiguration: Sendable, Equatable {
    public var floorName: String
    /// Queues in report order.
    public var queues: [QueueProfile]
    public var teams: [StaffTeam]
    /// Label for the counters' period (they reset at midnight).
    public var periodLabel: String

    public init(floorName: String, queues: [QueueProfile], teams: [StaffTeam], periodLabel: String = "since 00:00") {
        self.floorName = floorName
        self.queues = queues
        self.teams = teams
        self.periodLabel = periodLabel
    }

    /// Handlers rostered by the timetable at a time of day, floor-wide.
    public func rostered(atSecondOfDay second: Double) -> Int {
        teams.reduce(0) { $0 + $1.rostered(atSecondOfDay: second) }
    }
}
