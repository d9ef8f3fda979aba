/// When the board's tone sounds, and which alarms are acknowledged. Pure: it follows the alarms as
/// evaluated (`BoardAlarms`) with the time passed in; the agent's player only plays what it is told.
///
/// Rules:
/// - an alarm starts when a queue reaches the acknowledgeable level (`[alarm] sound`: breach, or
///   warning too) and ends when it falls below it, or its data goes stale (the tile then shows no
///   alarm: a tone about old figures would lie);
/// - the tone sounds at once when an unacknowledged alarm starts, then every `repeat` while any
///   unacknowledged alarm remains (one tone for the board, not one per queue);
/// - `acknowledge` silences a queue's alarm and puts "ACKNOWLEDGED by …" on its tile; the
///   acknowledgement is dropped when the alarm ends, or when it worsens past the level acknowledged,
///   so the next alarm sounds again;
/// - a config reload keeps all of this (the engine keeps the bell); a new `sound` level applies at
///   the next evaluation.
public struct AlarmBell: Sendable, Equatable {
    struct Alarm: Sendable, Equatable {
        var since: MonotonicSeconds
        var level: AlarmLevel
        var acknowledged: Acknowledgement?
    }

    /// Queues in alarm now.
    private var alarms: [String: Alarm] = [:]
    /// When the tone last sounded; nil before the first.
    public private(set) var lastSoundAt: MonotonicSeconds?
    /// Tones asked for since start.
    public private(set) var sounded = 0

    public init() {}

    /// Follows the alarms just evaluated at `now`.
    public mutating func follow(_ board: BoardAlarms, config: AlarmConfig, at now: MonotonicSeconds) {
        let level = config.acknowledgeableLevel
        var next: [String: Alarm] = [:]
        for (id, alarm) in board.queues where alarm.level >= level {
            if var known = alarms[id] {
                known.level = alarm.level
                if let ack = known.acknowledged, alarm.level > ack.level { known.acknowledged = nil }
                next[id] = known
            } else {
                next[id] = Alarm(since: now, level: alarm.level, acknowledged: nil)
            }
        }
        alarms = next
    }

    /// The acknowledgement standing for queue `id`, if any.
    public func acknowledgement(_ id: String) -> Acknowledgement? { alarms[id]?.acknowledged }

    /// Every standing acknowledgement, by queue.
    public var acknowledgements: [String: Acknowledgement] { alarms.compactMapValues(\.acknowledged) }

    /// Queues in alarm that nobody has acknowledged, sorted.
    public var unacknowledged: [String] { alarms.filter { $0.value.acknowledged == nil }.keys.sorted() }

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
        /// The queue is not in alarm (its level word, e.g. "OK" or "WARNING").
        case notInAlarm(queue: String, shows: String, needs: AlarmLevel)
        case nothingToAcknowledge(needs: AlarmLevel)

        public var description: String {
            switch self {
            case .notInAlarm(let queue, let shows, let needs):
                return "queue \(queue) is not in \(needs == .red ? "breach" : "alarm") (it shows \(shows)); only an alarm can be acknowledged"
            case .nothingToAcknowledge(let needs):
                return "no \(needs == .red ? "breach" : "alarm") to acknowledge"
            }
        }
    }

    /// `wallboardctl ack [QUEUE]` by `who` at `now` (wall clock `clock`): the named queue, or every
    /// queue in alarm. Returns the queues acknowledged now (one already acknowledged keeps its
    /// first acknowledgement and is not listed).
    public mutating func acknowledge(
        queue: String?, by who: String, at now: MonotonicSeconds, clock: String, shown: BoardAlarms, config: AlarmConfig
    ) -> Result<[String], Refusal> {
        let needs = config.acknowledgeableLevel
        let ids: [String]
        if let queue {
            guard alarms[queue] != nil else {
                let level = shown.queue(queue).level
                return .failure(.notInAlarm(queue: queue, shows: level.word, needs: needs))
            }
            ids = [queue]
        } else {
            guard !alarms.isEmpty else { return .failure(.nothingToAcknowledge(needs: needs)) }
            ids = alarms.keys.sorted()
        }
        var done: [String] = []
        for id in ids {
            guard var alarm = alarms[id], alarm.acknowledged == nil else { continue }
            alarm.acknowledged = Acknowledgement(by: who, at: now, clock: clock, level: alarm.level)
            alarms[id] = alarm
            done.append(id)
        }
        return .success(done)
    }
}
