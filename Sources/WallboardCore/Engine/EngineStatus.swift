/// What the engine knows at one moment, for `wallboardctl status` (text and `--json`) and the
/// metrics: the keys it accepts, one entry per publisher, the datagrams by what became of them,
/// and what the wall shows. A plain value; field names are stable (scripts read them): add fields,
/// do not rename them. Counts are since the agent started.
///
/// The words, with these meanings on the wall, in status, the log and the README (`FeedCounters`):
/// **received** = reached the intake; **accepted** = verified and new, then either **applied**
/// (from the followed publisher) or **standby** (a redundant publisher's); **rejected** = refused,
/// always with a reason; **missing** = sequence numbers a publisher skipped (datagrams that never
/// arrived). The kernel's **receive buffer drops** never reached the intake at all.
public struct EngineStatus: Codable, Sendable, Equatable {
    public struct Publisher: Codable, Sendable, Equatable {
        public var id: String
        /// Seconds since its last accepted datagram.
        public var lastSeenSecondsAgo: Double?
        /// Its accepted datagrams (applied while followed, standby while not), heartbeats included.
        public var accepted: Int
        /// Its missing sequence numbers (the name is kept for scripts; the wall and status say "missing").
        public var sequenceGaps: Int
        /// The publisher the board follows (the others are standby).
        public var active: Bool
        /// The key id its last datagram was signed with; nil when unsigned.
        public var keyID: String?
        public var heartbeats: Int
        /// Seconds between its datagrams, as it declares; nil when it does not.
        public var interval: Double?
        /// Its current session, hex; nil when not known.
        public var session: String?

        public init(
            id: String, lastSeenSecondsAgo: Double?, accepted: Int, sequenceGaps: Int, active: Bool, keyID: String? = nil,
            heartbeats: Int = 0, interval: Double? = nil, session: String? = nil
        ) {
            self.id = id
            self.lastSeenSecondsAgo = lastSeenSecondsAgo
            self.accepted = accepted
            self.sequenceGaps = sequenceGaps
            self.active = active
            self.keyID = keyID
            self.heartbeats = heartbeats
            self.interval = interval
            self.session = session
        }
    }

    public struct Datagrams: Codable, Sendable, Equatable {
        /// Reached the intake.
        public var received: Int
        /// Verified and new: applied + standby.
        public var accepted: Int
        /// Accepted from the followed publisher and applied to the board (heartbeats included).
        public var applied: Int
        /// Accepted from a standby publisher (A/B), not applied.
        public var standby: Int
        public var heartbeats: Int
        public var failovers: Int
        /// Rejected, by reason ("malformed", "unsigned", "unknown key id", "bad signature", "replay", …).
        public var rejected: [String: Int]
        /// Sequence numbers missing over all publishers.
        public var missing: Int
        /// Discarded by the kernel because the socket's receive buffer was full: they never reached
        /// the intake (not in `received`); the engine cannot see them, the agent fills it in.
        public var receiveBufferDrops: Int
        /// The latest rejection in words, how long ago, and the sender's address.
        public var lastRejection: String?
        public var lastRejectionSecondsAgo: Double?
        public var lastRejectedFrom: String?

        public init(
            received: Int = 0, accepted: Int = 0, applied: Int = 0, standby: Int = 0, heartbeats: Int = 0, failovers: Int = 0,
            rejected: [String: Int] = [:], missing: Int = 0, receiveBufferDrops: Int = 0, lastRejection: String? = nil,
            lastRejectionSecondsAgo: Double? = nil, lastRejectedFrom: String? = nil
        ) {
            self.received = received
            self.accepted = accepted
            self.applied = applied
            self.standby = standby
            self.heartbeats = heartbeats
            self.failovers = failovers
            self.rejected = rejected
            self.missing = missing
            self.receiveBufferDrops = receiveBufferDrops
            self.lastRejection = lastRejection
            self.lastRejectionSecondsAgo = lastRejectionSecondsAgo
            self.lastRejectedFrom = lastRejectedFrom
        }
    }

    /// The key ids the board accepts; empty = unsigned datagrams accepted.
    public var keys: [String]
    public var publishers: [Publisher]
    public var datagrams: Datagrams
    /// What the wall shows.
    public var board: BoardSummary
}
