import WallboardCore
import WallboardSystem

/// The human form of `AgentStatus`: a few aligned lines a supervisor reads over SSH.
enum StatusText {
    static func render(_ s: AgentStatus) -> String {
        var lines: [String] = []
        lines.append("wallboard \(s.version), pid \(s.pid), up \(duration(s.uptimeSeconds)), CPU \(fixed(s.cpuSeconds, 2)) s")
        lines.append("config:   \(s.configFile ?? "built-in defaults (no --config)")")
        lines.append("display:  \(s.display)")
        if !s.displayReason.isEmpty { lines.append("          (\(s.displayReason))") }
        if let screen = s.screen { lines.append("display:  \(screen)") }
        for (i, head) in s.heads.enumerated() where !head.connected {
            lines.append("          head \(i) \(head.connector ?? head.name): DISCONNECTED")
        }
        let silence = s.board.lastDatagramSecondsAgo.map { "last datagram \(duration($0)) ago" } ?? "no datagram yet"
        lines.append("wall:     feed \(s.board.feed.rawValue), \(silence)")
        if !s.board.queues.isEmpty {
            lines.append("queues:   " + s.board.queues.map { q in
                "\(q.id) \(q.state.rawValue)" + (q.reason.map { " (\($0))" } ?? "")
            }.joined(separator: ", "))
        }
        for (i, incident) in s.board.incidents.enumerated() {
            lines.append((i == 0 ? "incidents: " : "           ") + incidentLine(incident))
        }
        if let handlers = s.board.handlers { lines.append("handlers: " + handlersLine(handlers)) }
        let acknowledged = s.board.queues.compactMap { q in
            q.acknowledgedBy.map { "\(q.id) by \($0) \(q.acknowledgedAt ?? "")" }
        } + s.board.incidents.compactMap { i in
            i.acknowledgedBy.map { "\(i.id) by \($0) \(i.acknowledgedAt ?? "")" }
        }
        if !acknowledged.isEmpty { lines.append("acknowledged: " + acknowledged.joined(separator: ", ")) }
        if let sound = s.sound { lines.append("sound:    " + soundLine(sound)) }
        lines.append("feed:     \(s.feedSource)")
        lines.append("keys:     " + (s.keys.isEmpty ? "none (unsigned datagrams accepted)" : s.keys.joined(separator: ", ")))
        if s.publishers.isEmpty {
            lines.append("          no publisher heard yet")
        }
        for p in s.publishers {
            let seen = p.lastSeenSecondsAgo.map { "last seen \(duration($0)) ago" } ?? "never seen"
            let key = p.keyID.map { "signed with \($0)" } ?? "unsigned"
            lines.append(
                "  \(p.active ? "*" : " ") \(p.id): \(seen), \(p.accepted) accepted, \(p.sequenceGaps) missing, \(key)")
        }
        let d = s.datagrams
        lines.append(
            "datagrams: received \(d.received), accepted \(d.accepted) (applied \(d.applied), standby \(d.standby)), "
                + "rejected \(d.rejected.values.reduce(0, +)), missing \(d.missing)")
        let rejected = d.rejected.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        lines.append(
            "rejected: " + (rejected.isEmpty ? "none" : rejected.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        if let last = d.lastRejection {
            let when = d.lastRejectionSecondsAgo.map { ", \(duration($0)) ago" } ?? ""
            lines.append("          last: \(last)\(d.lastRejectedFrom.map { " from \($0)" } ?? "")\(when)")
        }
        if d.receiveBufferDrops > 0 {
            lines.append("overflow: \(d.receiveBufferDrops) discarded by the kernel (receive buffer full)")
        }
        var frames = "frames:   \(s.framesDrawn) drawn, last \(fixed(s.lastFrameMilliseconds, 1)) ms, "
        frames += "average \(fixed(s.averageFrameMilliseconds, 1)) ms, worst \(fixed(s.worstFrameMilliseconds, 1)) ms"
        if let first = s.firstFrameMilliseconds { frames += ", first after \(fixed(first, 0)) ms" }
        lines.append(frames)
        lines.append("banner:   \(s.banner.map { "\"\($0)\"" } ?? "none")")
        lines.append("reloads:  \(s.reloads.ok) ok, \(s.reloads.failed) refused")
        return lines.joined(separator: "\n")
    }

    /// "immediate/urban breach (OLDEST UNRESOURCED 16:40 > 15:00) · open 5, unresourced 2, oldest 16:40";
    /// a stale tile has no figures ("immediate/rural stale"): frozen ones are not reported as current.
    static func incidentLine(_ i: BoardSummary.Incident) -> String {
        var line = "\(i.id) \(i.state.rawValue)" + (i.reason.map { " (\($0))" } ?? "")
        if let open = i.open, let unresourced = i.unresourced {
            line += " · open \(open), unresourced \(unresourced)"
            if unresourced > 0, let oldest = i.oldestUnresourcedSeconds { line += ", oldest \(FigureFormat.duration(oldest))" }
        }
        return line
    }

    /// "42 on the grid (available 7, oncall 31, wrap 2, break 2) · stale 0 · longest not ready: Priya
    /// Patel break 15:12 (Meal break) warning", states in the protocol's order, then any others.
    static func handlersLine(_ h: BoardSummary.Handlers) -> String {
        let order = HandlerState.known.map(\.word)
        let words = order.filter { h.states[$0] != nil } + h.states.keys.filter { !order.contains($0) }.sorted()
        let counts = words.isEmpty ? "none current" : words.map { "\($0) \(h.states[$0] ?? 0)" }.joined(separator: ", ")
        var parts = ["\(h.states.values.reduce(0, +) + h.stale) on the grid (\(counts))"]
        parts.append("stale \(h.stale)")
        if let n = h.longestNotReady {
            var longest = "longest not ready: \(n.name) \(n.state) \(FigureFormat.duration(n.seconds))"
            if let reason = n.reason { longest += " (\(reason))" }
            if n.level != .ok { longest += " " + n.level.rawValue }
            parts.append(longest)
        }
        if h.alarmed > 0 { parts.append("\(h.alarmed) past [staff] not_ready") }
        return parts.joined(separator: " · ")
    }

    /// "no device (aplay: audio open error: …) · breach through default · played 0, failed 3 · sounding for 999".
    static func soundLine(_ sound: SoundStatus) -> String {
        guard sound.sound != "off" else { return "off (alarms can still be acknowledged)" }
        var parts = [sound.state, "\(sound.sound) through \(sound.device)", "played \(sound.played), failed \(sound.failed)"]
        if let ago = sound.lastSoundSecondsAgo { parts.append("last \(duration(ago)) ago") }
        if !sound.unacknowledged.isEmpty { parts.append("sounding for " + sound.unacknowledged.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if seconds < 10 { return "\(fixed(seconds, 1)) s" }
        if s < 3600 { return "\(s / 60)m\(pad(s % 60))s" }
        if s < 86_400 { return "\(s / 3600)h\(pad(s / 60 % 60))m" }
        return "\(s / 86_400)d\(s / 3600 % 24)h"
    }

    static func fixed(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        guard places > 0 else { return "\(scaled)" }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let whole = magnitude / Int(scale)
        var fraction = "\(magnitude % Int(scale))"
        while fraction.count < places { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
