/// Calls waiting in one queue, oldest first. Callers hang up from anywhere in the line, so a gone
/// call is only marked and skipped; the array is compacted now and then so it never grows
/// without bound over a long run.
struct WaitingLine: Sendable {
    struct Call: Sendable {
        var id: UInt64
        var arrival: Double
        var gone: Bool
    }

    private var calls: [Call] = []
    private var head = 0
    private(set) var count = 0

    /// Ids must grow with each append (they do: one counter for the whole floor).
    mutating func append(id: UInt64, arrival: Double) {
        calls.append(Call(id: id, arrival: arrival, gone: false))
        count += 1
    }

    /// The oldest call still waiting.
    var oldest: Call? {
        var i = head
        while i < calls.count {
            if !calls[i].gone { return calls[i] }
            i += 1
        }
        return nil
    }

    mutating func popOldest() -> Call? {
        skipGone()
        guard head < calls.count else { return nil }
        let call = calls[head]
        head += 1
        count -= 1
        compactIfWorthIt()
        return call
    }

    /// Removes a call that is still waiting; returns it, or nil if it was already answered.
    mutating func remove(id: UInt64) -> Call? {
        // Binary search: ids are increasing along the array.
        var low = head, high = calls.count
        while low < high {
            let mid = (low + high) / 2
            if calls[mid].id < id { low = mid + 1 } else { high = mid }
        }
        guard low < calls.count, calls[low].id == id, !calls[low].gone else { return nil }
        calls[low].gone = true
        let call = calls[low]
        count -= 1
        skipGone()
        compactIfWorthIt()
        return call
    }

    mutating func removeAll() {
        calls.removeAll(keepingCapacity: true)
        head = 0
        count = 0
    }

    private mutating func skipGone() {
        while head < calls.count, calls[head].gone { head += 1 }
    }

    private mutating func compactIfWorthIt() {
        if head == calls.count {
            calls.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 256, head * 2 > calls.count {
            calls.removeFirst(head)
            head = 0
        }
    }
}
