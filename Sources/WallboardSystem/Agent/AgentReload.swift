import WallboardCore

/// SIGHUP and `wallboardctl reload`: the new file is validated completely before anything changes;
/// a bad file is logged with file:line and the running config stays.
extension Agent {
    @discardableResult
    func reload(reason: String) -> ControlResponse {
        guard let path = options.configPath else {
            logger.notice("\(reason): no config file (running on built-in defaults); nothing to reload")
            return .failure("the agent runs on built-in defaults (no --config): nothing to reload")
        }
        configFileStamp = ConfigFileStamp(path: path)
        notifier.reloading(status: "reloading \(path)")
        defer { notifier.status(statusLine()) }
        // systemd (Type=notify) waits for READY=1 after RELOADING=1.
        defer { notifier.send("READY=1") }
        let fresh: WallboardConfig, keys: [FeedKey]
        do {
            fresh = try ConfigFile.load(path)
            keys = try FeedKeys.load(fresh.feed)
        } catch {
            reloads.failed += 1
            logger.error("\(reason): \(path) not applied, keeping the running config: \(error)")
            return .failure("\(path) not applied, the running config stays:\n\(error)")
        }
        let restart = apply(fresh, keys: keys)
        reloads.ok += 1
        logger.notice("\(reason): reloaded \(path)")
        return ControlResponse(text: "reloaded \(path)" + (restart.map { "; \($0)" } ?? ""))
    }

    /// Puts a validated config into force. Settings that choose what was opened at start (screen,
    /// font, feed socket: ConfigRestart) wait for a restart; the log says which, and so does the
    /// returned notice. Keys (`keys`, read from the new file's key files) change at once: a key
    /// roll-over needs no restart.
    @discardableResult
    func apply(_ fresh: WallboardConfig, keys: [FeedKey]? = nil) -> String? {
        let outcome = ConfigRestart.apply(fresh, running: config)
        if let restart = outcome.notice { logger.warning(restart) }
        if let keys, keys.map(\.id) != pipeline.engine.intake.keyIDs {
            let ids = keys.isEmpty ? "none (unsigned datagrams accepted)" : keys.map(\.id).joined(separator: ", ")
            logger.notice("feed: keys now accepted: \(ids)")
        }
        pipeline.update(config: outcome.inForce, keys: keys)
        requestFrame()
        return outcome.notice
    }
}
