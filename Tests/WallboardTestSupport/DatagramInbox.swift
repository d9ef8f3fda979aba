import WallboardCore
import WallboardSystem

/// Collects datagrams a receiver delivers on its own queue, for a test to read on its thread.
public final class DatagramInbox: Sendable {
    private let items = LockedValue<[MulticastReceiver.Datagram]>([])

    public init() {}

    public var all: [MulticastReceiver.Datagram] { items.value }
    public func add(_ datagram: MulticastReceiver.Datagram) { items.withLock { $0.append(datagram) } }
}
