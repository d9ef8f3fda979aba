/// Text from people (banners, config values, queue names in messages) must stay text: a control
/// character can clear a terminal (ESC), end a C string (NUL) or forge a second log line (LF).
/// One predicate for all of them, and one escape for what reaches a log.
public enum ControlCharacters {
    /// C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F, which some terminals
    /// obey as ESC sequences). Tab is a control too; callers that allow it say so.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): drawn as
    /// nothing, they can reorder what follows, so "RLO 12:05" could read as a different figure.
    public static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The first character in `text` that must never reach the screen: a control character (tab
    /// included) or a direction control. Text from the feed is judged by this.
    public static func firstUnshowable(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { isControl($0) || isDirectionControl($0) }
    }

    /// The first control character in `text` (tab allowed when `allowingTab`), if any.
    public static func first(in text: String, allowingTab: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { isControl($0) && !(allowingTab && $0 == "\t") }
    }

    /// "U+001B", how messages name a control character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with every control character except tab written as `\xHH` (C1 as `\u{HH}`), so a log
    /// line shows what was sent without obeying it.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar), scalar != "\t" else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            let escape = scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }
}
