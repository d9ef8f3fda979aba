import WallboardCore

/// `--simulate`: the built-in simulated call floor feeds the board in-process, one absolute snapshot
/// per second from the agent's tick, as a publisher with a 1 s interval would. No network, no timer
/// of its own.
final class SimulatedFeed: FeedInput {
    static let publisher = "simulator"
    private var simulator: FloorSimulator
    private let startedAt: MonotonicSeconds
    private let session: UInt64
    private var sequence: UInt64 = 0
    private var deliver: ((FeedMessage, MonotonicSeconds) -> Void)?
    private var lastSent: MonotonicSeconds?

    init(seed: UInt64, wallTime: WallTime, now: MonotonicSeconds) {
        simulator = FloorSimulator(seed: seed, startSecondsOfDay: Double(wallTime.secondsOfDay))
        startedAt = now
        session = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    func start(deliver: @escaping (FeedMessage, MonotonicSeconds) -> Void) {
        self.deliver = deliver
        publish(now: startedAt)
    }

    func tick(now: MonotonicSeconds) {
        simulator.advance(to: now - startedAt)
        publish(now: now)
    }

    private func publish(now: MonotonicSeconds) {
        let reports = simulator.reports()
        sequence += 1
        lastSent = now
        let message = FeedMessage(
            publisher: Self.publisher, session: session, sequence: sequence, sentAtMilliseconds: 0, interval: 1,
            floor: simulator.floorName, queues: reports.queues, staff: reports.staff)
        deliver?(message, now)
    }

    func stop() { deliver = nil }

    func health(now: MonotonicSeconds) -> FeedHealth {
        FeedHealth(activePublisher: Self.publisher, dropped: 0, rejected: 0, listening: "simulated floor")
    }

    func status(now: MonotonicSeconds) -> FeedInputStatus {
        FeedInputStatus(
            source: "simulated floor \"\(simulator.floorName)\" (--simulate), 1 update/s",
            publishers: [
                AgentStatus.Publisher(
                    id: Self.publisher, lastSeenSecondsAgo: lastSent.map { now - $0 }, accepted: Int(sequence),
                    sequenceGaps: 0, active: true)
            ],
            drops: [:], datagrams: AgentStatus.Datagrams(accepted: Int(sequence)))
    }

    func summary(now: MonotonicSeconds) -> String { "simulated floor" }
}
