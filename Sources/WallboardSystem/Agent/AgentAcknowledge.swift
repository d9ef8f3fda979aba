import WallboardCore

/// `wallboardctl ack [NAME]`: decided by the engine's `AlarmBell` (who from SO_PEERCRED, when, which
/// queue or incident tile, named as `AlarmSubject(name:)` reads it), audited in the log like every
/// other control change.
extension Agent {
    func acknowledge(_ request: ControlRequest, by peer: PeerCredentials) -> ControlResponse {
        let subject = request.queue.map { AlarmSubject(name: Agent.trimmed($0)) }
        let what = "ack" + (subject.map { " \(ControlCharacters.escaped($0.name))" } ?? "")
        if let subject, let why = UnknownSubject.check(subject, queues: knownQueues, incidents: pipeline.engine.incidentIDs) {
            logger.notice("audit: \(peer) was refused \(what): \(why)")
            return .failure("\(why)")
        }
        let who = peer.userName ?? "uid \(peer.uid)"
        switch pipeline.engine.acknowledge(subject, by: who, now: clock.now(), wallTime: SystemClock.wallTime()) {
        case .failure(let refusal):
            logger.notice("audit: \(peer) was refused \(what): \(refusal)")
            return .failure("\(refusal)")
        case .success(let done):
            let standing = pipeline.engine.bell.acknowledgements
            let earlier = (subject.map { [$0] } ?? standing.keys.sorted()).filter { !done.contains($0) }.compactMap { id in
                standing[id].map { "\(id) already acknowledged by \($0.by) \($0.clock)" }
            }
            let names = done.map(\.name).joined(separator: ", ")
            if !done.isEmpty {
                logger.notice("audit: \(peer) acknowledged the alarm of \(names)")
                requestFrame()
            }
            let said = done.isEmpty ? [] : ["acknowledged \(names) (the tile stays red until the alarm clears)"]
            return ControlResponse(text: (said + earlier).joined(separator: "; "))
        }
    }

    func soundStatus(now: MonotonicSeconds) -> SoundStatus {
        let alarm = config.alarm
        let bell = pipeline.engine.bell
        return SoundStatus(
            sound: alarm.sound.rawValue, device: alarm.device, state: alarm.sound == .off ? "off" : player.state,
            played: player.played, failed: player.failed, lastSoundSecondsAgo: bell.lastSoundAt.map { max(0, now - $0) },
            unacknowledged: bell.unacknowledged.map(\.name))
    }
}
