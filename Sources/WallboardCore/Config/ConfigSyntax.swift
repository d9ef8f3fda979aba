/// The line grammar of the config file, before any meaning is attached:
///
///     # a comment (a whole line, or after whitespace at the end of a value)
///     [feed]                  a section
///     [queue "999"]           a section with an argument (queue id)
///     key = value             a setting; a value may be "quoted" to keep a # or edge spaces
///
/// Both the parser and the editor use it: the editor needs the exact character ranges to change a
/// value and leave every comment, blank line and ordering as the supervisor wrote it.
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
        /// Character offsets (in the line) of the value as written, quotes included, so an edit can
        /// replace exactly that and keep the spacing and any trailing comment.
        var valueRange: Range<Int>
    }

    static func lines(of text: String) -> [String] {
        // "\r\n" is one Character in Swift, so files saved on Windows split the same way.
        var result = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    static func parse(line text: String, number: Int) -> Line {
        let chars = Array(text)
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        if i == chars.count { return .blank }
        if chars[i] == "#" || chars[i] == ";" { return .comment }
        if chars[i] == "[" { return section(chars, from: i, line: number) }
        return setting(chars, from: i, line: number)
    }

    private static func section(_ chars: [Character], from start: Int, line: Int) -> Line {
        guard let close = chars[start...].firstIndex(of: "]") else {
            return .error(.malformedSection("section header has no closing ']'; expected [name] or [queue \"ID\"]"), column: start + 1)
        }
        let rest = String(chars[(close + 1)...]).trimmingSpaces
        if !rest.isEmpty, !rest.hasPrefix("#") {
            return .error(.malformedSection("unexpected text after ']'; expected a comment or nothing"), column: close + 2)
        }
        let inner = Array(chars[(start + 1)..<close])
        var j = 0
        while j < inner.count, inner[j] == " " { j += 1 }
        let nameStart = j
        while j < inner.count, inner[j] != " ", inner[j] != "\"" { j += 1 }
        let name = String(inner[nameStart..<j])
        guard !name.isEmpty else {
            return .error(.malformedSection("empty section name; expected [name] or [queue \"ID\"]"), column: start + 2)
        }
        while j < inner.count, inner[j] == " " { j += 1 }
        var argument: String?
        if j < inner.count {
            guard inner[j] == "\"" else {
                return .error(.malformedSection("expected a quoted id after [\(name), like [queue \"999\"]"), column: start + 2 + j)
            }
            guard let end = inner[(j + 1)...].firstIndex(of: "\"") else {
                return .error(.malformedSection("the quoted id has no closing '\"'"), column: start + 2 + j)
            }
            argument = String(inner[(j + 1)..<end])
            var k = end + 1
            while k < inner.count, inner[k] == " " { k += 1 }
            if k < inner.count {
                return .error(.malformedSection("unexpected text after the quoted id; expected ']'"), column: start + 2 + k)
            }
        }
        return .section(SectionHeader(name: name, argument: argument, line: line, column: start + 1))
    }

    private static func setting(_ chars: [Character], from start: Int, line: Int) -> Line {
        guard let equals = chars[start...].firstIndex(of: "=") else {
            let word = String(chars[start...]).trimmingSpaces
            return .error(.malformedLine("expected 'key = value', '[section]' or '# comment', found '\(word)'"), column: start + 1)
        }
        let key = String(chars[start..<equals]).trimmingSpaces
        guard !key.isEmpty else {
            return .error(.malformedLine("expected a key before '='"), column: start + 1)
        }
        if let bad = key.firstIndex(where: { $0 == " " || $0 == "\t" }) {
            let column = start + key.distance(from: key.startIndex, to: bad) + 1
            return .error(.malformedLine("a key has no spaces; expected '=' after '\(key[..<bad])'"), column: column)
        }
        var v = equals + 1
        while v < chars.count, chars[v] == " " || chars[v] == "\t" { v += 1 }
        let valueStart = v
        var value: String
        var valueEnd: Int
        if v < chars.count, chars[v] == "\"" {
            guard let close = chars[(v + 1)...].firstIndex(of: "\"") else {
                return .error(.malformedLine("the quoted value has no closing '\"'"), column: v + 1)
            }
            value = String(chars[(v + 1)..<close])
            valueEnd = close + 1
            var k = valueEnd
            while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 }
            if k < chars.count, chars[k] != "#" {
                return .error(.malformedLine("unexpected text after the quoted value; expected a comment or nothing"), column: k + 1)
            }
        } else {
            // A '#' starts a comment only after whitespace, so `key = a#b` keeps its '#'.
            var end = v
            while end < chars.count {
                if chars[end] == "#", end > 0, chars[end - 1] == " " || chars[end - 1] == "\t" { break }
                end += 1
            }
            while end > v, chars[end - 1] == " " || chars[end - 1] == "\t" { end -= 1 }
            value = String(chars[v..<end])
            valueEnd = end
        }
        return .setting(Setting(
            key: key, value: value, line: line, keyColumn: start + 1, valueColumn: valueStart + 1,
            valueRange: valueStart..<valueEnd))
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
