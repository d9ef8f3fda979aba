/// Changes one setting in the TEXT of a config file, keeping every comment, blank line, ordering and
/// spacing the supervisor wrote. Used by `wallboardctl threshold set`; the caller writes the result
/// with an atomic file write.
///
/// - An existing `key = value` has just its value replaced (a trailing `# comment` stays).
/// - A missing key is added after the last setting of its section, indented like its neighbours.
/// - A missing section is appended at the end of the file.
/// The edited text is parsed before it is returned: an edit that would make the file invalid throws,
/// and the caller's file is left as it was.
public enum ConfigEditor {
    /// Sets several keys of one section, validating only the final text: raising amber 10s → 25s and
    /// red 20s → 30s together must not fail on the moment amber (25s) is past the old red (20s).
    public static func set(
        _ settings: [(key: String, value: String)], section: String, argument: String? = nil, in text: String,
        file: String = "wallboard.conf"
    ) throws(ConfigErrors) -> String {
        let edited = edit(settings, section: section, argument: argument, in: text).text
        _ = try WallboardConfig(parsing: edited, file: file)
        return edited
    }

    /// The text with `settings` set in `[section]`, not validated, and the 1-based lines they now
    /// sit on: the caller parses the text and can tell a mistake in its own edit from one elsewhere.
    public static func edit(
        _ settings: [(key: String, value: String)], section: String, argument: String? = nil, in text: String
    ) -> (text: String, lines: Set<Int>) {
        var edited = text
        for (key, value) in settings {
            edited = setWithoutValidating(key, to: value, section: section, argument: argument, in: edited)
        }
        var lines: Set<Int> = []
        var inSection = false
        let keys = Set(settings.map(\.key))
        for (i, line) in ConfigSyntax.lines(of: edited).enumerated() {
            switch ConfigSyntax.parse(line: line, number: i + 1) {
            case .section(let header): inSection = header.name == section && header.argument == argument
            case .setting(let setting) where inSection && keys.contains(setting.key): lines.insert(i + 1)
            default: continue
            }
        }
        return (edited, lines)
    }

    /// Sets a queue's amber and/or red limit for `metric` from value text ("15s", "90%", "8", "off").
    public static func setThreshold(
        queue: String, metric: Metric, amber: String?, red: String?, in text: String, file: String = "wallboard.conf"
    ) throws(ConfigErrors) -> String {
        var settings: [(key: String, value: String)] = []
        if let amber { settings.append(("\(metric.key).amber", amber)) }
        if let red { settings.append(("\(metric.key).red", red)) }
        return try set(settings, section: "queue", argument: queue, in: text, file: file)
    }


    static func setWithoutValidating(_ key: String, to value: String, section: String, argument: String?, in text: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let endsWithNewline = text.isEmpty || text.utf8.last == 0x0a
        var lines = ConfigSyntax.lines(of: text).map { String(decoding: $0, as: UTF8.self) }
        let written = quotedIfNeeded(value)

        // Find the section, then the key or the last setting within it.
        var inSection = false
        var headerIndex: Int?
        var lastSetting: (index: Int, indent: String)?
        scan: for (i, line) in lines.enumerated() {
            switch ConfigSyntax.parse(line: Array(line.utf8), number: i + 1) {
            case .section(let header):
                // The next section header after ours ends the search.
                if inSection { break scan }
                if header.name == section, header.argument == argument {
                    inSection = true
                    headerIndex = i
                }
            case .setting(let setting) where inSection:
                if setting.key == key {
                    var bytes = Array(line.utf8)
                    bytes.replaceSubrange(setting.valueRange, with: Array(written.utf8))
                    // `key =` with no value: make sure there is a space after '='.
                    if setting.valueRange.isEmpty, setting.valueRange.lowerBound > 0,
                        bytes[setting.valueRange.lowerBound - 1] == UInt8(ascii: "=")
                    {
                        bytes.insert(UInt8(ascii: " "), at: setting.valueRange.lowerBound)
                    }
                    lines[i] = String(decoding: bytes, as: UTF8.self)
                    return join(lines, newline, endsWithNewline)
                }
                lastSetting = (i, String(line.prefix { $0 == " " || $0 == "\t" }))
            default:
                continue
            }
        }
        let newLine = "\(key) = \(written)"
        if let last = lastSetting {
            lines.insert(last.indent + newLine, at: last.index + 1)
        } else if let header = headerIndex {
            lines.insert(newLine, at: header + 1)
        } else {
            if let last = lines.last, !last.trimmingSpaces.isEmpty { lines.append("") }
            lines.append(argument.map { "[\(section) \"\($0)\"]" } ?? "[\(section)]")
            lines.append(newLine)
            return join(lines, newline, true)
        }
        return join(lines, newline, endsWithNewline)
    }

    private static func join(_ lines: [String], _ newline: String, _ trailing: Bool) -> String {
        lines.joined(separator: newline) + (trailing && !lines.isEmpty ? newline : "")
    }

    /// Quotes a value that would otherwise read differently: edge spaces, a comment mark, a quote.
    public static func quotedIfNeeded(_ value: String) -> String {
        let needs = value != value.trimmingSpaces || value.contains("#") || value.hasPrefix("\"")
        return needs && !value.contains("\"") ? "\"\(value)\"" : value
    }
}
