/// `[display] on`: when the panel is lit, in the board's LOCAL wall time.
///
/// Grammar (one validator, `DisplaySchedule.parse`):
///
///     on      = always | RANGE [, RANGE]...
///     RANGE   = [DAYS] HH:MM-HH:MM
///     DAYS    = DAY | DAY-DAY          (Mon Tue Wed Thu Fri Sat Sun; Fri-Mon wraps over the weekend)
///
/// A range without days holds every day. A range whose end is not after its start crosses
/// midnight and belongs to the day it STARTS on: `Fri 22:00-06:00` is Friday 22:00 to Saturday
/// 06:00. `24:00` may end a range (`Sat 00:00-24:00` is all Saturday). Outside every range the
/// screen is off.
///
/// The decision is made afresh from the local time of day and weekday each second, never from an
/// absolute instant, so a DST change moves nothing: on the spring-forward night 02:30 simply never
/// happens, and on the fall-back night 01:30 happens twice with the same answer both times.
public struct DisplaySchedule: Sendable, Equatable {
    public struct Range: Sendable, Equatable {
        /// Weekdays the range may START on, 0 = Monday … 6 = Sunday.
        public var days: Set<Int>
        /// Minutes after local midnight; `end <= start` crosses midnight.
        public var start: Int
        public var end: Int
    }

    /// Empty: no schedule, the panel is always on.
    public var ranges: [Range]

    public static let always = DisplaySchedule(ranges: [])
    public var isAlways: Bool { ranges.isEmpty }

    public static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let expected =
        "always, or times like 07:00-19:00 (several separated by commas, each optionally after days: Mon-Fri 07:00-19:00, Sat 09:00-13:00; 22:00-06:00 crosses midnight)"

    /// The value of `on =`; nil with what is wrong. Also used for `[board] night`.
    public static func parse(_ text: String) -> Result<DisplaySchedule, ScheduleError> {
        let trimmed = text.trimmingSpaces
        if trimmed == "always" { return .success(.always) }
        var ranges: [Range] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard (1...2).contains(words.count) else { return .failure(ScheduleError(part: String(part), why: nil)) }
            var days = Set(0..<7)
            if words.count == 2 {
                guard let d = Self.days(words[0]) else {
                    return .failure(ScheduleError(part: String(part), why: "'\(words[0])' is not a day or days like Mon or Mon-Fri"))
                }
                days = d
            }
            let times = words.last!.split(separator: "-", omittingEmptySubsequences: false)
            guard times.count == 2, let start = minutes(times[0]), let end = minutes(times[1]), start < 24 * 60 else {
                return .failure(ScheduleError(part: String(part), why: nil))
            }
            guard start != end else {
                return .failure(ScheduleError(part: String(part), why: "the range is empty; all day is 00:00-24:00"))
            }
            ranges.append(Range(days: days, start: start, end: end))
        }
        return .success(DisplaySchedule(ranges: ranges))
    }

    /// "HH:MM" (00:00 to 24:00).
    static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }

    static func days(_ text: String) -> Set<Int>? {
        let names = text.split(separator: "-", omittingEmptySubsequences: false).map { String($0) }
        let indices = names.compactMap { name in dayNames.firstIndex { $0.lowercased() == name.lowercased() } }
        guard indices.count == names.count else { return nil }
        switch indices.count {
        case 1: return [indices[0]]
        case 2:
            var set: Set<Int> = []
            var d = indices[0]
            while true {
                set.insert(d)
                if d == indices[1] { break }
                d = (d + 1) % 7
            }
            return set
        default: return nil
        }
    }

    /// Whether the screen is scheduled on at `time`.
    public func isOn(at time: LocalTime) -> Bool {
        isAlways || ranges.contains { $0.covers(time) }
    }

    /// The next minute (local) at which `isOn` changes, searching a week ahead; nil when it never does.
    public func nextChange(after time: LocalTime) -> LocalTime? {
        guard !isAlways else { return nil }
        let now = isOn(at: time)
        let startMinute = time.minuteOfWeek
        for step in 1...(7 * 24 * 60) {
            let t = LocalTime(minuteOfWeek: (startMinute + step) % (7 * 24 * 60))
            if isOn(at: t) != now { return t }
        }
        return nil
    }
}

extension DisplaySchedule.Range {
    func covers(_ time: LocalTime) -> Bool {
        let minute = time.secondsOfDay / 60
        if start < end { return days.contains(time.weekday) && minute >= start && minute < end }
        // Across midnight: the evening part on a listed day, the morning part on the day after one.
        if days.contains(time.weekday) && minute >= start { return true }
        return days.contains((time.weekday + 6) % 7) && minute < end
    }
}

/// Why an `on =` value was refused, for the config error.
public struct ScheduleError: Error, Sendable, Equatable {
    public var part: String
    public var why: String?
    public var expected: String {
        "\(DisplaySchedule.expected)" + (why.map { "; in '\(part.trimmingSpaces)': \($0)" } ?? "; '\(part.trimmingSpaces)' is not [DAYS] HH:MM-HH:MM")
    }
}

/// The board's local wall time: the weekday and the time of day, from the Unix time and the local
/// zone's UTC offset AT THAT INSTANT (`tm_gmtoff`, which already includes DST), passed in.
public struct LocalTime: Sendable, Equatable {
    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int
    public var secondsOfDay: Int

    public init(weekday: Int, secondsOfDay: Int) {
        self.weekday = weekday
        self.secondsOfDay = secondsOfDay
    }

    public init(unixTime: Double, utcOffset: Int) {
        let local = Int((unixTime + Double(utcOffset)).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        // 1970-01-01 was a Thursday (3 with Monday = 0).
        weekday = ((days + 3) % 7 + 7) % 7
        secondsOfDay = local - days * 86_400
    }

    init(minuteOfWeek: Int) {
        weekday = minuteOfWeek / (24 * 60)
        secondsOfDay = minuteOfWeek % (24 * 60) * 60
    }

    var minuteOfWeek: Int { weekday * 24 * 60 + secondsOfDay / 60 }

    /// "07:00", or "Mon 07:00" when `from` is on another day.
    public func text(from: LocalTime) -> String {
        let hm = "\(twoDigits(secondsOfDay / 3600)):\(twoDigits(secondsOfDay / 60 % 60))"
        return weekday == from.weekday ? hm : "\(DisplaySchedule.dayNames[weekday]) \(hm)"
    }
}
