/// How figures are written on the wall and in alarm reasons. Alarms compare the value as shown
/// (see `shown`), so a tile never says "LONGEST WAIT 0:30 > 0:30".
public enum FigureFormat {
    /// Shown for a figure that is unknown: never arrived, or its denominator is zero.
    public static let unknown = "–"

    /// "0:42", "12:05", "1:02:03" (whole seconds, rounded down: a wait is shown as reached).
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return unknown }
        guard seconds < longestDuration else { return ">\(Int(longestDuration) / 3600)h" }
        let s = max(0, Int(seconds.rounded(.down)))
        // At most "99999:59:59": written straight into the string's bytes (see `ascii`).
        return ascii { text in
            if s >= 3600 {
                text.append(s / 3600)
                text.append(colon)
                text.append(s / 60 % 60, digits: 2)
            } else {
                text.append(s / 60)
            }
            text.append(colon)
            text.append(s % 60, digits: 2)
        }
    }

    static let colon = UInt8(ascii: ":")

    /// A short ASCII text written byte by byte: a figure is formatted every frame, and this skips
    /// string interpolation's machinery; a text of up to 15 bytes is stored inside the `String`
    /// itself, with no heap allocation. `write` must not write more than 15 bytes.
    static func ascii(_ write: (inout ASCIIText) -> Void) -> String {
        String(unsafeUninitializedCapacity: ASCIIText.capacity) { buffer in
            var text = ASCIIText(buffer: buffer)
            write(&text)
            return text.count
        }
    }

    /// Past this a duration is not written out (and `Int` could not hold it): 100,000 hours.
    static let longestDuration: Double = 360_000_000

    /// A count and the shorter forms a box too narrow for all its digits shows instead, each still
    /// true and none readable as a smaller number: 1234567 → ["1234567", ">1.2M", ">1M"]. Never "123…".
    public static func countForms(_ n: Int) -> [String] {
        var forms = [String(n)]
        guard n >= 1000 else { return forms }
        // "More than": the value shown is strictly below n, so n - 1 is scaled and cut down.
        for (unit, suffix) in [(1_000, "k"), (1_000_000, "M"), (1_000_000_000, "G"), (1_000_000_000_000, "T"),
                               (1_000_000_000_000_000, "P")] where n > unit {
            let tenths = (n - 1) / (unit / 10)
            guard tenths < 10_000 else { continue }
            if tenths < 100 { forms.append(">\(tenths / 10).\(tenths % 10)\(suffix)") }
            forms.append(">\(tenths / 10)\(suffix)")
        }
        if n > 1_000_000_000_000_000_000 { forms.append(">1E") }
        var seen = Set<String>()
        return forms.filter { seen.insert($0).inserted }.sortedByLength()
    }

    /// A publisher's extra figure and its shorter true forms (a large whole number like a count).
    public static func numberForms(_ value: Double) -> [String] {
        guard value.isFinite, value >= 1000, value == value.rounded(), value < 9e18 else { return [number(value)] }
        return countForms(Int(value))
    }

    /// A duration and its shorter true forms: "27:46:39" → [..., ">27h"]; "1:23:45" is kept whole.
    public static func durationForms(_ seconds: Double) -> [String] {
        let full = duration(seconds)
        guard seconds.isFinite, seconds >= 10 * 3600 else { return [full] }
        let hours = Int(min(seconds, longestDuration) / 3600)
        var forms = [full, ">\(hours)h"]
        if hours >= 48 { forms.append(">\(hours / 24)d") }
        if hours > 99 { forms.append(">99h") }
        var seen = Set<String>()
        return forms.filter { seen.insert($0).inserted }.sortedByLength()
    }

    /// "92%" from 10 % up, "0.7%" below (one decimal, as the ACD reports supervisors compare with).
    /// Pass a value already quantised by `shown`, which decides the rounding direction.
    public static func percent(_ value: Double) -> String {
        guard value.isFinite else { return unknown }
        let tenths = Int((value * 10).rounded())
        if tenths >= 0, tenths < 100_000 {
            return ascii { text in
                text.append(tenths / 10)
                if tenths < 100 {
                    text.append(UInt8(ascii: "."))
                    text.append(tenths % 10)
                }
                text.append(UInt8(ascii: "%"))
            }
        }
        if tenths >= 100 { return "\(tenths / 10)%" }
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// "4", or "4.5" for a fractional publisher extra.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return unknown }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        guard abs(value) < 1e15 else { return value < 0 ? "<-1P" : ">1P" }
        let tenths = (value * 10).rounded() / 10
        return "\(tenths)"
    }

    /// The value quantised as the board displays it. Durations drop fractions of a second;
    /// percentages round toward the worse side, so a display never looks better than the truth: one
    /// decimal below 10 % (abandonment 0.61 % shows 0.7 %, service level 9.46 % shows 9.4 %), whole
    /// percent from 10 % up (service level 89.6 % shows 89 %, abandonment 10.2 % shows 11 %).
    public static func shown(_ value: Double, kind: MetricKind, direction: AlarmDirection) -> Double {
        guard value.isFinite else { return value }
        switch kind {
        case .duration: return max(0, value.rounded(.down))
        case .count: return value.rounded()
        case .percentage:
            let clamped = min(100, max(0, value))
            return worse(clamped, step: clamped < 10 ? 0.1 : 1, direction: direction)
        case .number: return (value * 10).rounded() / 10
        }
    }

    /// `value` rounded to a multiple of `step` toward the worse side. A ratio that is a multiple of
    /// the step but carries binary noise (100 × 7 ÷ 1000 = 0.7000000000000001) is that multiple: the
    /// noise must not push 0.7 % up to 0.8 %.
    static func worse(_ value: Double, step: Double, direction: AlarmDirection) -> Double {
        let perUnit = (1 / step).rounded()  // 10 for tenths: n ÷ 10 is the nearest double, n × 0.1 is not
        let steps = value * perUnit
        let nearest = steps.rounded()
        if abs(steps - nearest) <= 1e-9 * max(1, abs(steps)) { return nearest / perUnit }
        return (direction == .lowerIsWorse ? steps.rounded(.down) : steps.rounded(.up)) / perUnit
    }

    /// A value of `kind` as text ("0:42", "92%", "12", "4.5").
    public static func text(_ value: Double, kind: MetricKind) -> String {
        switch kind {
        case .duration: return duration(value)
        case .percentage: return percent(value)
        case .count: return String(Int(value.rounded()))
        case .number: return number(value)
        }
    }
}

/// The bytes of a short ASCII text being written (`FigureFormat.ascii`).
struct ASCIIText {
    /// Swift keeps a string of up to 15 UTF-8 bytes inline.
    static let capacity = 15
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// `n` (not negative) in decimal, zero-padded to at least `digits` digits.
    mutating func append(_ n: Int, digits: Int = 1) {
        var width = 1
        var rest = n / 10
        while rest > 0 || width < digits {
            width += 1
            rest /= 10
        }
        var v = n
        for i in stride(from: count + width - 1, through: count, by: -1) {
            buffer[i] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
            v /= 10
        }
        count += width
    }
}

extension Array where Element == String {
    /// Longest first, keeping the order of equal lengths (the more precise form comes first).
    func sortedByLength() -> [String] {
        enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
        }.map(\.element)
    }
}
