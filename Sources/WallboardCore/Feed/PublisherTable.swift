import WallboardCore

/// Per-publisher health for `wallboardctl status`: when each was last heard, how many of its
/// datagrams were valid, and how many its sequence numbers say went missing. Pure; bounded.
struct PublisherLedger {
    struct Entry {
        var lastSeen: MonotonicSeconds
        var accepted = 0
        var gaps = 0
        var session: UInt64
        var lastSequence: UInt64
    }

    private(set) var entries: [String: Entry] = [:]
    let maximumPublishers = 32

    /// Records a valid datagram (followed or standby).
    mutating func record(_ message: FeedMessage, now: MonotonicSeconds) {
        guard var entry = entries[message.publisher] else {
            if entries.count >= maximumPublishers, let oldest = entries.min(by: { $0.value.lastSeen < $1.value.lastSeen }) {
                entries[oldest.key] = nil
            }
            entries[message.publisher] = Entry(
                lastSeen: now, accepted: 1, session: message.session, lastSequence: message.sequence)
            return
        }
        entry.lastSeen = now
        entry.accepted += 1
        if message.session != entry.session {
            // The publisher restarted: its numbering starts again.
            entry.session = message.session
            entry.lastSequence = message.sequence
        } else {
            if message.sequence > entry.lastSequence + 1 {
                entry.gaps += Int(clamping: message.sequence - entry.lastSequence - 1)
            }
            entry.lastSequence = max(entry.lastSequence, message.sequence)
        }
        entries[message.publisher] = entry
    }

    var totalGaps: Int { entries.values.reduce(0) { $0 + $1.gaps } }

    func publishers(now: MonotonicSeconds, active: String?) -> [AgentStatus.Publisher] {
        entries.sorted { $0.key < $1.key }.map { id, e in
            AgentStatus.Publisher(
                id: id, lastSeenSecondsAgo: now - e.lastSeen, accepted: e.accepted, sequenceGaps: e.gaps, active: id == active)
        }
    }
}
