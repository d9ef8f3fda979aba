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
        let fresh: WallboardConfig
        do {
            fresh = try ConfigFile.load(path)
        } catch {
            reloads.failed += 1
            logger.error("\(reason): \(path) not applied, keeping the running config: \(error)")
            return .failure("\(path) not applied, the running config stays:\n\(error)")
        }
        apply(fresh)
        reloads.ok += 1
        logger.notice("\(reason): reloaded \(path)")
        return ControlResponse(text: "reloaded \(path)")
    }

    /// Puts a validated config into force. Display settings that need the screen reopened
    /// (device, connector, mode, output) wait for a restart, and the log says so.
    func apply(_ fresh: WallboardConfig) {
        if fresh.display.output != config.display.output || fresh.display.device != config.display.device
            || fresh.display.connectors != config.display.connectors || fresh.display.mode != config.display.mode
        {
            logger.warning("display output/device/connector/mode changes take effect after 'systemctl restart wallboard'")
        }
        if fresh.feed != config.feed {
            logger.warning("[feed] changes (group, port, interface, key) take effect after 'systemctl restart wallboard'")
        }
        config = fresh
        pipeline.update(config: fresh)
        requestFrame()
    }
}
