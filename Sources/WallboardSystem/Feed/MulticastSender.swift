#if canImport(Glibc)
import Glibc
#endif

/// Sends datagrams to a multicast group: TTL (IPv6 hop limit), loopback to this host, and the
/// outgoing interface (by index, so it works on interfaces without an IPv4 address).
///
/// Where multicast is not allowed, `unicast` destinations replace the group: every datagram goes
/// straight to each board's own address (the board listens on the same port for both).
///
/// `@unchecked Sendable` is sound because `unicastFDs`, its one `var`, is filled in `init` and only
/// read afterwards (closed in `deinit`); `send` only reads it and calls `sendto`, which the kernel
/// serialises per socket.
public final class MulticastSender: @unchecked Sendable {
    public let endpoint: MulticastEndpoint
    /// Empty: the group. Otherwise these, and not the group.
    public let unicast: [SocketAddress]
    private let address: MulticastAddress
    private let groupFD: Int32
    /// One socket per address family the unicast destinations need.
    private var unicastFDs: [Int32: Int32] = [:]

    /// - Parameters:
    ///   - ttl: 1 keeps the feed on the local segment; 0 keeps it on this host; each multicast
    ///     router on the way takes one off (two sites behind one router: 2).
    ///   - loopback: deliver to listeners on this host too (needed for a board and publisher on one machine).
    ///   - unicast: send to these addresses instead of the group.
    public init(endpoint: MulticastEndpoint, ttl: Int = 1, loopback: Bool = true, unicast: [SocketAddress] = []) throws {
        self.endpoint = endpoint
        self.unicast = unicast
        address = try MulticastAddress(group: endpoint.group, port: endpoint.port)
        let context = endpoint.description
        groupFD = try Self.openSocket(family: address.family, context: context)
        do {
            let index = try SocketOptions.interfaceIndex(endpoint.interface)
            switch address {
            case .v4:
                try SocketOptions.set(groupFD, Int32(IPPROTO_IP), IP_MULTICAST_TTL, Int32(ttl), name: "IP_MULTICAST_TTL", context: context)
                try SocketOptions.set(groupFD, Int32(IPPROTO_IP), IP_MULTICAST_LOOP, Int32(loopback ? 1 : 0),
                                      name: "IP_MULTICAST_LOOP", context: context)
                if index != 0 {
                    var m = ip_mreqn()
                    m.imr_ifindex = Int32(index)
                    try SocketOptions.set(groupFD, Int32(IPPROTO_IP), IP_MULTICAST_IF, m, name: "IP_MULTICAST_IF", context: context)
                }
            case .v6:
                try SocketOptions.set(groupFD, Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS, Int32(ttl),
                                      name: "IPV6_MULTICAST_HOPS", context: context)
                try SocketOptions.set(groupFD, Int32(IPPROTO_IPV6), IPV6_MULTICAST_LOOP, UInt32(loopback ? 1 : 0),
                                      name: "IPV6_MULTICAST_LOOP", context: context)
                if index != 0 {
                    try SocketOptions.set(groupFD, Int32(IPPROTO_IPV6), IPV6_MULTICAST_IF, index,
                                          name: "IPV6_MULTICAST_IF", context: context)
                }
            }
            for destination in unicast where unicastFDs[destination.family] == nil {
                unicastFDs[destination.family] = try Self.openSocket(family: destination.family, context: destination.description)
            }
        } catch {
            close(groupFD)
            unicastFDs.values.forEach { _ = close($0) }
            throw error
        }
    }

    deinit {
        close(groupFD)
        unicastFDs.values.forEach { _ = close($0) }
    }

    /// Where datagrams go, e.g. "239.192.0.99:5099 on eth0" or "10.0.0.7:5099, 10.0.0.8:5099 (unicast)".
    public var destinationDescription: String {
        unicast.isEmpty ? endpoint.description : unicast.map(\.description).joined(separator: ", ") + " (unicast)"
    }

    /// Sends one datagram to the group, or to every unicast destination; throws `SocketError`
    /// (e.g. no route to the group) naming the (first) destination that failed.
    public func send(_ bytes: [UInt8]) throws {
        if unicast.isEmpty {
            let sent = bytes.withUnsafeBytes { buf in
                address.withSocketAddress { sendto(groupFD, buf.baseAddress, buf.count, 0, $0, $1) }
            }
            if sent < 0 { throw SocketError.system(call: "sendto", context: endpoint.description, errno: errno) }
            return
        }
        // Every board gets its copy even when one is unreachable; the first failure is reported after.
        var failure: SocketError?
        for destination in unicast {
            let fd = unicastFDs[destination.family] ?? groupFD
            let sent = bytes.withUnsafeBytes { buf in
                destination.withSocketAddress { sendto(fd, buf.baseAddress, buf.count, 0, $0, $1) }
            }
            if sent < 0 && failure == nil { failure = .system(call: "sendto", context: destination.description, errno: errno) }
        }
        if let failure { throw failure }
    }

    private static func openSocket(family: Int32, context: String) throws -> Int32 {
        let fd = socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError.system(call: "socket", context: context, errno: errno) }
        return fd
    }
}
