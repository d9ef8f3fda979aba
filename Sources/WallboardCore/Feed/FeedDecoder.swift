#if canImport(Glibc)
import Glibc  // memchr only.
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes → `FeedMessage`, strictly by PROTOCOL.md, verifying the signature when keys are set.
///
/// Never traps on any input: every problem is a thrown `FeedError`. Works on the raw bytes and
/// builds Strings only for the text values it keeps, so it decodes hundreds of thousands of signed
/// datagrams a second on one core.
public struct FeedDecoder: Sendable {
    public static let maximumSize = 1400
    public static let maximumTextBytes = 64
    public static let version = 1

    /// When not empty, every datagram must carry a `SIG` line made with one of these keys.
    public var keys: [FeedKey]

    public init(keys: [FeedKey] = []) { self.keys = keys }

    public func decode(_ bytes: [UInt8]) throws -> FeedMessage {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// Decodes one datagram; throws `FeedError`.
    public func decode(_ data: UnsafeRawBufferPointer) throws -> FeedMessage { try decodeSigned(data).message }

    /// Decodes one datagram and says which configured key verified it (nil: unsigned, or no key
    /// configured); throws `FeedError`.
    public func decodeSigned(_ data: UnsafeRawBufferPointer) throws -> (message: FeedMessage, keyID: String?) {
        let n = data.count
        guard n <= FeedDecoder.maximumSize else { throw FeedError.tooLarge(bytes: n) }
        guard n > 0 else { throw FeedError.malformed(line: 1, detail: "empty datagram") }
        try FeedDecoder.checkVersion(data)

        // The signature, if any, is the last line; everything before it is what was signed.
        let end = data[n - 1] == 0x0a ? n - 1 : n
        var lastStart = end
        while lastStart > 0, data[lastStart - 1] != 0x0a { lastStart -= 1 }
        var bodyEnd = n
        var signature: (key: UnsafeRawBufferPointer, mac: SHA256Digest)?
        if lastStart > 0, UnsafeRawBufferPointer(rebasing: data[lastStart..<end]).hasPrefix("SIG ") {
            bodyEnd = lastStart
            do {
                signature = try FeedDecoder.parseSignature(data, from: lastStart + 4, to: end, line: 0)
            } catch FeedError.malformed(_, let detail) {
                // The line number is only worth counting when there is an error to report.
                var line = 1
                for i in 0..<lastStart where data[i] == 0x0a { line += 1 }
                throw FeedError.malformed(line: line, detail: detail)
            }
        }
        var keyID: String?
        if !keys.isEmpty {
            guard let signature else {
                // A SIG line that is not the last line is a grammar error, not a missing signature.
                try FeedDecoder.checkNoSignatureLine(data, to: n)
                throw FeedError.unsigned
            }
            guard let key = keys.first(where: { $0.idBytes.elementsEqual(signature.key) }) else {
                throw FeedError.unknownKey(FeedLineScanner.show(signature.key))
            }
            let mac = key.sign(UnsafeRawBufferPointer(rebasing: data[0..<bodyEnd]))
            guard mac.constantTimeEquals(signature.mac) else {
                throw FeedError.badSignature(key.mismatch)
            }
            keyID = key.id
        }
        return (try FeedDecoder.parseBody(data, to: bodyEnd), keyID)
    }

    /// Throws `malformed` when a line other than the last starts with `SIG` (e.g. `SIG …` followed
    /// by an empty line): only reached for datagrams without a final signature, so never on the hot path.
    static func checkNoSignatureLine(_ data: UnsafeRawBufferPointer, to end: Int) throws {
        var line = 1
        var start = 0
        while start < end {
            var eol = start
            while eol < end, data[eol] != 0x0a { eol += 1 }
            if line > 1, UnsafeRawBufferPointer(rebasing: data[start..<eol]).hasPrefix("SIG ") {
                throw FeedError.malformed(line: line, detail: "SIG must be the last line")
            }
            if eol == start, eol < end { throw FeedError.malformed(line: line, detail: "empty line") }
            line += 1
            start = eol + 1
        }
    }

    /// Parses one `Q`, `S`, `A` or `I` line (no header), as `wallboard-publish send` reads them.
    /// Errors name `line` (the caller's line number).
    public static func parseRecord(_ line: [UInt8], line number: Int) throws -> FeedRecord {
        try line.withUnsafeBytes { data in
            guard !data.isEmpty else { throw FeedError.malformed(line: number, detail: "empty line") }
            if let nl = data.firstIndex(of: 0x0a) {
                throw FeedError.malformed(line: number, detail: "line feed inside a record at byte \(nl + 1)")
            }
            return try parseRecord(data, from: 0, to: data.count, line: number, seenSignature: false)
        }
    }

    // MARK: - Header and version

    static func checkVersion(_ data: UnsafeRawBufferPointer) throws {
        guard data.hasPrefix("WB ") else {
            throw FeedError.malformed(line: 1, detail: "the first line must be the 'WB' header")
        }
        var i = 3
        while i < data.count, data[i] &- 0x30 < 10 { i += 1 }
        guard i > 3, i == data.count || data[i] == 0x20 || data[i] == 0x0a else {
            throw FeedError.malformed(line: 1, detail: "WB: the version must be a number")
        }
        let token = UnsafeRawBufferPointer(rebasing: data[3..<i])
        guard token.equals("1") else { throw FeedError.unknownVersion(FeedLineScanner.show(token)) }
    }

    static func parseSignature(_ data: UnsafeRawBufferPointer, from: Int, to: Int, line: Int) throws
        -> (key: UnsafeRawBufferPointer, mac: SHA256Digest)
    {
        var scanner = FeedLineScanner(data: data, from: from, to: to, line: line, record: "SIG")
        var key: UnsafeRawBufferPointer?, mac: SHA256Digest?
        while let (name, value) = try scanner.next() {
            if name.equals("key") {
                guard key == nil else { throw scanner.fail("field 'key' appears twice") }
                guard mac == nil else { throw scanner.fail("key= must come before hmac=") }
                key = value
            } else if name.equals("hmac") {
                guard mac == nil else { throw scanner.fail("field 'hmac' appears twice") }
                // Lower case only (the grammar); SHA256Digest(hex:) checks the rest.
                guard !value.contains(where: { $0 >= 0x41 && $0 <= 0x46 }), let digest = SHA256Digest(hex: value) else {
                    throw scanner.fail("hmac must be 64 lower-case hex digits")
                }
                mac = digest
            } else {
                // The signature line has exactly two fields: nothing may ride along unsigned.
                throw scanner.fail("unexpected field '\(FeedLineScanner.show(name))' (SIG has only key= and hmac=)")
            }
        }
        guard let key else { throw scanner.fail("missing required field 'key'") }
        guard let mac else { throw scanner.fail("missing required field 'hmac'") }
        return (key, mac)
    }

    // MARK: - Body

    static func parseBody(_ data: UnsafeRawBufferPointer, to bodyEnd: Int) throws -> FeedMessage {
        var message = FeedMessage(publisher: "", session: 0, sequence: 0, sentAtMilliseconds: 0)
        var position = 0
        var line = 0
        while position < bodyEnd {
            line += 1
            let eol = lineEnd(data, from: position, to: bodyEnd)
            if eol == position { throw FeedError.malformed(line: line, detail: "empty line") }
            if line == 1 {
                try parseHeader(data, from: position, to: eol, into: &message)
            } else {
                switch try parseRecord(data, from: position, to: eol, line: line, seenSignature: false) {
                case .queue(let q):
                    if message.queues.contains(where: { $0.id == q.id }) {
                        throw FeedError.malformed(line: line, detail: "Q: queue '\(q.id)' appears twice")
                    }
                    message.queues.append(q)
                case .staff(let s):
                    if message.staff.contains(where: { $0.scope == s.scope }) {
                        throw FeedError.malformed(
                            line: line, detail: "S: staff for \(s.scope.map { "queue '\($0)'" } ?? "the floor") appear twice")
                    }
                    message.staff.append(s)
                case .handler(let a):
                    if message.handlers.contains(where: { $0.id == a.id }) {
                        throw FeedError.malformed(line: line, detail: "A: handler '\(a.id)' appears twice")
                    }
                    message.handlers.append(a)
                case .incident(let i):
                    if message.incidents.contains(where: { $0.grade == i.grade && $0.area == i.area }) {
                        throw FeedError.malformed(line: line, detail: "I: grade '\(i.grade)' in area '\(i.area)' appears twice")
                    }
                    message.incidents.append(i)
                case .unknown: break
                }
            }
            position = eol + 1
        }
        return message
    }

    /// The index of the first LF in `from..<to`, or `to`. memchr, because this passes over every
    /// byte of the body and libc compares many bytes a step.
    static func lineEnd(_ data: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        guard from < to, let base = data.baseAddress, let lf = memchr(base + from, 0x0a, to - from) else { return to }
        return base.distance(to: UnsafeRawPointer(lf))
    }

    static func parseHeader(_ data: UnsafeRawBufferPointer, from: Int, to: Int, into m: inout FeedMessage) throws {
        var start = from + 3
        while start < to, data[start] != 0x20 { start += 1 }  // skip the version, checked already
        var s = FeedLineScanner(data: data, from: min(start + 1, to), to: to, line: 1, record: "WB")
        if start < to, start + 1 == to { throw s.fail("a space at the end of the line") }
        var seen: UInt32 = 0
        while let (name, value) = try s.next() {
            if name.equals("pub") {
                try s.once(&seen, 0, "pub")
                m.publisher = try s.text(value, "pub")
            } else if name.equals("session") {
                try s.once(&seen, 1, "session")
                guard let v = FeedNumber.hex64(value) else { throw s.bad("session", value, "1–16 hex digits") }
                m.session = v
            } else if name.equals("seq") {
                try s.once(&seen, 2, "seq")
                guard let v = FeedNumber.unsigned64(value) else { throw s.bad("seq", value, "a whole number") }
                m.sequence = v
            } else if name.equals("sent") {
                try s.once(&seen, 3, "sent")
                guard let v = FeedNumber.unsigned64(value) else { throw s.bad("sent", value, "milliseconds since 1970") }
                m.sentAtMilliseconds = v
            } else if name.equals("interval") {
                try s.once(&seen, 4, "interval")
                guard let v = FeedNumber.decimal(value, signed: false), v > 0 else {
                    throw s.bad("interval", value, "a number of seconds above 0")
                }
                m.interval = v
            } else if name.equals("floor") {
                try s.once(&seen, 5, "floor")
                m.floor = try s.text(value, "floor")
            }
        }
        for (bit, field) in ["pub", "session", "seq", "sent"].enumerated() where seen & (1 << bit) == 0 {
            throw s.fail("missing required field '\(field)'")
        }
    }

    static func parseRecord(_ data: UnsafeRawBufferPointer, from: Int, to: Int, line: Int, seenSignature: Bool) throws
        -> FeedRecord
    {
        var typeEnd = from
        while typeEnd < to, data[typeEnd] != 0x20 { typeEnd += 1 }
        let type = UnsafeRawBufferPointer(rebasing: data[from..<typeEnd])
        let valid = type.first.map { $0 >= 0x41 && $0 <= 0x5a } == true
            && type.allSatisfy { ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x30 && $0 <= 0x39) }
        guard valid else {
            throw FeedError.malformed(
                line: line, detail: "record type must be upper-case letters and digits, got '\(FeedLineScanner.show(type))'")
        }
        let fieldsStart = min(typeEnd + 1, to)
        if typeEnd < to, typeEnd + 1 == to {
            throw FeedError.malformed(line: line, detail: "\(String(decoding: type, as: UTF8.self)): a space at the end of the line")
        }
        if type.equals("Q") {
            return .queue(try parseQueue(FeedLineScanner(data: data, from: fieldsStart, to: to, line: line, record: "Q")))
        } else if type.equals("S") {
            return .staff(try parseStaff(FeedLineScanner(data: data, from: fieldsStart, to: to, line: line, record: "S")))
        } else if type.equals("A") {
            return .handler(try parseHandler(FeedLineScanner(data: data, from: fieldsStart, to: to, line: line, record: "A")))
        } else if type.equals("I") {
            return .incident(try parseIncident(FeedLineScanner(data: data, from: fieldsStart, to: to, line: line, record: "I")))
        } else if type.equals("SIG") {
            throw FeedError.malformed(line: line, detail: "SIG must be the last line")
        } else if type.equals("WB") {
            throw FeedError.malformed(line: line, detail: "WB header may appear only on the first line")
        }
        return .unknown(type: String(decoding: type, as: UTF8.self))
    }

