#if canImport(Glibc)
import Glibc
#endif

/// A parsed multicast group plus port, ready for the socket calls.
enum MulticastAddress {
    case v4(in_addr, port: UInt16)
    case v6(in6_addr, port: UInt16)

    init(group: String, port: UInt16) throws {
        var a4 = in_addr()
        var a6 = in6_addr()
        if inet_pton(AF_INET, group, &a4) == 1 {
            guard UInt32(bigEndian: a4.s_addr) >> 28 == 0xe else { throw SocketError.notMulticast(group) }
            self = .v4(a4, port: port)
        } else if inet_pton(AF_INET6, group, &a6) == 1 {
            guard withUnsafeBytes(of: a6, { $0[0] }) == 0xff else { throw SocketError.notMulticast(group) }
            self = .v6(a6, port: port)
        } else {
            throw SocketError.badGroup(group)
        }
    }

    var family: Int32 {
        switch self {
        case .v4: AF_INET
        case .v6: AF_INET6
        }
    }

    /// Calls `body` with the group's socket address (the destination for sending).
    func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        switch self {
        case .v4(let addr, let port):
            var sa = sockaddr_in()
            sa.sin_family = sa_family_t(AF_INET)
            sa.sin_port = port.bigEndian
            sa.sin_addr = addr
            return withUnsafePointer(to: &sa) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        case .v6(let addr, let port):
            var sa = sockaddr_in6()
            sa.sin6_family = sa_family_t(AF_INET6)
            sa.sin6_port = port.bigEndian
            sa.sin6_addr = addr
            return withUnsafePointer(to: &sa) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
    }

    /// "192.0.2.10:40312" or "[fe80::1]:40312" for a received-from address.
    static func describe(_ storage: sockaddr_storage) -> String {
        var storage = storage
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    var addr = sin.pointee.sin_addr
                    inet_ntop(AF_INET, &addr, &text, socklen_t(text.count))
                    return "\(cText(text)):\(UInt16(bigEndian: sin.pointee.sin_port))"
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin in
                    var addr = sin.pointee.sin6_addr
                    inet_ntop(AF_INET6, &addr, &text, socklen_t(text.count))
                    return "[\(cText(text))]:\(UInt16(bigEndian: sin.pointee.sin6_port))"
                }
            }
        default:
            return "unknown sender"
        }
    }
}

/// A NUL-terminated C buffer as a String.
private func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
