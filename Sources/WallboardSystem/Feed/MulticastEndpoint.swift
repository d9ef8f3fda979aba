import WallboardCore

/// Where the feed travels: a multicast group, a UDP port, and the interface to use.
/// The agent fills it from the config's `[feed]` section (group, port, interface).
public struct MulticastEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// IPv4 organisation-local scope (RFC 2365): stays inside the site.
    /// One source for the defaults: the config's (PROTOCOL.md names the same).
    public static let defaultGroup = FeedConfig().group
    public static let defaultPort = UInt16(FeedConfig().port)

    /// An IPv4 (`239.192.0.99`) or IPv6 (`ff15::99`) multicast address.
    public var group: String
    public var port: UInt16
    /// Interface name (`eth0`, `lo`); nil lets the kernel choose by route.
    public var interface: String?

    public init(group: String = MulticastEndpoint.defaultGroup, port: UInt16 = MulticastEndpoint.defaultPort,
                interface: String? = nil) {
        self.group = group
        self.port = port
        self.interface = interface
    }

    /// e.g. "239.192.0.99:5099 on eth0", "[ff15::99]:5099 on any interface".
    public var description: String {
        let host = group.contains(":") ? "[\(group)]" : group
        return "\(host):\(port) on \(interface ?? "any interface")"
    }
}