    static func parseQueue(_ scanner: FeedLineScanner) throws -> QueueReport {
        var s = scanner
        var seen: UInt32 = 0
        var id: String?, name: String?, period: String?
        var waiting: Int?, oldest: Double?
        var offered: Int?, answered: Int?, abandoned: Int?, within: Int?
        var target: Double?, asa: Double?
        var extras: [ExtraFigure] = []
        while let (key, value) = try s.next() {
            switch key.count {
            case 2 where key.equals("id"):
                try s.once(&seen, 0, "id")
                id = try s.text(value, "id")
            case 4 where key.equals("name"):
                try s.once(&seen, 1, "name")
                name = try s.text(value, "name")
            case 7 where key.equals("waiting"):
                try s.once(&seen, 2, "waiting")
                waiting = try s.count(value, "waiting")
            case 6 where key.equals("oldest"):
                try s.once(&seen, 3, "oldest")
                oldest = try s.seconds(value, "oldest")
            case 7 where key.equals("offered"):
                try s.once(&seen, 4, "offered")
                offered = try s.count(value, "offered")
            case 8 where key.equals("answered"):
                try s.once(&seen, 5, "answered")
                answered = try s.count(value, "answered")
            case 9 where key.equals("abandoned"):
                try s.once(&seen, 6, "abandoned")
                abandoned = try s.count(value, "abandoned")
            case 6 where key.equals("within"):
                try s.once(&seen, 7, "within")
                within = try s.count(value, "within")
            case 6 where key.equals("target"):
                try s.once(&seen, 8, "target")
                target = try s.seconds(value, "target")
            case 3 where key.equals("asa"):
                try s.once(&seen, 9, "asa")
                asa = try s.seconds(value, "asa")
            case 6 where key.equals("period"):
                try s.once(&seen, 10, "period")
                period = try s.text(value, "period")
            default:
                if key.hasPrefix("x.") {
                    let extraName = String(decoding: UnsafeRawBufferPointer(rebasing: key[2...]), as: UTF8.self)
                    guard !extraName.isEmpty else { throw s.fail("extra figure 'x.' needs a name") }
                    guard let v = FeedNumber.decimal(value, signed: true) else {
                        throw s.bad(String(decoding: key, as: UTF8.self), value, "a decimal number")
                    }
                    if extras.contains(where: { $0.name == extraName }) {
                        throw s.fail("field 'x.\(extraName)' appears twice")
                    }
                    extras.append(ExtraFigure(name: extraName, value: v))
                }
            }
        }
        guard let id else { throw s.fail("missing required field 'id'") }
        guard let waiting else { throw s.fail("missing required field 'waiting'") }
        guard let oldest else { throw s.fail("missing required field 'oldest'") }
        return QueueReport(
            id: id, name: name ?? id, waiting: waiting, longestWait: oldest, offered: offered, answered: answered,
            abandoned: abandoned, answeredWithinTarget: within, targetSeconds: target, averageSpeedOfAnswer: asa,
            period: period, extras: extras)
    }

