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
