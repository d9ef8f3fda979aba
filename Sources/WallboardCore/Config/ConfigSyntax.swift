/// The line grammar of the config file, before any meaning is attached:
///
///     # a comment (a whole line, or after whitespace at the end of a value)
///     [feed]                  a section
///     [queue "999"]           a section with an argument (queue id)
///     key = value             a setting; a value may be "quoted" to keep a # or edge spaces
///
/// Both the parser and the editor use it: the editor needs the exact byte ranges to change a value
/// and leave every comment, blank line and ordering as the supervisor wrote it.
///
/// It works on UTF-8 bytes, not Characters: every byte that matters to the grammar is ASCII, and
/// grapheme breaking made parsing a 3 KB file take milliseconds. Lines end at LF (a CR just before
/// it belongs to the line end), which is what every editor counts, so line N here is line N in nano.
/// Columns count Unicode scalars, starting at 1.
struct ConfigSyntax {
    enum Line {
        case blank
        case comment
        case section(SectionHeader)
        case setting(Setting)
        case error(ConfigProblem, column: Int)
    }

    struct SectionHeader {
        var name: String
        var argument: String?
        var line: Int
        var column: Int
        /// The name as written between the brackets, e.g. `queue "999"`: used in messages.
        var display: String { argument.map { "\(name) \"\($0)\"" } ?? name }
    }

    struct Setting {
        var key: String
        var value: String
        var line: Int
        var keyColumn: Int
        var valueColumn: Int
        /// Byte offsets (in the line's UTF-8) of the value as written, quotes included, so an edit
        /// can replace exactly that and keep the spacing and any trailing comment.
        var valueRange: Range<Int>
    }

    /// The lines of `text`, as UTF-8 bytes without their line end (LF or CR LF). A final line end
    /// does not start another line.
    static func lines(of text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        Array(text.utf8).withUnsafeBufferPointer { all in
            var start = 0
            for i in all.indices where all[i] == lf {
                let end = i > start && all[i - 1] == cr ? i - 1 : i
                result.append(Array(all[start..<end]))
                start = i + 1
            }
            if start < all.count { result.append(Array(all[start...])) }
        }
        return result
    }

    static func parse(line: [UInt8], number: Int) -> Line {
        if let (offset, scalar) = controlCharacter(in: line) {
            return .error(
                .malformedLine("control character \(ControlCharacters.name(scalar)) is not allowed (only tabs); remove it"),
                column: column(line, offset))
        }
        var i = 0
        while i < line.count, isSpace(line[i]) { i += 1 }
        if i == line.count { return .blank }
        if line[i] == hash || line[i] == semicolon { return .comment }
        if line[i] == openBracket { return section(line, from: i, line: number) }
        return setting(line, from: i, line: number)
    }

    private static func section(_ line: [UInt8], from start: Int, line number: Int) -> Line {
        guard let close = line[start...].firstIndex(of: closeBracket) else {
            return .error(.malformedSection("section header has no closing ']'; expected [name] or [queue \"ID\"]"), column: column(line, start))
        }
        var k = close + 1
        while k < line.count, isSpace(line[k]) { k += 1 }
        if k < line.count, line[k] != hash {
            return .error(.malformedSection("unexpected text after ']'; expected a comment or nothing"), column: column(line, close + 1))
        }
        var j = start + 1
        while j < close, line[j] == space { j += 1 }
        let nameStart = j
        while j < close, line[j] != space, line[j] != quote { j += 1 }
        guard j > nameStart else {
            return .error(.malformedSection("empty section name; expected [name] or [queue \"ID\"]"), column: column(line, start + 1))
        }
        let name = text(line, nameStart..<j)
        while j < close, line[j] == space { j += 1 }
        var argument: String?
        if j < close {
            guard line[j] == quote else {
                return .error(.malformedSection("expected a quoted id after [\(name), like [queue \"999\"]"), column: column(line, j))
            }
            guard let end = line[(j + 1)..<close].firstIndex(of: quote) else {
                return .error(.malformedSection("the quoted id has no closing '\"'"), column: column(line, j))
            }
            argument = text(line, (j + 1)..<end)
            var k = end + 1
            while k < close, line[k] == space { k += 1 }
            if k < close {
                return .error(.malformedSection("unexpected text after the quoted id; expected ']'"), column: column(line, k))
            }
        }
        return .section(SectionHeader(name: name, argument: argument, line: number, column: column(line, start)))
    }

