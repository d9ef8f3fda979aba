/// The sequence numbers seen in one session: the highest, and a 64-bit bitmap of the 64 numbers at
/// and below it (bit d = highest − d). Anything older than the window counts as a replay.
public struct SequenceWindow: Sendable, Equatable {
    public static let width: UInt64 = 64
    public private(set) var highest: UInt64
    private var seen: UInt64

    /// A window that has seen exactly `first`.
    public init(first: UInt64) {
        highest = first
        seen = 1
    }

    /// True (and marked seen) if `sequence` is new; false if seen before or too old.
    public mutating func accept(_ sequence: UInt64) -> Bool {
        if sequence > highest {
            let shift = sequence - highest
            seen = shift >= SequenceWindow.width ? 1 : (seen << shift) | 1
            highest = sequence
            return true
        }
        let behind = highest - sequence
        guard behind < SequenceWindow.width else { return false }
        let bit: UInt64 = 1 << behind
        guard seen & bit == 0 else { return false }
        seen |= bit
        return true
    }
}
