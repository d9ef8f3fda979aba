/// Cuts the byte stream of an Asterisk Manager Interface connection into messages: the one-line
/// banner first (`Asterisk Call Manager/5.0.1`), then blocks of `Key: Value` lines, each block
/// ended by a blank line. Lines end with CRLF as Asterisk sends them; a bare LF is accepted too
/// (a proxy or a hand-written test may drop the CR). Pure: bytes in, messages out, no I/O.
///
/// A block with a line that is not `Key: Value` (or too long) is dropped whole and counted, never
/// half-applied, and framing resumes at the next blank line, so one bad event costs only itself.
public struct AMIFramer: Sendable {
    public enum Output: Sendable, Equatable {
        /// The greeting line, e.g. "Asterisk Call Manager/5.0.1".
        case banner(String)
        case message(AMIMessage)
        /// A block dropped whole, with why (for the log).
        case malformed(String)
    }

    /// Longest line kept; Asterisk's own lines are far shorter (its header buffer is 1 KiB), so a
    /// longer one is a broken stream, not a message to store.
    public static let maximumLineBytes = 8192
    /// Most lines in one block: a QueueMember event has about 20.
    public static let maximumLines = 256

    private var line: [UInt8] = []
    private var lineTooLong = false
    private var fields: [(key: String, value: String)] = []
    private var problem: String?
    private var expectingBanner = true
    /// Blocks dropped since the framer was made (the log says how many so far).
    public private(set) var malformedCount = 0

    public init() {}

    /// A new connection: expect a banner again and forget a half-received block.
    public mutating func reset() {
        line = []
        lineTooLong = false
        fields = []
        problem = nil
        expectingBanner = true
    }

    /// The messages completed by `bytes` (a read of any size: a message may span reads).
    public mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [Output] {
        var out: [Output] = []
        for b in bytes {
            if b == 10 {
                if line.last == 13 { line.removeLast() }
                if let o = endLine() { out.append(o) }
                line.removeAll(keepingCapacity: true)
                lineTooLong = false
            } else if line.count < Self.maximumLineBytes {
                line.append(b)
            } else {
                lineTooLong = true
            }
        }
        return out
    }

    private mutating func endLine() -> Output? {
        if expectingBanner {
            expectingBanner = false
            // The banner has no colon-space ("Asterisk Call Manager/5.0.1"); a server that
            // starts straight with a block is read as one.
            if !line.isEmpty, !contains(line, ": ") { return .banner(String(decoding: line, as: UTF8.self)) }
        }
        if line.isEmpty { return endBlock() }
        let number = fields.count + 1
        guard problem == nil else { return nil }
        if lineTooLong {
            problem = "line \(number) is longer than \(Self.maximumLineBytes) bytes"
        } else if fields.count >= Self.maximumLines {
            problem = "more than \(Self.maximumLines) lines"
        } else if let f = Self.field(line) {
            fields.append(f)
        } else {
            problem = "line \(number) '\(Self.excerpt(line))' is not 'Key: Value'"
        }
        return nil
    }

    private mutating func endBlock() -> Output? {
        defer {
            fields.removeAll(keepingCapacity: true)
            problem = nil
        }
        if let problem {
            malformedCount += 1
            let event = fields.first.map { " (\($0.key) \($0.value))" } ?? ""
            return .malformed("block\(event): \(problem)")
        }
        return fields.isEmpty ? nil : .message(AMIMessage(fields))
    }

    /// "Key: Value" (the value may be empty: `PausedReason: `). The key is one word of printable
    /// ASCII; the value is valid UTF-8.
    static func field(_ line: [UInt8]) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        let key = line[..<colon]
        guard key.allSatisfy({ $0 > 32 && $0 < 127 }) else { return nil }
        var start = colon + 1
        while start < line.count, line[start] == 32 { start += 1 }
        guard let value = String(validating: line[start...], as: UTF8.self),
            !value.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\t" })
        else { return nil }
        return (String(decoding: key, as: UTF8.self), value)
    }

    private func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        return (0...(bytes.count - n.count)).contains { bytes[$0..<($0 + n.count)].elementsEqual(n) }
    }

    private static func excerpt(_ line: [UInt8]) -> String {
        let text = String(decoding: line.prefix(40), as: UTF8.self)
        return String(text.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? "?" : Character($0) })
            + (line.count > 40 ? "…" : "")
    }
}
