/// When the board's tone sounds, and which alarms are acknowledged. Pure: it follows the alarms as
/// evaluated (`BoardAlarms`) with the time passed in; the agent's player only plays what it is told.
///
/// Rules:
/// - an alarm starts when a queue's or an incident grade/area's tile (`AlarmSubject`: the two never
///   share an id) reaches the acknowledgeable level (`[alarm] sound`: breach, or warning too) and
///   ends when it falls below it, or its data goes stale (the tile then shows no alarm: a tone
///   about old figures would lie);
/// - the tone sounds at once when an unacknowledged alarm starts, then every `repeat` while any
///   unacknowledged alarm remains (one tone for the board, not one per tile);
/// - `acknowledge` silences one alarm and puts "ACKNOWLEDGED by …" on its tile; the
///   acknowledgement is dropped when the alarm ends, or when it worsens past the level acknowledged,
///   so the next alarm sounds again (a worse one at once);
/// - a config reload keeps all of this (the engine keeps the bell); a new `sound` level applies at
///   the next evaluation.
public struct AlarmBell: Sendable, Equatable {
    struct Alarm: Sendable, Equatable {
        var since: MonotonicSeconds
        var level: AlarmLevel
        var acknowledged: Acknowledgement?
    }

    /// Queues and incidents in alarm now.
    private var alarms: [AlarmSubject: Alarm] = [:]
    /// When the tone last sounded; nil before the first.
    public private(set) var lastSoundAt: MonotonicSeconds?
    /// Tones asked for since start.
    public private(set) var sounded = 0

    public init() {}

    /// Follows the alarms just evaluated at `now`.
    public mutating func follow(_ board: BoardAlarms, config: AlarmConfig, at now: MonotonicSeconds) {
        let level = config.acknowledgeableLevel
        var next: [AlarmSubject: Alarm] = [:]
        func keep(_ subject: AlarmSubject, _ alarm: QueueAlarm) {
            guard alarm.level >= level else { return }
            if var known = alarms[subject] {
                // A worse alarm is a new one: it sounds at once (not at the next repeat, or never
                // with repeat off), and an acknowledgement of the milder one does not cover it.
                if alarm.level > known.level { known.since = now }
                known.level = alarm.level
                if let ack = known.acknowledged, alarm.level > ack.level { known.acknowledged = nil }
                next[subject] = known
            } else {
                next[subject] = Alarm(since: now, level: alarm.level, acknowledged: nil)
            }
        }
        for (id, alarm) in board.queues { keep(.queue(id), alarm) }
        for (id, alarm) in board.incidents { keep(.incident(id), alarm) }
        alarms = next
    }

    /// The acknowledgement standing for `subject`, if any.
    public func acknowledgement(_ subject: AlarmSubject) -> Acknowledgement? { alarms[subject]?.acknowledged }

    /// Every standing acknowledgement, by queue or incident.
    public var acknowledgements: [AlarmSubject: Acknowledgement] { alarms.compactMapValues(\.acknowledged) }

    /// Alarms nobody has acknowledged, queues first.
    public var unacknowledged: [AlarmSubject] { alarms.filter { $0.value.acknowledged == nil }.keys.sorted() }

    /// Whether the tone should sound now; when it should, that is recorded (call it once per frame).
    public mutating func soundDue(config: AlarmConfig, at now: MonotonicSeconds) -> Bool {
        guard let sounding = config.soundingLevel else { return false }
        let waiting = alarms.values.filter { $0.acknowledged == nil && $0.level >= sounding }
        guard !waiting.isEmpty else { return false }
        let due: Bool
        if let last = lastSoundAt {
            let started = waiting.contains { $0.since > last }
            due = started || config.repeatEvery.map { now - last >= $0 } ?? false
        } else {
            due = true
        }
        if due {
            lastSoundAt = now
            sounded += 1
        }
        return due
    }

    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The queue or incident is not in alarm (its level word, e.g. "OK" or "WARNING").
        case notInAlarm(AlarmSubject, shows: String, needs: AlarmLevel)
        case nothingToAcknowledge(needs: AlarmLevel)

        public var description: String {
            switch self {
            case .notInAlarm(let subject, let shows, let needs):
                return "\(subject.spoken) is not in \(needs == .red ? "breach" : "alarm") (it shows \(shows)); only an alarm can be acknowledged"
            case .nothingToAcknowledge(let needs):
                return "no \(needs == .red ? "breach" : "alarm") to acknowledge"
            }
        }
    }

    /// `wallboardctl ack [NAME]` by `who` at `now` (wall clock `clock`): the named queue or
    /// incident, or everything in alarm. Returns what was acknowledged now (one already
    /// acknowledged keeps its first acknowledgement and is not listed).
    public mutating func acknowledge(
        _ subject: AlarmSubject?, by who: String, at now: MonotonicSeconds, clock: String, shown: BoardAlarms, config: AlarmConfig
    ) -> Result<[AlarmSubject], Refusal> {
        let needs = config.acknowledgeableLevel
        let ids: [AlarmSubject]
        if let subject {
            guard alarms[subject] != nil else {
                return .failure(.notInAlarm(subject, shows: shown.alarm(subject).level.word, needs: needs))
            }
            ids = [subject]
        } else {
            guard !alarms.isEmpty else { return .failure(.nothingToAcknowledge(needs: needs)) }
            ids = alarms.keys.sorted()
        }
        var done: [AlarmSubject] = []
        for id in ids {
            guard var alarm = alarms[id], alarm.acknowledged == nil else { continue }
            alarm.acknowledged = Acknowledgement(by: who, at: now, clock: clock, level: alarm.level)
            alarms[id] = alarm
            done.append(id)
        }
        return .success(done)
    }
}
