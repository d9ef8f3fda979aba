/// Replay protection per (publisher, session), without trusting any clock but the board's own
/// monotonic one (PROTOCOL.md, "Replay window"), applied to a publisher's entry in the
/// `PublisherTable`.
///
/// A new session takes over when its `sent` is later than the current session's (the publisher
/// compared with itself), or when the current session has been silent for the fail-over time;
/// otherwise its datagrams are replays of an old session. Within a session a `SequenceWindow`
/// refuses numbers seen before or too old, and numbers skipped are counted as missing (taken back
/// when the late datagram does arrive).
extension PublisherTable.Entry {
    /// Admits `message` (marking its sequence number seen) or throws why it is a replay.
    /// `failoverAfter` is how long a silent session must be quiet before any new one may take over.
    mutating func admit(
        _ message: FeedMessage, keyID: String?, now: MonotonicSeconds, failoverAfter: Double, retiredKept: Int
    ) throws(FeedError) {
        if message.session != session {
            if retired.contains(message.session) {
                throw .replay("publisher '\(id)' session \(hex(message.session)) was superseded")
            }
            let newer = message.sentAtMilliseconds > lastSent
            let silent = now - lastHeard > failoverAfter
            guard newer || silent else {
                throw .replay("publisher '\(id)' session \(hex(message.session)) is older than the live session \(hex(session))")
            }
            retired.append(session)
            if retired.count > retiredKept { retired.removeFirst(retired.count - retiredKept) }
            session = message.session
            window = SequenceWindow(first: message.sequence)
        } else {
            let highest = window.highest
            guard window.accept(message.sequence) else {
                throw .replay("publisher '\(id)' session \(hex(message.session)) seq \(message.sequence) seen before or too old")
            }
            if message.sequence > highest {
                missing += Int(clamping: message.sequence - highest - 1)
            } else if missing > 0 {
                missing -= 1  // a late datagram filled a hole it had left
            }
        }
        lastSent = max(lastSent, message.sentAtMilliseconds)
        lastHeard = now
        interval = message.interval
        accepted += 1
        if message.isHeartbeat { heartbeats += 1 }
        self.keyID = keyID
    }

    private func hex(_ n: UInt64) -> String { String(n, radix: 16) }
}
