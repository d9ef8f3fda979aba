/// How long to wait before the next connection attempt: doubling from `initial` up to `maximum`,
/// back to `initial` once a connection has worked (logged in), so a PBX restart costs seconds,
/// and a wrong password or a dead host never becomes a tight loop.
public struct ReconnectBackoff: Sendable, Equatable {
    public let initial: Double
    public let maximum: Double
    private var next: Double

    public init(initial: Double = 1, maximum: Double = 30) {
        self.initial = initial
        self.maximum = maximum
        next = initial
    }

    /// The wait before the coming attempt; the one after it is twice as long (up to `maximum`).
    public mutating func delay() -> Double {
        defer { next = min(next * 2, maximum) }
        return next
    }

    /// A connection worked: the next failure waits `initial` again.
    public mutating func succeeded() { next = initial }
}
