/// Splits one line of a datagram into its type token and `name=value` fields, enforcing the
/// grammar's character rules. Works on raw bytes: no allocation per field.
struct FeedLineScanner {
    let data: UnsafeRawBufferPointer
    let line: Int
    /// The record type, for messages (a StaticString: copying the scanner retains nothing).
    let record: StaticString
    private(set) var position: Int
    let end: Int

    init(data: UnsafeRawBufferPointer, from start: Int, to end: Int, line: Int, record: StaticString) {
        self.data = data
        self.position = start
        self.end = end
        self.line = line
        self.record = record
    }

    /// The next `name=value` field, or nil at the end of the line.
    @inline(__always)  // once per field in every record parser: inlined, the call and its tuple return cost nothing
    mutating func next() throws -> (name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)? {
        guard position < end else { return nil }
        // `position` sits just after a space (or the type token's end, which was a space).
        let start = position
        // The common field — name bytes, '=', then printable bytes up to a space or the line's
        // end — in two tight loops. Any other shape goes to `slowField`, which reports exactly
        // what is wrong; a control byte met here is also the first one in the field, since
        // everything before it was a name byte, '=' or a printable byte.
        var i = start
        while i < end {
            let c = data[i]
            // Names are mostly lower-case letters: one compare lets them through.
            guard c &- 0x61 < 26 || FeedLineScanner.isNameByte(c) else { break }
            i += 1
        }
        guard i > start, i < end, data[i] == 0x3d else { return try slowField(from: start) }
        let equals = i
        i += 1
        while i < end {
            let c = data[i]
            if c <= 0x20 || c == 0x7f {
                if c == 0x20 { break }
                throw control(c)
            }
            i += 1
        }
        return try finish(start, equals, i, nameChecked: true)
    }

    /// Any field the fast loops in `next` do not take: one byte at a time, in the grammar's order
    /// of complaints (control character, empty field, trailing space, no '=', bad name, empty value).
    mutating func slowField(from start: Int) throws -> (name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
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
        guard equals > start else {
            if i < end, i + 1 == end { throw fail("a space at the end of the line") }
            throw fail("'\(FeedLineScanner.show(slice(start, i)))' is not a name=value field")
        }
        return try finish(start, equals, i, nameChecked: false)
    }

    /// The checks after a field's bytes were scanned (`equals` > `start`, `i` at its end);
    /// `nameChecked` when every byte before `equals` is known to be a name byte.
    @inline(__always)
    private mutating func finish(_ start: Int, _ equals: Int, _ i: Int, nameChecked: Bool) throws
        -> (name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
    {
        if i < end, i + 1 == end { throw fail("a space at the end of the line") }
        position = i + 1
        let name = slice(start, equals)
        if !nameChecked, name.contains(where: { !FeedLineScanner.isNameByte($0) }) {
            throw fail("field name '\(FeedLineScanner.show(name))' may only use letters, digits, '_', '.', '-'")
        }
        guard equals + 1 < i else { throw fail("field '\(FeedLineScanner.show(name))' has an empty value") }
        return (name, slice(equals + 1, i))
    }

    func slice(_ a: Int, _ b: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: data[a..<b])
    }

    func fail(_ detail: String) -> FeedError { .malformed(line: line, detail: "\(record.description): \(detail)") }

    func control(_ c: UInt8) -> FeedError {
        switch c {
        case 0x0d: fail("carriage return (lines end with LF only)")
        case 0x09: fail("tab character (fields are separated by one space)")
        default: fail("control character 0x\(String(c, radix: 16))")
        }
    }

    /// Letters, digits, '_', '.', '-': one bit per byte in two 64-bit masks (bytes 0x00–3F and
    /// 0x40–7F), so the test is a shift, not six range compares.
    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool {
        let low: UInt64 = 0x03ff_6000_0000_0000   // '-' '.' '0'–'9'
        let high: UInt64 = 0x07ff_fffe_87ff_fffe  // 'A'–'Z' '_' 'a'–'z'
        return c < 0x80 && ((c < 0x40 ? low : high) &>> UInt64(c & 0x3f)) & 1 != 0
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
