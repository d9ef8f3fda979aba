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

    /// Writes both limits in one checked edit: setting them one at a time could pass through an
    /// invalid in-between state (new amber beyond the old red) and be refused.
    private func writeBack(_ change: ThresholdChange, to path: String) throws -> WallboardConfig {
        func text(_ old: Double?, _ new: Double?) -> String? {
            guard old != new, let new else { return nil }
            return ConfigValue.format(new, as: change.metric.kind)
        }
        return try ConfigFile.setThreshold(
            path, queue: change.queue, metric: change.metric,
            amber: text(change.old?.amber, change.new.amber), red: text(change.old?.red, change.new.red))
    }
}
