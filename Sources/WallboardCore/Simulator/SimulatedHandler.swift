/// One rostered seat: a handler working one shift line of a team, every day.
struct SimulatedHandler: Sendable {
    enum Status: Sendable, Equatable {
        case offShift
        case briefing
        case available
        case onCall(queue: Int)
        case wrapUp(queue: Int)
        case onBreak
        /// Not taking calls for another reason (reported as "other").
        case notReady
    }

    let team: Int
    /// Skill queues (indices into the floor's queues) in priority order.
    let skills: [Int]
    let shift: Shift
    var status: Status = .offShift
    /// Counts the shifts started, so events from an earlier shift can be ignored.
    var shiftSerial = 0
    /// When the handler last became available: the longest-idle handler takes the next call.
    var availableSince = 0.0
    /// Minutes of break owed, taken when the current call and wrap-up end.
    var breakOwedMinutes = 0.0
    /// The shift ended while busy: go home after the wrap-up.
    var shiftOver = false

    var isOnShift: Bool { status != .offShift }
}
