#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore
import WallboardRender

/// The `[display] on` schedule (and `[board] night`) at the edge: each tick reads the local time, the clock's
/// synchronisation, the worst alarm and FEED LOST, lets `ScreenPower.decide` choose, and powers the panels
/// (DRM DPMS, fbdev FBIOBLANK) or, where a display cannot, shows the "screen off" picture.
extension Agent {
    /// The local time now, with the zone's offset at this instant (DST included).
    static func localTime() -> LocalTime {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return LocalTime(unixTime: Double(t), utcOffset: parts.tm_gmtoff)
    }

    /// What may wake a panel the schedule turned off: the worst alarm on the wall (stale tiles show
    /// none) and whether the wall says FEED LOST.
    var wakeReasons: (worstAlarm: AlarmLevel, feedLost: Bool) {
        let summary = pipeline.engine.summary(now: clock.now())
        let worst = summary.queues.reduce(AlarmLevel.normal) { worst, queue in
            switch queue.state {
            case .breach: return .red
            case .warning: return max(worst, .amber)
            case .ok, .stale: return worst
            }
        }
        return (worst, summary.feed == .lost)
    }

    /// On the tick: the local time's two decisions — which thresholds are in force (`[board] night`)
    /// and whether the panel is lit (`[display] on`) — from one reading of the clock.
    func updateByLocalTime(now: MonotonicSeconds) {
        let time = Agent.localTime()
        let synchronised = BoardHealthReader.clockSynchronised() == true
        let profile = ThresholdProfile.active(night: config.board.night, at: time, clockSynchronised: synchronised)
        if profile != pipeline.engine.thresholdProfile {
            logger.notice("thresholds: the \(profile.rawValue) thresholds are in force now")
            pipeline.engine.thresholdProfile = profile
            requestFrame()
        }
        updateScreenPower(now: now, at: time, clockSynchronised: synchronised)
    }

    /// Decides the panel's power, logs a change and asks for a frame, which applies it.
    func updateScreenPower(now: MonotonicSeconds, at time: LocalTime, clockSynchronised: Bool) {
        let display = config.display
        let wake = display.schedule.isAlways ? (worstAlarm: .normal, feedLost: false) : wakeReasons
        let decision = ScreenPower.decide(
            schedule: display.schedule, wakeOn: display.wakeOn, at: time, clockSynchronised: clockSynchronised,
            worstAlarm: wake.worstAlarm, feedLost: wake.feedLost, now: now, lastAlarmAt: &power.lastAlarmAt)
        guard decision != power.decision else { return }
        if decision.isOn != power.decision.isOn || decision.reason == .clockUnsynchronised {
            logger.notice("display: screen \(decision.text)")
        }
        power.decision = decision
        requestFrame()
    }

    /// Called by drawFrame while the decision is off: panels off once; displays that cannot power
    /// off show the screen-off picture (repainted only when its text changes).
    func presentScreenOff() {
        let text = "screen off (schedule)" + (power.decision.reason.offUntil.map { " until \($0)" } ?? "")
        for (i, display) in displays.enumerated() {
            if power.panelsOn {
                do { power.blanked[i] = try display.setPower(on: false) } catch {
                    power.blanked[i] = false
                    logger.error("display: \(display.name): cannot turn the panel off: \(error)")
                }
            }
            guard !power.blanked[i], power.offText[i] != text else { continue }
            power.offText[i] = text
            let head = pipeline.heads[i]
            let damage = head.painter.paintScreenOff(text, into: head.canvas)
            do { try display.present(head.canvas, damage: damage) } catch {
                logger.count(.error, key: "display present failed", now: clock.now(), message: "display present failed: \(error)")
            }
        }
        if power.panelsOn { logger.notice("display: panel\(displays.count > 1 ? "s" : "") off: screen \(power.decision.text)") }
        power.panelsOn = false
    }

    /// Called by drawFrame after the fresh frame was presented: the panels wake on it, not on the
    /// picture from before they went off.
    func turnPanelsOnIfOff() {
        guard !power.panelsOn else { return }
        power.panelsOn = true
        for (i, display) in displays.enumerated() {
            power.offText[i] = nil
            do { _ = try display.setPower(on: true) } catch {
                logger.error("display: \(display.name): cannot turn the panel on: \(error)")
            }
        }
        logger.notice("display: panel\(displays.count > 1 ? "s" : "") on: screen \(power.decision.text)")
    }
}

/// The agent's screen-power state: the decision in force and what was done to the panels.
struct AgentPower {
    var decision = ScreenPower(isOn: true, reason: .noSchedule)
    var lastAlarmAt: MonotonicSeconds?
    /// False once the panels were turned off (or the off picture shown), until they are on again.
    var panelsOn = true
    /// Per head: true when `setPower(on: false)` really powered the panel off.
    var blanked: [Bool]
    /// Per head: the screen-off text last drawn (terminal, PNG).
    var offText: [String?]

    init(heads: Int) {
        blanked = Array(repeating: false, count: heads)
        offText = Array(repeating: nil, count: heads)
    }
}

extension ScreenPower.Reason {
    /// When the schedule turns the screen on again, if it is off by schedule.
    var offUntil: String? {
        if case .offBySchedule(let until) = self { return until }
        return nil
    }
}
