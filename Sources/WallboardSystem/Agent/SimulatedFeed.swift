import WallboardCore

/// `--simulate`: the built-in simulated call floor, published as a publisher with a 1 s interval
/// would: each tick its reports are encoded as real datagrams (signed with the board's first key
/// when one is configured) and handed to the engine like any from the network, so the simulated
/// floor exercises decode, signature, replay window and arbitration, and `wallboardctl status`
/// shows them as accepted datagrams from publisher `simulator`. No network, no timer of its own.
final class SimulatedFeed: FeedInput {
    static let publisher = "simulator"
    /// The sender address shown for its datagrams.
    static let sender = "simulator"
    private var simulator: FloorSimulator
    private var publisher: FeedPublisher
    private let startedAt: MonotonicSeconds
    private let startedWallMilliseconds: UInt64
    private var deliver: (@Sendable (MulticastReceiver.Datagram) -> Void)?

    init(seed: UInt64, wallTime: WallTime, wallMilliseconds: UInt64, now: MonotonicSeconds, key: FeedKey?) {
        simulator = FloorSimulator(seed: seed, startSecondsOfDay: Double(wallTime.secondsOfDay))
        startedAt = now
        startedWallMilliseconds = wallMilliseconds
        // A fresh session each start (the seed alone would repeat one, and a board that saw it would
        // take the restart for a replay until the old session fell silent).
        let session = (seed &* 0x9E37_79B9_7F4A_7C15) ^ wallMilliseconds | 1
        publisher = FeedPublisher(
            publisher: Self.publisher, session: session, interval: 1, floor: simulator.floorName, key: key)
    }

    func start(deliver: @escaping @Sendable (MulticastReceiver.Datagram) -> Void) {
        self.deliver = deliver
        publish(now: startedAt)
    }

    func tick(now: MonotonicSeconds) {
        simulator.advance(to: now - startedAt)
        publish(now: now)
    }

    private func publish(now: MonotonicSeconds) {
        let reports = simulator.reports()
        let sent = startedWallMilliseconds &+ UInt64(max(0, (now - startedAt) * 1000))
        // The simulator's reports always encode (its names are short, its figures in range); a
        // failure would be a bug in it, and shows on the wall as a silent feed.
        guard let datagrams = try? publisher.datagrams(
                queues: reports.queues, staff: reports.staff, handlers: simulator.handlerReports(), sentAtMilliseconds: sent)
        else { return }
        for bytes in datagrams { deliver?(MulticastReceiver.Datagram(bytes: bytes, sender: Self.sender, receivedAt: now)) }
    }

    func stop() { deliver = nil }

    var source: String { "simulated floor \"\(simulator.floorName)\" (--simulate), 1 update/s as publisher '\(Self.publisher)'" }
    var listening: String { "simulated floor" }
    var receiveBufferOverflows: Int { 0 }
}
