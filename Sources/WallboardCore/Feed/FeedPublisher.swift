/// The sending side's state: publisher id, session, the next sequence number, and splitting a
/// snapshot into datagrams of at most 1400 bytes (a queue and its staff line never split).
public struct FeedPublisher: Sendable {
    public let publisher: String
    public let session: UInt64
    public private(set) var nextSequence: UInt64
    public var interval: Double?
    public var floor: String?
    public var encoder: FeedEncoder

    public init(
        publisher: String, session: UInt64, firstSequence: UInt64 = 1, interval: Double? = nil,
        floor: String? = nil, key: FeedKey? = nil
    ) {
        self.publisher = publisher
        self.session = session
        nextSequence = firstSequence
        self.interval = interval
        self.floor = floor
        encoder = FeedEncoder(key: key)
    }

    /// Datagrams carrying the whole snapshot: each queue with its scoped staff line together, the
    /// floor-wide staff in the first, then the handlers (`A`, each its own line: the board keeps
    /// them by id, so they may split anywhere), then each `I` line. Nothing to send makes one heartbeat.
    public mutating func datagrams(
        queues: [QueueReport], staff: [StaffReport], handlers: [HandlerReport] = [], incidents: [IncidentReport] = [],
        sentAtMilliseconds: UInt64
    ) throws -> [[UInt8]] {
        // Group lines: floor-wide staff first, then each queue with its own staff.
        var groups: [[[UInt8]]] = []
        var line = 2
        var floorStaff: [[UInt8]] = []
        let queueIds = Set(queues.map(\.id))
        for s in staff where s.scope == nil || !queueIds.contains(s.scope!) {
            floorStaff.append(try encoder.staffLine(s, line: line))
        }
        if !floorStaff.isEmpty { groups.append(floorStaff) }
        for q in queues {
            var group = [try encoder.queueLine(q, line: line)]
            for s in staff where s.scope == q.id { group.append(try encoder.staffLine(s, line: line)) }
            groups.append(group)
        }
        for a in handlers { groups.append([try encoder.handlerLine(a, line: line)]) }
        for i in incidents { groups.append([try encoder.incidentLine(i, line: line)]) }
        line += 1

        let budget = FeedDecoder.maximumSize - encoder.signatureLength
        var result: [[UInt8]] = []
        var body = try headerNow(sentAtMilliseconds)
        var bodyHasRecords = false
        for group in groups {
            let size = group.reduce(0) { $0 + $1.count }
            if bodyHasRecords, body.count + size > budget {
                result.append(try encoder.finish(body))
                body = try headerNow(sentAtMilliseconds)
                bodyHasRecords = false
            }
            for l in group { body += l }
            bodyHasRecords = true
        }
        result.append(try encoder.finish(body))
        return result
    }

    /// A heartbeat datagram (header only).
    public mutating func heartbeat(sentAtMilliseconds: UInt64) throws -> [UInt8] {
        try encoder.finish(try headerNow(sentAtMilliseconds))
    }

    private mutating func headerNow(_ sent: UInt64) throws -> [UInt8] {
        let m = FeedMessage(
            publisher: publisher, session: session, sequence: nextSequence, sentAtMilliseconds: sent,
            interval: interval, floor: floor)
        let bytes = try encoder.header(m)
        nextSequence &+= 1
        return bytes
    }
}
