#if canImport(Glibc)
import Glibc
#endif

/// Thin typed setsockopt, throwing `SocketError` that names the option and the endpoint.
enum SocketOptions {
    // Linux values of options Glibc's Swift overlay does not always import.
    static let ipMulticastAll: Int32 = 49  // IP_MULTICAST_ALL
    static let ipv6MulticastAll: Int32 = 29  // IPV6_MULTICAST_ALL (Linux 4.20+)
    static let ipv6JoinGroup: Int32 = 20  // IPV6_ADD_MEMBERSHIP
    static let ipv6LeaveGroup: Int32 = 21  // IPV6_DROP_MEMBERSHIP
    static let receiveQueueOverflow: Int32 = 40  // SO_RXQ_OVFL: kernel drop count with each datagram

    static func set<T>(
        _ fd: Int32, _ level: Int32, _ option: Int32, _ value: T, name: String, context: String
    ) throws {
        let r = withUnsafeBytes(of: value) { setsockopt(fd, level, option, $0.baseAddress, socklen_t($0.count)) }
        if r != 0 { throw SocketError.system(call: "setsockopt(\(name))", context: context, errno: errno) }
    }

    /// The interface index for `name`; 0 for nil (any). Throws when the name is unknown.
    static func interfaceIndex(_ name: String?) throws -> UInt32 {
        guard let name else { return 0 }
        let index = if_nametoindex(name)
        guard index != 0 else { throw SocketError.noSuchInterface(name) }
        return index
    }
}
