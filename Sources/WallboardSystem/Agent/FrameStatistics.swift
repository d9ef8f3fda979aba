/// Frame timings for `wallboardctl status`: build + paint + present, in milliseconds.
public struct FrameStatistics: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var last = 0.0
    public private(set) var worst = 0.0
    public private(set) var total = 0.0
    /// Process start to the first frame presented, if there was one.
    public var firstFrameMilliseconds: Double?

    public init() {}

    public mutating func record(milliseconds: Double) {
        count += 1
        last = milliseconds
        worst = max(worst, milliseconds)
        total += milliseconds
    }

    public var average: Double { count > 0 ? total / Double(count) : 0 }
}
