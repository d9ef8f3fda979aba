/// Something that happens at a moment of simulated time. Handler events carry the shift serial
/// they were scheduled in, so an event left over from an earlier shift is recognised and ignored.
struct SimulationEvent: Sendable {
    enum Kind: Sendable {
        case arrival(queue: Int)
        case abandon(queue: Int, call: UInt64)
        case talkEnd(handler: Int)
        case wrapEnd(handler: Int)
        case shiftStart(handler: Int)
        case briefingEnd(handler: Int, shift: Int)
        case breakDue(handler: Int, shift: Int, minutes: Double)
        case breakEnd(handler: Int, shift: Int)
        case notReadyEnd(handler: Int, shift: Int)
        case shiftEnd(handler: Int, shift: Int)
        case midnight
    }

    var time: Double
    /// Order of scheduling: breaks ties so equal times always replay in the same order.
    var order: UInt64
    var kind: Kind

    @inline(__always) func precedes(_ other: SimulationEvent) -> Bool {
        time < other.time || (time == other.time && order < other.order)
    }
}

/// A binary min-heap of events by (time, order).
struct EventHeap: Sendable {
    private var items: [SimulationEvent] = []

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var first: SimulationEvent? { items.first }

    // Sift with a moving hole rather than swaps: half the copies, which matters in debug builds.
    mutating func push(_ event: SimulationEvent) {
        items.append(event)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard event.precedes(items[parent]) else { break }
            items[child] = items[parent]
            child = parent
        }
        items[child] = event
    }

    mutating func pop() -> SimulationEvent? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        let count = items.count
        guard count > 0 else { return top }
        var parent = 0
        while true {
            let left = 2 * parent + 1
            if left >= count { break }
            let right = left + 1
            let smaller = right < count && items[right].precedes(items[left]) ? right : left
            guard items[smaller].precedes(last) else { break }
            items[parent] = items[smaller]
            parent = smaller
        }
        items[parent] = last
        return top
    }
}
