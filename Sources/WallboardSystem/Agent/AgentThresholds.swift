import WallboardCore

/// `wallboardctl threshold set`: judged by the config parser (ThresholdChange), written back to the
/// config file atomically with its comments kept, applied live, and recorded in the audit log
/// (who, what, old → new).
extension Agent {
    func setThreshold(_ request: ControlRequest, by peer: PeerCredentials) -> ControlResponse {
        let what = "threshold set \(ControlCharacters.escaped(request.queue ?? "?")) \(ControlCharacters.escaped(request.metric ?? "?"))"
        // The file is the truth: edit its text, parse it exactly as a reload would, write it back
        // atomically, and only then apply. A failure leaves file and board as they were.
        var text: String?
        if let path = options.configPath {
            do {
                text = try TextFile.read(path)
            } catch {
                logger.error("audit: \(peer) \(what): not saved, not applied: \(error)")
                return .failure("not applied: could not read \(path): \(error)")
            }
        }
        guard let profile = ThresholdProfile(rawValue: request.profile ?? "day") else {
            return .failure("\(what) refused: --profile '\(request.profile ?? "")' is not day or night")
        }
        let change: ThresholdChange
        do {
            let named = request.queue.map { AlarmSubject(name: $0) }
            change = try ThresholdChange(
                queue: request.queue, metric: request.metric, amber: request.amber, red: request.red,
                config: config, text: text, file: options.configPath ?? "built-in defaults", knownQueues: knownQueues,
                knownIncidents: pipeline.engine.incidentIDs, reportedTarget: named.flatMap { pipeline.engine.reportedTarget($0) },
                profile: profile)
        } catch {
            logger.notice("audit: \(peer) was refused \(what): \(error)")
            return .failure("\(what) refused: \(error)")
        }
        var saved = "; not saved (the agent runs on built-in defaults, without --config)"
        if let path = options.configPath {
            do {
                try AtomicFile.write(change.text, to: path)
            } catch {
                logger.error("audit: \(peer) threshold set \(change.summary): not saved, not applied: \(error)")
                return .failure("not applied: could not save \(path): \(error)")
            }
            saved = "; saved to \(path)"
            configFileStamp = ConfigFileStamp(path: path)
        }
        apply(change.config)
        logger.notice("audit: \(peer) threshold set \(change.summary)\(saved)")
        return ControlResponse(text: "\(change.summary)\(saved)")
    }

    /// Queues a supervisor can name: configured, built in (999, 101), or reported by the feed.
    var knownQueues: [String] {
        var ids = pipeline.engine.queueIDs
        for id in ["999", "101"] where !ids.contains(id) { ids.append(id) }
        return ids
    }
}
