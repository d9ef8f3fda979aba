#if canImport(Glibc)
import Glibc
#endif

/// A failure at the socket edge, naming the call, the endpoint and the system's reason.
public enum SocketError: Error, Equatable, CustomStringConvertible {
    /// The group is not an IPv4 or IPv6 address.
    case badGroup(String)
    /// The group parses but is not a multicast address.
    case notMulticast(String)
    /// A named interface does not exist (yet).
    case noSuchInterface(String)
    /// A unicast destination (`--to HOST[:PORT]`) that cannot be used, and why.
    case badDestination(String, reason: String)
    /// No interface configured, no route to the group, and no interface to choose instead.
    case noMulticastInterface(call: String, context: String)
    /// A system call failed: which call, on what, and errno.
    case system(call: String, context: String, errno: Int32)

    public var description: String {
        switch self {
        case .badGroup(let g): "'\(g)' is not an IPv4 or IPv6 address"
        case .notMulticast(let g): "'\(g)' is not a multicast group (IPv4 224.0.0.0/4 or IPv6 ff00::/8)"
        case .noSuchInterface(let name): "no network interface named '\(name)'"
        case .badDestination(let text, let reason): "'\(text)' is not a destination HOST[:PORT]: \(reason)"
        case .noMulticastInterface(let call, let context):
            "\(call) (\(context)): no route to the group, and no interface is up, multicast-capable and addressed"
        case .system(let call, let context, let code): "\(call) (\(context)): \(Errno(code))"
        }
    }
}
