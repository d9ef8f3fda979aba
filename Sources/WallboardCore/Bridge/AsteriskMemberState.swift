/// What a queue member is doing, from Asterisk's numbers: the member's device state (`Status`,
/// AST_DEVICE_*), `Paused`, and `LastCall` plus the member's `Wrapuptime` for after-call work.
public enum AsteriskMemberState: String, Sendable, Equatable, CaseIterable {
    case available, oncall, wrap
    /// Paused (`Paused: 1`): break, lunch, training — whatever `PausedReason` says.
    case onBreak = "break"
    /// Logged in but the device state is unknown (AST_DEVICE_UNKNOWN): counted as `other`.
    case other
    /// Device invalid or unavailable (phone unplugged, not registered): not logged in for the board.
    case offline

    /// - Parameters:
    ///   - status: AST_DEVICE_*: 0 unknown, 1 not in use, 2 in use, 3 busy, 4 invalid,
    ///     5 unavailable, 6 ringing, 7 ringing while in use, 8 on hold.
    ///   - secondsSinceLastCall: now − `LastCall` (the end of the member's last queue call), nil
    ///     when it never took one.
    ///   - wrapupSeconds: the member's `Wrapuptime` (0 or absent = none reported).
    public init(status: Int, paused: Bool, secondsSinceLastCall: Double?, wrapupSeconds: Int) {
        switch status {
        case 4, 5: self = .offline  // an unreachable phone is gone, paused or not
        case _ where paused: self = .onBreak
        // Ringing is a queue call being offered to this member: taken, not free for the next one.
        case 2, 3, 6, 7, 8: self = .oncall
        case 1:
            if let since = secondsSinceLastCall, wrapupSeconds > 0, since >= 0, since < Double(wrapupSeconds) {
                self = .wrap
            } else {
                self = .available
            }
        default: self = .other
        }
    }

    /// For a member of several queues, the one floor-wide state: what they are doing for any queue
    /// (on a call for one is on a call), and paused only when paused in every queue.
    static let floorPrecedence: [AsteriskMemberState] = [.oncall, .wrap, .available, .other, .onBreak, .offline]

    /// The `A` record's state word; a device state Asterisk does not know is sent as `unknown`
    /// (shown as sent, in the neutral style), not guessed.
    public var handlerState: HandlerState {
        switch self {
        case .available: .available
        case .oncall: .onCall
        case .wrap: .wrapUp
        case .onBreak: .onBreak
        case .other: .other("unknown")
        case .offline: .offline
        }
    }
}
