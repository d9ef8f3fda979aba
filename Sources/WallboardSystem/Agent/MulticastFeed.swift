import Dispatch
import WallboardCore

/// The network feed: the feed engineer's multicast receiver and intake (decode, verify, replay
/// window, A/B arbitration), on the agent's queue. Refused datagrams are counted by reason and
/// logged once, then as rate-limited summaries: a flood of garbage never floods the journal.
final class MulticastFeed: FeedInput, @unchecked Sendable {
    private var intake: FeedIntake
    private var receiver: MulticastReceiver?
    private var ledger = PublisherLedger()
    private let endpoint: MulticastEndpoint
    private let queue: DispatchQueue
    private let clock: any Clock
    private let logger: Logger
    private var deliver: ((FeedMessage, MonotonicSeconds) -> Void)?

    /// Reads the key (a missing or empty key file is an error: an unsigned board would be a silent
    /// downgrade) and binds the socket; joining the group is retried by the receiver.
    init(config: FeedConfig, queue: DispatchQueue, logger: Logger, clock: any Clock) throws {
        intake = FeedIntake(keys: try config.keys.map { try FeedKeyFile.load(path: $0.path, id: $0.id) })
        endpoint = MulticastEndpoint(group: config.group, port: UInt16(clamping: config.port), interface: config.interface)
        self.queue = queue
        self.logger = logger
        self.clock = clock
    }

    func start(deliver: @escaping (FeedMessage, MonotonicSeconds) -> Void) throws {
        self.deliver = deliver
        let receiver = try MulticastReceiver(
            endpoint: endpoint, queue: queue, clock: clock, onMembership: { [unowned self] event in logMembership(event) }
        ) { [unowned self] datagram in
            receive(datagram)
        }
        receiver.start()
        self.receiver = receiver
    }

    /// Joins are logged; refreshes after silence once, then summarised (a publisher down for the
    /// night must not fill the journal); the routine once-a-minute refresh only at debug level.
    private func logMembership(_ event: MulticastReceiver.MembershipEvent) {
        switch event.kind {
        case .joined: logger.notice("feed: \(event)")
        case .refreshedAfterSilence:
            logger.count(.notice, key: "feed: membership refreshed after silence", now: clock.now(), message: "feed: \(event)")
        case .refreshedOnSchedule: logger.debug("feed: \(event)")
        }
    }

    private func receive(_ datagram: MulticastReceiver.Datagram) {
        let now = datagram.receivedAt
        switch intake.receive(datagram.bytes, now: now) {
        case .apply(let message):
            ledger.record(message, now: now)
            deliver?(message, now)
        case .standby(let message):
            ledger.record(message, now: now)
        case .rejected(let error):
            logger.count(
                .warning, key: "feed: dropped (\(error.reason.rawValue))", now: now,
                message: "feed: dropped a datagram from \(datagram.sender): \(error)")
        }
    }

    func tick(now: MonotonicSeconds) {}

    /// Called on the agent's queue at exit: the receiver's own `stop()` waits on that queue (sync), so it
    /// is not called here; delivery just ends and the kernel closes the socket with the process.
    func stop() {
        deliver = nil
    }

    func health(now: MonotonicSeconds) -> FeedHealth {
        FeedHealth(
            activePublisher: intake.activePublisher, dropped: ledger.totalGaps, rejected: intake.counters.totalRejected,
            failovers: intake.counters.failovers, listening: "\(endpoint.group):\(endpoint.port)")
    }

    func status(now: MonotonicSeconds) -> FeedInputStatus {
        var drops: [String: Int] = [:]
        for reason in FeedError.Reason.allCases where intake.counters[reason] > 0 {
            drops[reason.rawValue] = intake.counters[reason]
        }
        var source = "multicast \(endpoint)"
        var datagrams = AgentStatus.Datagrams(
            accepted: intake.counters.applied, standby: intake.counters.standby,
            rejected: drops)
        if let status = receiver?.status {
            datagrams.receiveBufferDrops = Int(status.kernelDrops)
            source += status.isJoined
                ? ", joined" + (status.interfaceName.map { " on \($0)" } ?? "")
                : ", not joined yet (\(status.lastError ?? "retrying"))"
            if status.kernelDrops > 0 { drops["receive buffer full"] = Int(status.kernelDrops) }
        }
        return FeedInputStatus(
            source: source, publishers: ledger.publishers(now: now, active: intake.activePublisher), drops: drops,
            datagrams: datagrams)
    }

    func summary(now: MonotonicSeconds) -> String {
        let publisher = intake.activePublisher.map { "following \($0)" } ?? "no publisher yet"
        return "multicast \(endpoint.group):\(endpoint.port), \(publisher)"
    }
}
