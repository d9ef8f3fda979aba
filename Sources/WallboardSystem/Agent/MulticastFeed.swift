import Dispatch
import WallboardCore

/// The network feed: the multicast receiver, delivering each datagram as it arrived on the agent's
/// queue. Decoding, verifying and counting are the engine's; group membership is logged here.
/// Not Sendable: it lives on the agent's queue, and the receiver's membership handler captures
/// only the (Sendable) logger and clock, never the feed.
final class MulticastFeed: FeedInput {
    private var receiver: MulticastReceiver?
    private let endpoint: MulticastEndpoint
    private let queue: DispatchQueue
    private let clock: any Clock
    private let logger: Logger

    /// Binds the socket; joining the group is retried by the receiver.
    init(config: FeedConfig, queue: DispatchQueue, logger: Logger, clock: any Clock) {
        endpoint = MulticastEndpoint(group: config.group, port: UInt16(clamping: config.port), interface: config.interface)
        self.queue = queue
        self.logger = logger
        self.clock = clock
    }

    func start(deliver: @escaping @Sendable (MulticastReceiver.Datagram) -> Void) throws {
        let receiver = try MulticastReceiver(
            endpoint: endpoint, queue: queue, clock: clock,
            onMembership: { [logger, clock] event in MulticastFeed.log(event, logger: logger, clock: clock) },
            handler: deliver)
        receiver.start()
        self.receiver = receiver
    }

    /// Joins are logged; refreshes after silence once, then summarised (a publisher down for the
    /// night must not fill the journal); the routine once-a-minute refresh only at debug level.
    private static func log(_ event: MulticastReceiver.MembershipEvent, logger: Logger, clock: any Clock) {
        switch event.kind {
        case .joined: logger.notice("feed: \(event)")
        case .refreshedAfterSilence:
            logger.count(.notice, key: "feed: membership refreshed after silence", now: clock.now(), message: "feed: \(event)")
        case .refreshedOnSchedule: logger.debug("feed: \(event)")
        }
    }

    func tick(now: MonotonicSeconds) {}

    /// Called on the agent's queue at exit: the receiver's own `stop()` waits on that queue (sync), so it
    /// is not called here; the kernel closes the socket with the process.
    func stop() {}

    var source: String {
        var source = "multicast \(endpoint)"
        if let status = receiver?.status {
            source += status.isJoined
                ? ", joined" + (status.interfaceName.map { " on \($0)" } ?? "")
                : ", not joined yet (\(status.lastError ?? "retrying"))"
        }
        return source
    }

    var listening: String { "\(endpoint.group):\(endpoint.port)" }

    var receiveBufferOverflows: Int { Int(receiver?.status.kernelDrops ?? 0) }
}
