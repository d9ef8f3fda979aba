#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import WallboardCore
import WallboardRender

/// The agent's answers to wallboardctl, on the event loop.
extension Agent {
    func startControl() {
        let path = options.controlSocket ?? defaultControlSocketPath
        if options.controlSocket == nil {
            // Outside systemd (the quick start as root) /run/wallboard may not exist yet.
            mkdir("/run/wallboard", 0o750)
        }
        do {
            let confined = confined
            let server = try ControlServer(path: path, queue: queue) { request, peer in
                confined.object.answer(request, from: peer)
            }
            server.start()
            control = server
            logger.info("control socket: \(path)")
            if let warning = server.groupWarning { logger.warning(warning) }
        } catch {
            // The board matters more than the remote control: keep drawing, say why wallboardctl won't work.
            logger.warning("control socket disabled (\(error)); wallboardctl will not reach this agent")
        }
    }

    func answer(_ request: ControlRequest, from peer: PeerCredentials) -> ControlResponse {
        switch request.command {
        case .status:
            return ControlResponse(status: status())
        case .thresholds:
            // Text in config-file notation for people; the same limits as rows for --json.
            let engine = pipeline.engine
            return ControlResponse(
                text: ThresholdListing.render(
                    config: config, queues: knownQueues, targets: engine.reportedTargets, inForce: engine.thresholdProfile,
                    incidents: engine.incidentIDs, incidentTargets: engine.reportedIncidentTargets),
                thresholds: ThresholdRows.rows(
                    config: config, queues: knownQueues, targets: engine.reportedTargets, inForce: engine.thresholdProfile,
                    incidents: engine.incidentIDs, incidentTargets: engine.reportedIncidentTargets))
        case .thresholdSet:
            return setThreshold(request, by: peer)
        case .message:
            return setBanner(request, by: peer)
        case .messageClear:
            guard let old = banner else { return ControlResponse(text: "no banner was shown") }
            banner = nil
            logger.notice("audit: \(peer) cleared the banner \"\(old.text)\"")
            requestFrame()
            return ControlResponse(text: "banner cleared")
        case .snapshot:
            let png = PNGWriter.encode(pipeline.canvas)
            return ControlResponse(
                png: Data(png).base64EncodedString(), width: pipeline.canvas.width, height: pipeline.canvas.height)
        case .frame:
            let sampled = FrameSampler.sample(pipeline.canvas, maxWidth: request.width ?? 80, maxHeight: request.height ?? 48)
            let bytes = sampled.pixels.withUnsafeBufferPointer { Data(buffer: $0) }
            return ControlResponse(pixels: bytes.base64EncodedString(), width: sampled.width, height: sampled.height)
        case .checkConfig:
            guard let path = request.path ?? options.configPath else {
                return .failure("the agent runs on built-in defaults (no --config): name a FILE to check")
            }
            do {
                _ = try ConfigFile.load(path)
                return ControlResponse(text: "\(path): OK")
            } catch {
                return .failure("\(error)")
            }
        case .ack:
            return acknowledge(request, by: peer)
        case .reload:
            logger.notice("audit: \(peer) asked for a reload")
            return reload(reason: "wallboardctl reload")
        }
    }

    private func setBanner(_ request: ControlRequest, by peer: PeerCredentials) -> ControlResponse {
        guard let text = request.text.map(Agent.trimmed), !text.isEmpty else {
            return .failure("the message is empty; to remove the banner use 'message clear'")
        }
        guard text.count <= 200 else { return .failure("the message is \(text.count) characters; 200 at most fit on the board") }
        var until: MonotonicSeconds?
        var forText = ""
        if let duration = request.duration {
            guard let seconds = ConfigValue.duration(duration), seconds > 0, seconds <= 7 * 86_400 else {
                return .failure("--for '\(duration)' is not a duration between 1s and 7d (e.g. 30m, 2h, 90s)")
            }
            until = clock.now() + seconds
            forText = " for \(duration)"
        }
        // Line breaks and tabs become spaces (a pasted text); any other control character is refused:
        // a banner is text for the wall, not commands for a terminal or the log.
        let flat = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        if let control = ControlCharacters.first(in: flat) {
            return .failure(
                "the message contains the control character \(ControlCharacters.name(control)); a banner is plain text, without control characters")
        }
        banner = Banner(text: flat, until: until)
        logger.notice("audit: \(peer) set the banner\(forText): \"\(flat)\"")
        requestFrame()
        return ControlResponse(text: "banner shown\(forText)")
    }

    static func trimmed(_ text: String) -> String {
        String(text.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    func status() -> AgentStatus {
        let now = clock.now()
        let engine = pipeline.engine.status(now: now)
        var datagrams = engine.datagrams
        datagrams.receiveBufferDrops = feed?.receiveBufferOverflows ?? 0
        var status = AgentStatus(
            version: WallboardVersion.string, pid: Int(getpid()), uptimeSeconds: now - startedAt,
            feedSource: feed?.source ?? "none (the feed could not start: see the log)", keys: engine.keys,
            publishers: engine.publishers, drops: engine.datagrams.rejected,
            display: display.name, displayReason: displayReason, configFile: options.configPath,
            framesDrawn: statistics.count, lastFrameMilliseconds: statistics.last,
            worstFrameMilliseconds: statistics.worst, averageFrameMilliseconds: statistics.average,
            cpuSeconds: SystemClock.processCPUSeconds(), firstFrameMilliseconds: statistics.firstFrameMilliseconds,
            banner: banner?.text, board: engine.board, datagrams: datagrams,
            heads: displays.enumerated().map { i, head in
                AgentStatus.Head(
                    name: head.name, connector: head.connector, connected: headConnected[i],
                    mode: "\(head.width)x\(head.height)")
            },
            reloads: reloads, lastFrameAt: lastFrameAt, sound: soundStatus(now: now))
        status.screen = power.decision.text
        status.screenOn = power.decision.isOn
        return status
    }
}