    static func parseStaff(_ scanner: FeedLineScanner) throws -> StaffReport {
        var s = scanner
        var seen: UInt32 = 0
        var scope: String?
        var counts: (Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0)
        while let (key, value) = try s.next() {
            if key.equals("scope") {
                try s.once(&seen, 5, "scope")
                scope = try s.text(value, "scope")
                continue
            }
            guard let i = staffField(key) else { continue }
            let label = staffFieldLabels[i]
            try s.once(&seen, i, label)
            let v = try s.count(value, label)
            switch i {
            case 0: counts.0 = v
            case 1: counts.1 = v
            case 2: counts.2 = v
            case 3: counts.3 = v
            default: counts.4 = v
            }
        }
        for i in 0..<4 where seen & (1 << i) == 0 {
            throw s.fail("missing required field '\(staffFieldLabels[i])'")
        }
        return StaffReport(
            scope: scope, available: counts.0, onCall: counts.1, wrapUp: counts.2, onBreak: counts.3, other: counts.4)
    }
}

extension FeedDecoder {
    static func parseHandler(_ scanner: FeedLineScanner) throws -> HandlerReport {
        var s = scanner
        var seen: UInt32 = 0
        var id: String?, name: String?, state: HandlerState?, reason: String?, since: Double?, scope: String?
        while let (key, value) = try s.next() {
            if key.equals("id") {
                try s.once(&seen, 0, "id")
                id = try s.text(value, "id")
            } else if key.equals("name") {
                try s.once(&seen, 1, "name")
                name = try s.text(value, "name")
            } else if key.equals("state") {
                try s.once(&seen, 2, "state")
                guard let v = HandlerState(word: try s.text(value, "state")) else {
                    throw s.bad("state", value, "a state word (available, oncall, wrap, break, notready, offline, or another lower-case word of at most \(HandlerState.maximumWordBytes) bytes)")
                }
                state = v
            } else if key.equals("reason") {
                try s.once(&seen, 3, "reason")
                reason = try s.text(value, "reason")
            } else if key.equals("since") {
                try s.once(&seen, 4, "since")
                since = try s.seconds(value, "since")
            } else if key.equals("scope") {
                try s.once(&seen, 5, "scope")
                scope = try s.text(value, "scope")
            }
        }
        guard let id else { throw s.fail("missing required field 'id'") }
        guard let state else { throw s.fail("missing required field 'state'") }
        return HandlerReport(id: id, name: name, state: state, reason: reason, since: since, scope: scope)
    }
}

