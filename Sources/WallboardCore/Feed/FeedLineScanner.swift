/// Splits one line of a datagram into its type token and `name=value` fields, enforcing the
/// grammar's character rules. Works on raw bytes: no allocation per field.
struct FeedLineScanner {
    let data: UnsafeRawBufferPointer
    let line: Int
    let record: String
    private(set) var position: Int
    let end: Int

    init(data: UnsafeRawBufferPointer, from start: Int, to end: Int, line: Int, record: String) {
        self.data = data
        self.position = start
        self.end = end
        self.line = line
        self.record = record
    }

    /// The next `name=value` field, or nil at the end of the line.
    mutating func next() throws -> (name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        guard position < end else { return nil }
        // `position` sits just after a space (or the type token's end, which was a space).
        let start = position
        var equals = -1
        var i = start
        while i < end {
            let c = data[i]
            // Most bytes are letters: one compare lets them through.
            if c > 0x3d && c != 0x7f {
                i += 1
                continue
            }
            if c == 0x20 { break }
            if c < 0x20 || c == 0x7f { throw control(c) }
            if c == 0x3d, equals < 0 { equals = i }
            i += 1
        }
        if i == start { throw fail("empty field (two spaces, or a space at the end of the line)") }
        if i < end, i + 1 == end { throw fail("a space at the end of the line") }
        position = i + 1
        guard equals > start else {
            throw fail("'\(FeedLineScanner.show(slice(start, i)))' is not a name=value field")
        }
        let name = slice(start, equals)
        for c in name where !FeedLineScanner.isNameByte(c) {
            throw fail("field name '\(FeedLineScanner.show(name))' may only use letters, digits, '_', '.', '-'")
        }
        guard equals + 1 < i else { throw fail("field '\(FeedLineScanner.show(name))' has an empty value") }
        return (name, slice(equals + 1, i))
    }

    func slice(_ a: Int, _ b: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: data[a..<b])
    }

    func fail(_ detail: String) -> FeedError { .malformed(line: line, detail: "\(record): \(detail)") }

    func control(_ c: UInt8) -> FeedError {
        switch c {
        case 0x0d: fail("carriage return (lines end with LF only)")
        case 0x09: fail("tab character (fields are separated by one space)")
        default: fail("control character 0x\(String(c, radix: 16))")
        }
    }

    static func isNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)
            || c == 0x5f || c == 0x2e || c == 0x2d
    }

    /// A raw value for an error message: at most 24 bytes, non-printing bytes as '?'.
    static func show(_ raw: UnsafeRawBufferPointer) -> String {
        let cut = raw.prefix(24).map { $0 < 0x20 || $0 == 0x7f ? UInt8(ascii: "?") : $0 }
        return String(decoding: cut, as: UTF8.self) + (raw.count > 24 ? "…" : "")
    }
}

extension UnsafeRawBufferPointer {
    /// Byte-wise comparison with a literal (field names), without building a String.
    @inline(__always) func equals(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0..<count where self[i] != p[i] { return false }
        return true
    }

    @inline(__always) func hasPrefix(_ literal: StaticString) -> Bool {
        guard count >= literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0..<literal.utf8CodeUnitCount where self[i] != p[i] { return false }
        return true
    }
}