    private static func setting(_ line: [UInt8], from start: Int, line number: Int) -> Line {
        guard let equals = line[start...].firstIndex(of: equalsSign) else {
            return .error(
                .malformedLine("expected 'key = value', '[section]' or '# comment', found '\(text(line, trimmed(line, start..<line.count)))'"),
                column: column(line, start))
        }
        let keyRange = trimmed(line, start..<equals)
        guard !keyRange.isEmpty else {
            return .error(.malformedLine("expected a key before '='"), column: column(line, start))
        }
        if let bad = line[keyRange].firstIndex(where: isSpace) {
            return .error(
                .malformedLine("a key has no spaces; expected '=' after '\(text(line, start..<bad))'"), column: column(line, bad))
        }
        var v = equals + 1
        while v < line.count, isSpace(line[v]) { v += 1 }
        let valueStart = v
        let value: String
        let valueEnd: Int
        if v < line.count, line[v] == quote {
            guard let close = line[(v + 1)...].firstIndex(of: quote) else {
                return .error(.malformedLine("the quoted value has no closing '\"'"), column: column(line, v))
            }
            value = text(line, (v + 1)..<close)
            valueEnd = close + 1
            var k = valueEnd
            while k < line.count, isSpace(line[k]) { k += 1 }
            if k < line.count, line[k] != hash {
                return .error(
                    .malformedLine("unexpected text after the quoted value; expected a comment or nothing"), column: column(line, k))
            }
        } else {
            // A '#' starts a comment only after whitespace, so `key = a#b` keeps its '#'.
            var end = v
            while end < line.count, !(line[end] == hash && end > 0 && isSpace(line[end - 1])) { end += 1 }
            while end > v, isSpace(line[end - 1]) { end -= 1 }
            value = text(line, v..<end)
            valueEnd = end
        }
        return .setting(Setting(
            key: text(line, keyRange), value: value, line: number, keyColumn: column(line, start),
            valueColumn: column(line, valueStart), valueRange: valueStart..<valueEnd))
    }

    // MARK: bytes

    private static let lf: UInt8 = 0x0a, cr: UInt8 = 0x0d, space: UInt8 = 0x20, tab: UInt8 = 0x09
    private static let hash = UInt8(ascii: "#"), semicolon = UInt8(ascii: ";"), quote = UInt8(ascii: "\"")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]"), equalsSign = UInt8(ascii: "=")

    static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }

    /// The 1-based column of byte `offset`: scalars before it, plus one (UTF-8 continuation bytes
    /// do not start a scalar).
    static func column(_ line: [UInt8], _ offset: Int) -> Int {
        var n = 1
        for b in line[..<offset] where b & 0xc0 != 0x80 { n += 1 }
        return n
    }

    static func text(_ line: [UInt8], _ range: Range<Int>) -> String { String(decoding: line[range], as: UTF8.self) }

    private static func trimmed(_ line: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(line[lower]) { lower += 1 }
        while upper > lower, isSpace(line[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The first control character other than tab (C0, DEL, or C1 encoded as C2 80–9F).
    private static func controlCharacter(in line: [UInt8]) -> (offset: Int, scalar: Unicode.Scalar)? {
        for (i, b) in line.enumerated() {
            if b < 0x80 {
                if b != tab, ControlCharacters.isControl(Unicode.Scalar(b)) { return (i, Unicode.Scalar(b)) }
            } else if b == 0xc2, i + 1 < line.count, (0x80...0x9f).contains(line[i + 1]) {
                return (i, Unicode.Scalar(line[i + 1]))
            }
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        // Most texts have nothing to trim (a space or tab is one byte): returned as they are, uncopied.
        guard let first = utf8.first, let last = utf8.last, first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return self }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
