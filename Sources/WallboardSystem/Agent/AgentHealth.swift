import Dispatch
import WallboardCore

/// The board's own health on the wall: every `BoardHealthReader.interval` seconds the agent reads
/// the SoC temperature and throttling, the clock's synchronisation and the display fallback, and
/// hands them to the engine (which shows a line only when something is wrong). The metrics file
/// uses the same host reading.
extension Agent {
    func startHealth() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: BoardHealthReader.interval, leeway: .milliseconds(500))
        timer.setEventHandler { [unowned self] in readHealth() }
        timer.resume()
        healthTimer = timer
    }

    private func readHealth() {
        let host = HostHealth.read()
        lastHostHealth = host
        let readings = BoardHealthReader.readings(
            host: host, clockSynchronised: BoardHealthReader.clockSynchronised(),
            displayFallback: BoardHealthReader.displayFallback(reason: displayReason))
        guard readings != pipeline.engine.health else { return }
        if let line = BoardHealth.line(readings) { logger.warning("health: \(line)") }
        pipeline.engine.health = readings
        requestFrame()
    }
}
