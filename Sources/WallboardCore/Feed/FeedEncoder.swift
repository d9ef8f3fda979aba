/// `FeedMessage` → datagram bytes (PROTOCOL.md), signed when a key is given.
///
/// Throws `FeedError.malformed` (line = the record's line in the datagram) for values the protocol
/// cannot carry — a negative count, an empty or over-long text, a non-finite number — and
/// `FeedError.tooLarge` when the result would exceed 1400 bytes (`FeedPublisher` splits instead).
public struct FeedEncoder: Sendable {
    public var key: FeedKey?

    public init(key: FeedKey? = nil) { self.key = key }

    public func encode(_ message: FeedMessage) throws -> [UInt8] {
        var body = try header(message)
        var line = 1
        for q in message.queues {
            line += 1
            body += try queueLine(q, line: line)
        }
        for s in message.staff {
            line += 1
            body += try staffLine(s, line: line)
        }
        for a in message.handlers {
            line += 1
            body += try handlerLine(a, line: line)
        }
        for i in message.incidents {
            line += 1
            body += try incidentLine(i, line: line)
        }
        return try finish(body)
    }

    /// Appends the `SIG` line (when keyed) and checks the size.
    public func finish(_ body: [UInt8]) throws -> [UInt8] {
        var out = body
        if let key {
            let mac = body.withUnsafeBytes { key.sign($0) }
            out += Array("SIG key=".utf8)
            FeedText.appendEscaped(key.id, to: &out)
            out += Array(" hmac=\(mac.hex)\n".utf8)
        }
        guard out.count <= FeedDecoder.maximumSize else { throw FeedError.tooLarge(bytes: out.count) }
        return out
    }

    /// Bytes the `SIG` line adds (0 unsigned).
    public var signatureLength: Int {
        guard let key else { return 0 }
        var id: [UInt8] = []
        FeedText.appendEscaped(key.id, to: &id)
        return "SIG key=".utf8.count + id.count + " hmac=".utf8.count + 64 + 1
    }

    /// The `WB` line, with its LF.
    public func header(_ m: FeedMessage) throws -> [UInt8] {
        guard m.version == FeedDecoder.version else { throw FeedError.unknownVersion(String(m.version)) }
        var out = Array("WB 1 pub=".utf8)
        try text(m.publisher, "pub", line: 1, &out)
        out += Array(" session=\(String(m.session, radix: 16)) seq=\(m.sequence) sent=\(m.sentAtMilliseconds)".utf8)
        if let interval = m.interval {
            guard interval > 0 else { throw FeedError.malformed(line: 1, detail: "WB: interval must be above 0") }
            try number(" interval=", interval, "interval", line: 1, &out)
        }
        if let floor = m.floor {
            out += Array(" floor=".utf8)
            try text(floor, "floor", line: 1, &out)
        }
        out.append(0x0a)
        return out
    }

    /// One `Q` line, with its LF.
    public func queueLine(_ q: QueueReport, line: Int) throws -> [UInt8] {
        var out = Array("Q id=".utf8)
        try text(q.id, "id", line: line, &out)
        if q.name != q.id {
            out += Array(" name=".utf8)
            try text(q.name, "name", line: line, &out)
        }
        try count(" waiting=", q.waiting, "waiting", line: line, &out)
        try number(" oldest=", q.longestWait, "oldest", line: line, &out, signed: false)
        if let v = q.offered { try count(" offered=", v, "offered", line: line, &out) }
        if let v = q.answered { try count(" answered=", v, "answered", line: line, &out) }
        if let v = q.abandoned { try count(" abandoned=", v, "abandoned", line: line, &out) }
        if let v = q.answeredWithinTarget { try count(" within=", v, "within", line: line, &out) }
        if let v = q.targetSeconds { try number(" target=", v, "target", line: line, &out, signed: false) }
        if let v = q.averageSpeedOfAnswer { try number(" asa=", v, "asa", line: line, &out, signed: false) }
        if let v = q.period {
            out += Array(" period=".utf8)
            try text(v, "period", line: line, &out)
        }
        for x in q.extras {
            guard !x.name.isEmpty, x.name.utf8.allSatisfy(FeedLineScanner.isNameByte) else {
                throw FeedError.malformed(
                    line: line, detail: "Q: extra figure name '\(x.name)' may only use letters, digits, '_', '.', '-'")
            }
            try number(" x.\(x.name)=", x.value, "x.\(x.name)", line: line, &out, signed: true)
        }
        out.append(0x0a)
        return out
    }

