/// One rostered seat: a handler working one shift line of a team, every day. Plain values only
/// (skills live with the team), so reading one in the hot loops costs no reference counting.
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
    let shift: Shift
    var status: Status = .offShift
    /// Simulation time the current status began (the `A` record's `since`).
    var statusSince = 0.0
    /// Counts the shifts started, so events from an earlier shift can be ignored.
    var shiftSerial = 0
    /// When the handler last became available: the longest-idle handler takes the next call.
    var availableSince = 0.0
    /// Minutes of break owed, taken when the current call and wrap-up end.
    var breakOwedMinutes = 0.0
    /// The shift ended while busy: go home after the wrap-up.
    var shiftOver = false

    var isOnShift: Bool {
        if case .offShift = status { return false }
        return true
    }

    var isAvailable: Bool {
        if case .available = status { return true }
        return false
    }
}
