import WallboardCore

/// `wallboardctl threshold set`: validated, written back to the config file atomically with its
/// comments kept, applied live, and recorded in the audit log (who, what, old → new).
extension Agent {
    func setThreshold(_ request: ControlRequest, by peer: PeerCredentials) -> ControlResponse {
        let change: ThresholdChange
        do {
            change = try ThresholdChange(
                queue: request.queue, metric: request.metric, amber: request.amber, red: request.red,
                config: config, knownQueues: pipeline.queueIDs)
        } catch {
            logger.notice("audit: \(peer) was refused threshold set \(request.queue ?? "?") \(request.metric ?? "?"): \(error)")
            return .failure(error.description)
        }
        let fresh: WallboardConfig
        var saved = ""
        if let path = options.configPath {
            // The file is the truth: edit its text, re-read it exactly as a reload would, write it
            // back atomically, and only then apply. A failure leaves file and board as they were.
            do {
                fresh = try writeBack(change, to: path)
                saved = "; saved to \(path)"
                configFileStamp = ConfigFileStamp(path: path)
            } catch {
                logger.error("audit: \(peer) threshold set \(change.summary): not saved, not applied: \(error)")
                return .failure("not applied: could not save \(path): \(error)")
            }
        } else {
            var edited = config
            var queue = edited.queue(change.queue)
            queue.thresholds[change.metric] = change.new
            if let i = edited.queues.firstIndex(where: { $0.id == change.queue }) {
                edited.queues[i] = queue
            } else {
                edited.queues.append(queue)
            }
            fresh = edited
            saved = "; not saved (the agent runs on built-in defaults, without --config)"
        }
        apply(fresh)
        logger.notice("audit: \(peer) threshold set \(change.summary)\(saved)")
        return ControlResponse(text: "\(change.summary)\(saved)")
    }

    private func writeBack(_ change: ThresholdChange, to path: String) throws -> WallboardConfig {
        var text = try TextFile.read(path)
        if change.old?.amber != change.new.amber, let amber = change.new.amber {
            text = try ConfigEditor.setThreshold(
                queue: change.queue, metric: change.metric, level: .amber, value: amber, in: text, file: path)
        }
        if change.old?.red != change.new.red, let red = change.new.red {
            text = try ConfigEditor.setThreshold(
                queue: change.queue, metric: change.metric, level: .red, value: red, in: text, file: path)
        }
        let fresh = try WallboardConfig(parsing: text, file: path)
        try AtomicFile.write(text, to: path)
        return fresh
    }
}