    /// One `S` line, with its LF.
    public func staffLine(_ s: StaffReport, line: Int) throws -> [UInt8] {
        var out = Array("S".utf8)
        if let scope = s.scope {
            out += Array(" scope=".utf8)
            try text(scope, "scope", line: line, &out)
        }
        try count(" available=", s.available, "available", line: line, &out)
        try count(" oncall=", s.onCall, "oncall", line: line, &out)
        try count(" wrap=", s.wrapUp, "wrap", line: line, &out)
        try count(" break=", s.onBreak, "break", line: line, &out)
        if s.other != 0 { try count(" other=", s.other, "other", line: line, &out) }
        out.append(0x0a)
        return out
    }

    /// One `A` line, with its LF. The state word goes through the decoder's own rule.
    public func handlerLine(_ a: HandlerReport, line: Int) throws -> [UInt8] {
        var out = Array("A id=".utf8)
        try text(a.id, "id", line: line, &out)
        if a.name != a.id {
            out += Array(" name=".utf8)
            try text(a.name, "name", line: line, &out)
        }
        guard HandlerState(word: a.state.word) == a.state else {
            throw FeedError.malformed(line: line, detail: "A: state '\(a.state.word)' is not a state word")
        }
        out += Array(" state=\(a.state.word)".utf8)
        if let v = a.reason {
            out += Array(" reason=".utf8)
            try text(v, "reason", line: line, &out)
        }
        if let v = a.since { try number(" since=", v, "since", line: line, &out, signed: false) }
        if let v = a.scope {
            out += Array(" scope=".utf8)
            try text(v, "scope", line: line, &out)
        }
        out.append(0x0a)
        return out
    }

    func text(_ value: String, _ field: String, line: Int, _ out: inout [UInt8]) throws {
        guard !value.isEmpty, value.utf8.count <= FeedDecoder.maximumTextBytes else {
            throw FeedError.malformed(
                line: line, detail: "\(field) must be 1–\(FeedDecoder.maximumTextBytes) bytes, got \(value.utf8.count)")
        }
        // The decoder refuses these (PROTOCOL.md, Grammar): refuse them here, so a publisher says so
        // at once instead of sending what every board would count as malformed.
        if let scalar = ControlCharacters.firstUnshowable(in: value) {
            throw FeedError.malformed(line: line, detail: "\(field) \(FeedText.TextError.control(scalar).detail)")
        }
        FeedText.appendEscaped(value, to: &out)
    }

    func count(_ prefix: String, _ value: Int, _ field: String, line: Int, _ out: inout [UInt8]) throws {
        guard value >= 0, value <= 999_999_999_999_999 else {
            throw FeedError.malformed(line: line, detail: "\(field)=\(value) is not a count (0 or more)")
        }
        out += Array("\(prefix)\(value)".utf8)
    }

    func number(
        _ prefix: String, _ value: Double, _ field: String, line: Int, _ out: inout [UInt8], signed: Bool = false
    ) throws {
        guard signed || value >= 0 else {
            throw FeedError.malformed(line: line, detail: "\(field)=\(value) may not be negative")
        }
        out += Array(prefix.utf8)
        guard FeedNumber.appendDecimal(value, to: &out) else {
            throw FeedError.malformed(line: line, detail: "\(field)=\(value) cannot be sent (not finite, or too large)")
        }
    }
}
