/// A supervisor's `wallboardctl ack`: who (from the control socket's SO_PEERCRED, never from the
/// request), when, and the level acknowledged. It lasts while the queue stays in alarm at that
/// level or better; it is dropped when the alarm clears, or when it gets worse (a warning
/// acknowledged does not cover the breach that follows).
public struct Acknowledgement: Sendable, Equatable, Codable {
    /// The login name ("alice"), or "uid 1001" when the passwd database does not know it.
    public var by: String
    /// Monotonic time of the acknowledgement (for ordering and tests; never shown).
    public var at: MonotonicSeconds
    /// Local wall-clock time it was made, "14:02", as the wall shows it.
    public var clock: String
    /// The alarm level the queue was at when acknowledged.
    public var level: AlarmLevel

    public init(by: String, at: MonotonicSeconds, clock: String, level: AlarmLevel) {
        self.by = by
        self.at = at
        self.clock = clock
        self.level = level
    }

    /// What the tile says, in words (never colour alone): "ACKNOWLEDGED by alice 14:02".
    public var text: String { "ACKNOWLEDGED by \(by) \(clock)" }
}

extension AlarmLevel: Codable {}

extension WallTime {
    /// "HH:MM", the time of day an acknowledgement is shown with.
    public var minuteText: String { String(clockText.prefix(5)) }
}
