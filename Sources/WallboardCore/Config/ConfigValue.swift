/// Reading and writing the value forms a supervisor types: `10s`, `2m`, `1h`, `1m30s`, `90%`, `on`.
public enum ConfigValue {
    /// Seconds from `10s`, `2m`, `1h`, `1m30s`, `1.5s`; nil if it is not that form.
    /// A bare number is refused: `30` could mean seconds or minutes, and a wallboard must not guess.
    public static func duration(_ text: String) -> Double? {
        let bytes = text.utf8
        var total = 0.0
        var start = bytes.startIndex
        var i = start
        var sawUnit = false
        while i != bytes.endIndex {
            let b = bytes[i]
            if (0x30...0x39).contains(b) || b == 0x2e {
                i = bytes.index(after: i)
                continue
            }
            let scale: Double
            switch b {
            case UInt8(ascii: "s"): scale = 1
            case UInt8(ascii: "m"): scale = 60
            case UInt8(ascii: "h"): scale = 3600
            default: return nil
            }
            guard i != start, let value = Double(Substring(bytes[start..<i])) else { return nil }
            total += value * scale
            sawUnit = true
            i = bytes.index(after: i)
            start = i
        }
        guard start == bytes.endIndex, sawUnit, total.isFinite else { return nil }
        return total
    }

    /// The longest duration any setting takes (a limit, a dwell, a target, a timeout): a day.
    /// Longer is a typo (`30h` for `30s`), not a plan.
    public static let longestDuration: Double = 86_400
    /// The largest count a limit takes (calls waiting, staff available).
    public static let largestCount: Double = 10_000

    /// A duration within 0…`longestDuration`, or nil.
    public static func boundedDuration(_ text: String) -> Double? {
        guard let d = duration(text), d <= longestDuration else { return nil }
        return d
    }

    /// Percent (0–100) from `90%` or `92.5%`.
    public static func percentage(_ text: String) -> Double? {
        guard text.hasSuffix("%"), let value = Double(String(text.dropLast()).trimmingSpaces),
            value.isFinite, (0...100).contains(value)
        else { return nil }
        return value
    }

    public static func count(_ text: String) -> Int? {
        guard let value = Int(text), value >= 0 else { return nil }
        return value
    }

    public static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    public static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "yes", "true": return true
        case "off", "no", "false": return false
        default: return nil
        }
    }

    /// Metres from `6m`, `6 m`, `2.5m`.
    public static func distance(_ text: String) -> Double? {
        guard text.hasSuffix("m"), let value = Double(String(text.dropLast()).trimmingSpaces), value > 0, value.isFinite
        else { return nil }
        return value
    }

    /// Metres from a screen diagonal written `55in`, `140cm` or `1.4m`.
    public static func diagonal(_ text: String) -> Double? {
        for (unit, scale) in [("in", 0.0254), ("cm", 0.01), ("m", 1.0)] where text.hasSuffix(unit) {
            guard let value = Double(String(text.dropLast(unit.count)).trimmingSpaces), value > 0, value.isFinite else { return nil }
            return value * scale
        }
        return nil
    }

    /// A value of `kind` as the config file writes it (used by the editor and in messages).
    public static func format(_ value: Double, as kind: MetricKind) -> String {
        switch kind {
        case .count: return "\(Int(value))"
        case .percentage: return "\(plain(value))%"
        case .number: return plain(value)
        case .duration:
            let whole = Int(value)
            guard Double(whole) == value else { return "\(plain(value))s" }
            if whole > 0, whole % 3600 == 0 { return "\(whole / 3600)h" }
            if whole > 0, whole % 60 == 0 { return "\(whole / 60)m" }
            if whole > 60 { return "\(whole / 60)m\(whole % 60)s" }
            return "\(whole)s"
        }
    }

    /// A value of `kind` parsed from config text, within the range the unit allows (the one rule
    /// for a limit or a hysteresis, whether it comes from the file or from `threshold set`).
    public static func parse(_ text: String, as kind: MetricKind) -> Double? {
        switch kind {
        case .count: return count(text).map(Double.init).flatMap { $0 <= largestCount ? $0 : nil }
        case .duration: return boundedDuration(text)
        case .percentage: return percentage(text)
        case .number: return number(text)
        }
    }

    /// What `parse(_:as:)` accepts, in words for an error message.
    public static func expected(_ kind: MetricKind) -> String {
        switch kind {
        case .count: return "a whole number from 0 to \(Int(largestCount)), like 5"
        case .duration: return "a duration like 10s, 2m or 1h, at most 24h"
        case .percentage: return "a percentage from 0% to 100%, like 90%"
        case .number: return "a number like 3 or 2.5"
        }
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
    }
}
