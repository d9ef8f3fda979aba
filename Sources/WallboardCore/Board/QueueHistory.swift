/// The last hour of one queue, one point a minute, for the tile's trend sparkline.
/// Each point keeps the *highest* calls waiting and longest wait reported in that minute: a spike
/// that came and went between two samples still shows.
public struct QueueHistory: Sendable, Equatable {
    public static let minutes = 60

    /// A plain value in every slot (no optional around it): compared and copied field by field.
    struct Point: Sendable, Equatable {
        var minute: Int
        var waiting: Double
        var longestWait: Double

        /// A slot never recorded (no minute is `Int.min`: `record` refuses it).
        static let empty = Point(minute: .min, waiting: 0, longestWait: 0)
    }

    /// Ring of `minutes` slots indexed by minute number; a slot whose `minute` is old is empty.
    private var slots = Array(repeating: Point.empty, count: QueueHistory.minutes)

    public init() {}

    static func minute(_ now: MonotonicSeconds) -> Int { Int((now / 60).rounded(.down)) }

    public mutating func record(waiting: Int, longestWait: Double, at now: MonotonicSeconds) {
        guard now.isFinite else { return }
        let m = Self.minute(now)
        guard m != Point.empty.minute else { return }
        let i = ((m % Self.minutes) + Self.minutes) % Self.minutes
        let p = slots[i]
        if p.minute == m {
            slots[i] = Point(minute: m, waiting: max(p.waiting, Double(waiting)), longestWait: max(p.longestWait, longestWait))
        } else {
            slots[i] = Point(minute: m, waiting: Double(waiting), longestWait: longestWait)
        }
    }

    /// True when `other` gives the same calls-waiting series at any time: the same minutes with the
    /// same calls waiting in every slot (the longest wait, which grows while a caller waits, may differ).
    func hasSameWaiting(as other: QueueHistory) -> Bool {
        slots.count == other.slots.count
            && zip(slots, other.slots).allSatisfy { $0.minute == $1.minute && $0.waiting == $1.waiting }
    }

    /// Calls waiting per minute for the last hour ending at `now`, oldest first; nil = no data that minute.
    public func waiting(at now: MonotonicSeconds) -> [Double?] { series(at: now) { $0.waiting } }

    /// Longest wait (seconds) per minute for the last hour ending at `now`, oldest first.
    public func longestWait(at now: MonotonicSeconds) -> [Double?] { series(at: now) { $0.longestWait } }

    private func series(at now: MonotonicSeconds, _ value: (Point) -> Double) -> [Double?] {
        guard now.isFinite else { return Array(repeating: nil, count: Self.minutes) }
        // Walks the ring once from the oldest minute's slot, into an array sized up front.
        var m = Self.minute(now) - Self.minutes + 1
        var i = ((m % Self.minutes) + Self.minutes) % Self.minutes
        var out: [Double?] = []
        out.reserveCapacity(Self.minutes)
        for _ in 0..<Self.minutes {
            let p = slots[i]
            out.append(p.minute == m ? value(p) : nil)
            m += 1
            i = i == Self.minutes - 1 ? 0 : i + 1
        }
        return out
    }
}
