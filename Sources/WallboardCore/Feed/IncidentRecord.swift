/// The `I` record (PROTOCOL.md): incidents of one response grade in one area, against the
/// attendance target a force publishes (immediate urban 15 min, rural 20 min).
///
/// Like a queue, it carries absolute state at send time; the age of the oldest incident nobody has
/// been sent to yet (`oldest`) keeps ticking on the board's monotonic clock.
public struct IncidentReport: Sendable, Equatable {
    /// Response grade, e.g. "immediate", "priority", "scheduled".
    public var grade: String
    /// Area the target applies to, e.g. "urban", "rural".
    public var area: String
    /// Display name; nil = the board makes one from grade and area.
    public var name: String?
    /// Incidents open now (resourced or not).
    public var open: Int
    /// Of those, incidents with no unit assigned yet.
    public var unresourced: Int
    /// Age in seconds of the oldest unresourced incident at send time (0 when none).
    public var oldestUnresourced: Double
    /// Attendance target in seconds.
    public var targetSeconds: Double?
    /// Incidents attended in the period, and of those, attended within the target.
    public var attended: Int?
    public var attendedWithinTarget: Int?
    /// What `attended` and `within` cover, e.g. "since 00:00".
    public var period: String?

    public init(
        grade: String, area: String, name: String? = nil, open: Int, unresourced: Int, oldestUnresourced: Double,
        targetSeconds: Double? = nil, attended: Int? = nil, attendedWithinTarget: Int? = nil, period: String? = nil
    ) {
        self.grade = grade
        self.area = area
        self.name = name
        self.open = open
        self.unresourced = unresourced
        self.oldestUnresourced = oldestUnresourced
        self.targetSeconds = targetSeconds
        self.attended = attended
        self.attendedWithinTarget = attendedWithinTarget
        self.period = period
    }

    /// "immediate/urban": how the board and the config (`[incident "immediate/urban"]`) name it.
    public var id: String { IncidentReport.id(grade: grade, area: area) }

    public static func id(grade: String, area: String) -> String { grade + "/" + area }

    /// Grades and areas are short names (1–32 letters, digits, `_`, `-`), so `grade/area` is
    /// unambiguous in the config file and on the wall.
    public static func isToken(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count)
            && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) || $0 == 0x5f || $0 == 0x2d }
    }

    /// The record's own consistency rules, shared by the decoder and the encoder (one validator):
    /// nil when consistent, else why not.
    public var inconsistency: String? {
        if !IncidentReport.isToken(grade) { return "grade='\(grade)' is not a name (1–32 letters, digits, '_', '-')" }
        if !IncidentReport.isToken(area) { return "area='\(area)' is not a name (1–32 letters, digits, '_', '-')" }
        if unresourced > open { return "unresourced=\(unresourced) is more than open=\(open)" }
        if unresourced == 0, oldestUnresourced != 0 { return "oldest=\(oldestUnresourced) but unresourced=0 (oldest is 0 when none)" }
        if let target = targetSeconds, !(target > 0) { return "target must be above 0 seconds" }
        if let within = attendedWithinTarget, let attended, within > attended {
            return "within=\(within) is more than attended=\(attended)"
        }
        if attendedWithinTarget != nil, attended == nil { return "within needs attended (within counts attended incidents)" }
        return nil
    }
}

extension FeedDecoder {
    static func parseIncident(_ scanner: FeedLineScanner) throws -> IncidentReport {
        var s = scanner
        var seen: UInt32 = 0
        var grade: String?, area: String?, name: String?, period: String?
        var open: Int?, unresourced: Int?, attended: Int?, within: Int?
        var oldest: Double?, target: Double?
        while let (key, value) = try s.next() {
            if key.equals("grade") {
                try s.once(&seen, 0, "grade")
                grade = try s.text(value, "grade")
            } else if key.equals("area") {
                try s.once(&seen, 1, "area")
                area = try s.text(value, "area")
            } else if key.equals("name") {
                try s.once(&seen, 2, "name")
                name = try s.text(value, "name")
            } else if key.equals("open") {
                try s.once(&seen, 3, "open")
                open = try s.count(value, "open")
            } else if key.equals("unresourced") {
                try s.once(&seen, 4, "unresourced")
                unresourced = try s.count(value, "unresourced")
            } else if key.equals("oldest") {
                try s.once(&seen, 5, "oldest")
                oldest = try s.seconds(value, "oldest")
            } else if key.equals("target") {
                try s.once(&seen, 6, "target")
                target = try s.seconds(value, "target")
            } else if key.equals("attended") {
                try s.once(&seen, 7, "attended")
                attended = try s.count(value, "attended")
            } else if key.equals("within") {
                try s.once(&seen, 8, "within")
                within = try s.count(value, "within")
            } else if key.equals("period") {
                try s.once(&seen, 9, "period")
                period = try s.text(value, "period")
            }
        }
        guard let grade else { throw s.fail("missing required field 'grade'") }
        guard let area else { throw s.fail("missing required field 'area'") }
        guard let open else { throw s.fail("missing required field 'open'") }
        guard let unresourced else { throw s.fail("missing required field 'unresourced'") }
        guard let oldest else { throw s.fail("missing required field 'oldest'") }
        let report = IncidentReport(
            grade: grade, area: area, name: name, open: open, unresourced: unresourced, oldestUnresourced: oldest,
            targetSeconds: target, attended: attended, attendedWithinTarget: within, period: period)
        if let why = report.inconsistency { throw s.fail(why) }
        return report
    }
}

extension FeedEncoder {
    /// One `I` line, with its LF; refuses what the decoder would refuse.
    public func incidentLine(_ r: IncidentReport, line: Int) throws -> [UInt8] {
        if let why = r.inconsistency { throw FeedError.malformed(line: line, detail: "I: \(why)") }
        var out = Array("I grade=\(r.grade) area=\(r.area)".utf8)
        if let name = r.name {
            out += Array(" name=".utf8)
            try text(name, "name", line: line, &out)
        }
        try count(" open=", r.open, "open", line: line, &out)
        try count(" unresourced=", r.unresourced, "unresourced", line: line, &out)
        try number(" oldest=", r.oldestUnresourced, "oldest", line: line, &out)
        if let v = r.targetSeconds { try number(" target=", v, "target", line: line, &out) }
        if let v = r.attended { try count(" attended=", v, "attended", line: line, &out) }
        if let v = r.attendedWithinTarget { try count(" within=", v, "within", line: line, &out) }
        if let v = r.period {
            out += Array(" period=".utf8)
            try text(v, "period", line: line, &out)
        }
        out.append(0x0a)
        return out
    }
}
