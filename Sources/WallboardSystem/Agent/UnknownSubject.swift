import WallboardCore

/// A queue or incident tile a supervisor named (`ack`, `threshold set`) that the board does not
/// know: one wording for both commands, with the names it does know.
struct UnknownSubject: Error, CustomStringConvertible, Equatable {
    var subject: AlarmSubject
    /// The ids of that kind the board knows.
    var known: [String]

    /// Nil when `subject` is among `queues` or `incidents`, else why not.
    static func check(_ subject: AlarmSubject, queues: [String], incidents: [String]) -> UnknownSubject? {
        let known = subject.isIncident ? incidents : queues
        return known.contains(subject.id) ? nil : UnknownSubject(subject: subject, known: known)
    }

    var description: String {
        let name = ControlCharacters.escaped(subject.name)
        guard subject.isIncident else {
            let list = known.isEmpty ? "none yet: no config entry and nothing from the feed" : known.joined(separator: ", ")
            return "unknown queue '\(name)' (known: \(list))"
        }
        let list = known.isEmpty ? "none yet: no [incident] section and no I record from the feed" : known.joined(separator: ", ")
        return "unknown incident grade/area '\(name)' (known: \(list)); a queue whose id has this shape is named queue:\(name)"
    }
}
