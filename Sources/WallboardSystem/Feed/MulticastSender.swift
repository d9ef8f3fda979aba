#if canImport(Glibc)
import Glibc
#endif

/// Sends datagrams to a multicast group: TTL (IPv6 hop limit), loopback to this host, and the
/// outgoing interface (by index, so it works on interfaces without an IPv4 address).
public final class MulticastSender: @unchecked Sendable {
    public let endpoint: MulticastEndpoint
    private let address: MulticastAddress
    private let fd: Int32

    /// - Parameters:
    ///   - ttl: 1 keeps the feed on the local segment; 0 keeps it on this host.
    ///   - loopback: deliver to listeners on this host too (needed for a board and publisher on one machine).
    public init(endpoint: MulticastEndpoint, ttl: Int = 1, loopback: Bool = true) throws {
        self.endpoint = endpoint
        address = try MulticastAddress(group: endpoint.group, port: endpoint.port)
        let context = endpoint.description
        let fd = socket(address.family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError.system(call: "socket", context: context, errno: errno) }
        self.fd = fd
        do {
            let index = try SocketOptions.interfaceIndex(endpoint.interface)
            switch address {
            case .v4:
                try SocketOptions.set(fd, Int32(IPPROTO_IP), IP_MULTICAST_TTL, Int32(ttl), name: "IP_MULTICAST_TTL", context: context)
                try SocketOptions.set(fd, Int32(IPPROTO_IP), IP_MULTICAST_LOOP, Int32(loopback ? 1 : 0),
                                      name: "IP_MULTICAST_LOOP", context: context)
                if index != 0 {
                    var m = ip_mreqn()
                    m.imr_ifindex = Int32(index)
                    try SocketOptions.set(fd, Int32(IPPROTO_IP), IP_MULTICAST_IF, m, name: "IP_MULTICAST_IF", context: context)
                }
            case .v6:
                try SocketOptions.set(fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS, Int32(ttl),
                                      name: "IPV6_MULTICAST_HOPS", context: context)
                try SocketOptions.set(fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_LOOP, UInt32(loopback ? 1 : 0),
                                      name: "IPV6_MULTICAST_LOOP", context: context)
                if index != 0 {
                    try SocketOptions.set(fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_IF, index,
                                          name: "IPV6_MULTICAST_IF", context: context)
                }
            }
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// Sends one datagram; throws `SocketError` (e.g. no route to the group).
    public func send(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes { buf in
            address.withSocketAddress { sendto(fd, buf.baseAddress, buf.count, 0, $0, $1) }
        }
        if sent < 0 { throw SocketError.system(call: "sendto", context: endpoint.description, errno: errno) }
    }
}
