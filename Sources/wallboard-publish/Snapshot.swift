import WallboardCore

/// One snapshot `send` publishes: the queues and staff records read since the last one ended.
struct Snapshot: Equatable {
    var queues: [QueueReport] = []
    var staff: [StaffReport] = []
    var handlers: [HandlerReport] = []
    var incidents: [IncidentReport] = []
    /// The floor name this snapshot carries (JSON `floor`); nil = `--floor`.
    var floor: String?

    var isEmpty: Bool { queues.isEmpty && staff.isEmpty && handlers.isEmpty && incidents.isEmpty }

    /// This snapshot `elapsed` seconds after it was read: every age it states (the oldest caller still
    /// waiting, a handler's time in state, the oldest unresourced incident) grown by the time since.
    /// Republished with the ages as first read, it would pull every board's ticking clock back to
    /// those values each interval: a caller's wait shown shorter than it is. Counters, ASA and
    /// states are statements about the period and stay as they were. Whole milliseconds, rounded up.
    func aged(by elapsed: Double) -> Snapshot {
        let e = (max(0, elapsed) * 1000).rounded(.up) / 1000
        guard e > 0 else { return self }
        var s = self
        for i in s.queues.indices where s.queues[i].waiting > 0 { s.queues[i].longestWait += e }
        for i in s.handlers.indices { s.handlers[i].since = s.handlers[i].since.map { $0 + e } }
        for i in s.incidents.indices where s.incidents[i].unresourced > 0 { s.incidents[i].oldestUnresourced += e }
        return s
    }

    /// Adds a record: a later record for the same queue id, staff scope or handler id replaces the earlier.
    mutating func add(_ record: FeedRecord, line: Int) throws {
        switch record {
        case .queue(let q):
            if let i = queues.firstIndex(where: { $0.id == q.id }) {
                queues[i] = q
            } else {
                queues.append(q)
            }
        case .staff(let s):
            staff.removeAll { $0.scope == s.scope }
            staff.append(s)
        case .handler(let a):
            if let i = handlers.firstIndex(where: { $0.id == a.id }) {
                handlers[i] = a
            } else {
                handlers.append(a)
            }
        case .incident(let i):
            incidents.removeAll { $0.id == i.id }
            incidents.append(i)
        case .unknown(let type):
            throw FeedError.malformed(line: line, detail: "unknown record type '\(type)' (send knows Q, S, A and I)")
        }
    }
}

/// A bad input line: reported as `stdin:LINE: DETAIL`.
struct InputProblem: Equatable {
    let line: Int
    let detail: String

    var message: String { "stdin:\(line): \(detail)" }

    /// The detail of a validator error, without the "malformed datagram, line N" framing.
    static func detail(of error: Error) -> String {
        if case FeedError.malformed(_, let detail) = error { return detail }
        return "\(error)"
    }
}
