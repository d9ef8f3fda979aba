/// Whose alarm it is: a queue's, or an incident grade and area's. The one id scheme for everything
/// that is alarmed, acknowledged, listed or placed on a screen.
///
/// Queues and incidents keep separate ids because nothing stops them overlapping: a queue id is any
/// text (PROTOCOL.md: `Q id=immediate/urban` is a valid record, `[queue "immediate/urban"]` a valid
/// section), so "immediate/urban" can name a queue as well as the incidents of that grade and area.
/// The bell and its acknowledgements key on this type, never on a bare string, so the two can never
/// take each other's alarm.
public enum AlarmSubject: Hashable, Sendable, Comparable, CustomStringConvertible {
    case queue(String)
    /// "immediate/urban" (`IncidentReport.id`).
    case incident(String)

    /// The queue id, or the incident's GRADE/AREA.
    public var id: String {
        switch self {
        case .queue(let id), .incident(let id): return id
        }
    }

    public var isIncident: Bool {
        if case .incident = self { return true }
        return false
    }

    // MARK: names a supervisor writes

    /// The prefix that names a queue whatever its id looks like (`queue:immediate/urban`).
    public static let queuePrefix = "queue:"

    /// What a supervisor writes (`wallboardctl ack NAME`, `threshold set NAME`, `[display] views`):
    /// `GRADE/AREA` — two names of letters, digits, `_` and `-` joined by one `/`, the only shape an
    /// incident id has — names the incidents of that grade and area; `queue:ID` names queue ID
    /// whatever it looks like; anything else is a queue id. Decided by the text alone, so a name
    /// keeps its meaning whatever the feed reports later.
    public init(name: String) {
        if name.hasPrefix(Self.queuePrefix) {
            self = .queue(String(name.dropFirst(Self.queuePrefix.count)))
        } else if Self.isIncidentID(name) {
            self = .incident(name)
        } else {
            self = .queue(name)
        }
    }

    /// How to write this subject so `init(name:)` reads it back: the id, with `queue:` before a
    /// queue id that would otherwise read as an incident (or as the prefix itself).
    public var name: String {
        switch self {
        case .incident(let id): return id
        case .queue(let id): return AlarmSubject(name: id) == self ? id : Self.queuePrefix + id
        }
    }

    public var description: String { name }

    /// "queue 999", "incident tile immediate/urban": in sentences and refusals.
    public var spoken: String { isIncident ? "incident tile \(name)" : "queue \(name)" }

    /// GRADE/AREA, each part a name (`IncidentReport.isToken`).
    public static func isIncidentID(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { IncidentReport.isToken(String($0)) }
    }

    // MARK: tiles

    /// The id of this subject's tile in a `Scene`: a queue's own id; an incident's after U+001F, a
    /// character no queue id can hold (the feed and the config file refuse control characters), so
    /// no queue's tile can take an incident's place on a page or a screen.
    public var tileID: String {
        switch self {
        case .queue(let id): return id
        case .incident(let id): return Self.incidentTileMark + id
        }
    }

    /// The subject a tile id belongs to.
    public init(tileID: String) {
        if tileID.hasPrefix(Self.incidentTileMark) {
            self = .incident(String(tileID.dropFirst(Self.incidentTileMark.count)))
        } else {
            self = .queue(tileID)
        }
    }

    static let incidentTileMark = "\u{1F}"

    // MARK: order

    /// Queues first, then incidents (the order the wall shows them), each by id.
    public static func < (a: AlarmSubject, b: AlarmSubject) -> Bool {
        a.isIncident != b.isIncident ? !a.isIncident : a.id < b.id
    }
}

extension BoardAlarms {
    /// The alarm of `subject` as evaluated (normal when it has none or is stale).
    public func alarm(_ subject: AlarmSubject) -> QueueAlarm {
        switch subject {
        case .queue(let id): return queue(id)
        case .incident(let id): return incident(id)
        }
    }
}
