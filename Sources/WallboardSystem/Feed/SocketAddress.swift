#if canImport(Glibc)
import Glibc
#endif

/// A unicast destination, `HOST[:PORT]`: `192.0.2.7`, `192.0.2.7:5099`, `[2001:db8::7]:5099`, or a
/// host name (resolved once, when parsed). For where multicast is not allowed: the publisher sends
/// the same datagrams straight to each board (`wallboard-publish --to`).
public struct SocketAddress: Sendable, CustomStringConvertible {
    public let family: Int32
    /// Filled to `length` bytes: a `sockaddr_in` or `sockaddr_in6`.
    let storage: sockaddr_storage
    let length: socklen_t
    /// As written, with the port, e.g. "192.0.2.7:5099".
    public let description: String

    /// - Parameter defaultPort: used when the text names no port (the feed's port).
    public init(parsing text: String, defaultPort: UInt16) throws {
        let (host, portText) = try Self.split(text)
        var port = defaultPort
        if let portText {
            guard let p = UInt16(portText), p > 0 else {
                throw SocketError.badDestination(text, reason: "'\(portText)' is not a port number (1–65535)")
            }
            port = p
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        let r = getaddrinfo(host, String(port), &hints, &found)
        guard r == 0, let first = found else {
            throw SocketError.badDestination(text, reason: String(cString: gai_strerror(r)))
        }
        defer { freeaddrinfo(found) }
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { dst in
            dst.copyMemory(from: UnsafeRawBufferPointer(start: first.pointee.ai_addr, count: Int(first.pointee.ai_addrlen)))
        }
        self.storage = storage
        length = first.pointee.ai_addrlen
        family = first.pointee.ai_family
        description = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// "host", "host:port", "[v6]", "[v6]:port"; a bare IPv6 address (two or more colons) has no port.
    static func split(_ text: String) throws -> (host: String, port: String?) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw SocketError.badDestination(text, reason: "no ']' after the IPv6 address")
            }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":") else { throw SocketError.badDestination(text, reason: "expected ':PORT' after ']'") }
            return (host, String(rest.dropFirst()))
        }
        let colons = text.filter { $0 == ":" }.count
        if colons == 1, let colon = text.firstIndex(of: ":") {
            guard colon != text.startIndex else { throw SocketError.badDestination(text, reason: "no host") }
            return (String(text[..<colon]), String(text[text.index(after: colon)...]))
        }
        guard !text.isEmpty else { throw SocketError.badDestination(text, reason: "no host") }
        return (text, nil)
    }

    public func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var storage = storage
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }
}