/// The `S` record's count fields, in `StaffReport` order; the first four are required.
let staffFieldLabels: [StaticString] = ["available", "oncall", "wrap", "break", "other"]

/// The index in `staffFieldLabels` of a field name, by its length first (no loop over the list).
@inline(__always) func staffField(_ key: UnsafeRawBufferPointer) -> Int? {
    switch key.count {
    case 9 where key.equals("available"): 0
    case 6 where key.equals("oncall"): 1
    case 4 where key.equals("wrap"): 2
    case 5 where key.equals("break"): 3
    case 5 where key.equals("other"): 4
    default: nil
    }
}

extension FeedLineScanner {
    // Field labels are StaticStrings: passing one retains nothing, and only an error message reads it.
    mutating func once(_ seen: inout UInt32, _ bit: Int, _ field: StaticString) throws {
        guard seen & (1 << bit) == 0 else { throw fail("field '\(field)' appears twice") }
        seen |= 1 << bit
    }

    func bad(_ field: String, _ value: UnsafeRawBufferPointer, _ expected: String) -> FeedError {
        fail("\(field)='\(FeedLineScanner.show(value))' is not \(expected)")
    }

    func text(_ value: UnsafeRawBufferPointer, _ field: StaticString) throws -> String {
        if value.count > FeedDecoder.maximumTextBytes * 3 { throw fail("\(field) is longer than \(FeedDecoder.maximumTextBytes) bytes") }
        switch FeedText.decode(value) {
        case .success(let text):
            if text.utf8.count > FeedDecoder.maximumTextBytes {
                throw fail("\(field) is longer than \(FeedDecoder.maximumTextBytes) bytes")
            }
            return text
        case .failure(let error): throw fail("\(field) \(error.detail)")
        }
    }

    func count(_ value: UnsafeRawBufferPointer, _ field: StaticString) throws -> Int {
        guard let v = FeedNumber.count(value) else { throw bad(field.description, value, "a whole number (0 or more)") }
        return v
    }

    func seconds(_ value: UnsafeRawBufferPointer, _ field: StaticString) throws -> Double {
        guard let v = FeedNumber.decimal(value, signed: false) else { throw bad(field.description, value, "a number of seconds") }
        return v
    }
}
