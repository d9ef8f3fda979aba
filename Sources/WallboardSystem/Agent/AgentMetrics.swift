import Dispatch
import WallboardCore

/// `[metrics] textfile`: every few seconds the agent's status, as Prometheus text, replaces the
/// file node_exporter's textfile collector serves. On the event loop, like everything else.
extension Agent {
    func startMetrics() {
        let timer = loop.timer(onLoop { $0.writeMetrics() })
        timer.schedule(deadline: .now(), repeating: MetricsConfig.interval, leeway: .milliseconds(500))
        timer.resume()
        metricsTimer = timer
        let path = MetricsTextfile.path(config.metrics, simulated: options.simulate)
        let why = options.simulate && config.metrics.textfile == .automatic
            ? " (the simulated floor is not exported as the room's figures; name a [metrics] textfile to export it)" : ""
        logger.info("metrics: \(path.map { "\($0), every \(Int(MetricsConfig.interval)) s" } ?? "off" + why)")
    }

    /// The path is resolved each time, so a reload (or node_exporter installed later) takes effect.
    private func writeMetrics() {
        guard let path = MetricsTextfile.path(config.metrics, simulated: options.simulate) else { return }
        do {
            try MetricsTextfile.write(StatusMetrics.text(status(), host: lastHostHealth ?? HostHealth.read()), to: path)
        } catch {
            logger.count(
                .warning, key: "metrics: cannot write", now: clock.now(),
                message: "metrics: cannot write \(path): \(error) (the wallboard user needs write access to its directory; or set [metrics] textfile = off)")
        }
    }
}
