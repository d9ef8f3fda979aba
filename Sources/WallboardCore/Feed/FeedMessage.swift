/// One decoded datagram of the metrics feed: absolute state, never deltas (see PROTOCOL.md).
public struct FeedMessage: Sendable, Equatable {
    /// Protocol version the datagram declared.
    public var version: Int
    /// Publisher id, e.g. "acd-a". Redundant publishers of one floor have different ids.
    public var publisher: String
    /// Random per publisher start; the replay window is kept per (publisher, session).
    public var session: UInt64
    /// Grows by one per datagram within a session.
    public var sequence: UInt64
    /// Publisher's wall clock at send, milliseconds since the Unix epoch. Informational only:
    /// the board never trusts publisher and board clocks to agree.
    public var sentAtMilliseconds: UInt64
    /// The publisher's send interval in seconds, if it declared one (drives the default stale_after).
    public var interval: Double?
    /// Floor (room) name shown in the header, if the publisher sends one.
    public var floor: String?
    public var queues: [QueueReport]
    public var staff: [StaffReport]
    /// Per-handler states (`A` records), in the order sent.
    public var handlers: [HandlerReport]
    /// `I` records: incidents by response grade and area (PROTOCOL.md), in the order sent.
    public var incidents: [IncidentReport]

    public init(
        version: Int = 1, publisher: String, session: UInt64, sequence: UInt64,
        sentAtMilliseconds: UInt64, interval: Double? = nil, floor: String? = nil,
        queues: [QueueReport] = [], staff: [StaffReport] = [], handlers: [HandlerReport] = [],
        incidents: [IncidentReport] = []
    ) {
        self.version = version
        self.publisher = publisher
        self.session = session
        self.sequence = sequence
        self.sentAtMilliseconds = sentAtMilliseconds
        self.interval = interval
        self.floor = floor
        self.queues = queues
        self.staff = staff
        self.handlers = handlers
        self.incidents = incidents
    }

    /// A heartbeat carries no figures: it only says the publisher is alive.
    public var isHeartbeat: Bool { queues.isEmpty && staff.isEmpty && handlers.isEmpty && incidents.isEmpty }
}

/// The state of one contact channel (999, 101, crime recording, online reports, ...).
/// Counters are optional: a value that never arrived is shown as "–", never as 0.
public struct QueueReport: Sendable, Equatable {
    public var id: String
    public var name: String
    public var waiting: Int
    /// Age in seconds of the longest-waiting call at send time; the board keeps it ticking.
    public var longestWait: Double
    public var offered: Int?
    public var answered: Int?
    public var abandoned: Int?
    public var answeredWithinTarget: Int?
    /// Service-level target in seconds (999: 10, 101: 30).
    public var targetSeconds: Double?
    /// Average speed of answer over the period, seconds.
    public var averageSpeedOfAnswer: Double?
    /// What the counters cover, e.g. "since 00:00" or "rolling 60m".
    public var period: String?
    /// Extra named figures, in the order the publisher sent them.
    public var extras: [ExtraFigure]

    public init(
        id: String, name: String, waiting: Int, longestWait: Double,
        offered: Int? = nil, answered: Int? = nil, abandoned: Int? = nil,
        answeredWithinTarget: Int? = nil, targetSeconds: Double? = nil,
        averageSpeedOfAnswer: Double? = nil, period: String? = nil, extras: [ExtraFigure] = []
    ) {
        self.id = id
        self.name = name
        self.waiting = waiting
        self.longestWait = longestWait
        self.offered = offered
        self.answered = answered
        self.abandoned = abandoned
        self.answeredWithinTarget = answeredWithinTarget
        self.targetSeconds = targetSeconds
        self.averageSpeedOfAnswer = averageSpeedOfAnswer
        self.period = period
        self.extras = extras
    }
}

/// A publisher-defined figure for a queue, e.g. silent 999 calls or triage resolution %.
public struct ExtraFigure: Sendable, Equatable {
    public var name: String
    public var value: Double
    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// Call handlers by status, for one queue (`scope` = queue id) or the whole floor (`scope` = nil).
public struct StaffReport: Sendable, Equatable {
    public var scope: String?
    public var available: Int
    public var onCall: Int
    public var wrapUp: Int
    public var onBreak: Int
    public var other: Int

    public init(scope: String? = nil, available: Int, onCall: Int, wrapUp: Int, onBreak: Int, other: Int = 0) {
        self.scope = scope
        self.available = available
        self.onCall = onCall
        self.wrapUp = wrapUp
        self.onBreak = onBreak
        self.other = other
    }

    public var total: Int { available + onCall + wrapUp + onBreak + other }
}
