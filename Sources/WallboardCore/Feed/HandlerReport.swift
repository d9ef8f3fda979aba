/// One call handler as an `A` record reports them (PROTOCOL.md): who, in which state, since when,
/// and why (a pause reason). Absolute state like every record: the next `A` for the same id
/// replaces it.
public struct HandlerReport: Sendable, Equatable {
    public var id: String
    /// Display name (default: the id).
    public var name: String
    public var state: HandlerState
    /// Pause or not-ready reason as the ACD names it ("Lunch", "Training"), if any.
    public var reason: String?
    /// Seconds in this state at send time; the board keeps it ticking. nil: the publisher does not know.
    public var since: Double?
    /// The queue the handler belongs to, if the publisher says.
    public var scope: String?

    public init(
        id: String, name: String? = nil, state: HandlerState, reason: String? = nil, since: Double? = nil,
        scope: String? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.state = state
        self.reason = reason
        self.since = since
        self.scope = scope
    }
}

/// A handler's state word (`state=` of the `A` record). The six known words have their own colour
/// and shape on the board; any other well-formed word is shown as it is, in the neutral style, so a
/// publisher may add a state (`training`) without old boards rejecting its datagrams.
public enum HandlerState: Sendable, Equatable, Hashable {
    case available, onCall, wrapUp, onBreak, notReady, offline
    /// A word this version does not know, as sent.
    case other(String)

    /// The known words, in the order the board sorts and counts them.
    public static let known: [HandlerState] = [.available, .onCall, .wrapUp, .onBreak, .notReady, .offline]

    /// At most this many bytes: a state is one short word on a grid cell.
    public static let maximumWordBytes = 16

    /// The protocol word.
    public var word: String {
        switch self {
        case .available: "available"
        case .onCall: "oncall"
        case .wrapUp: "wrap"
        case .onBreak: "break"
        case .notReady: "notready"
        case .offline: "offline"
        case .other(let w): w
        }
    }

    /// The state for a protocol word, or nil when `word` is not a state word at all (empty, too
    /// long, or not lower-case letters, digits, `-`, `_`): that record is malformed.
    public init?(word: String) {
        guard !word.isEmpty, word.utf8.count <= Self.maximumWordBytes,
            word.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d || $0 == 0x5f })
        else { return nil }
        self = Self.known.first { $0.word == word } ?? .other(word)
    }

    /// Not taking calls by choice or rule (break, not ready): what `[staff] not_ready.amber/.red` time.
    public var isNotReady: Bool { self == .onBreak || self == .notReady }
}
