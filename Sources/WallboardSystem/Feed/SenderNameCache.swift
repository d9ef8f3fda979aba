#if canImport(Glibc)
import Glibc
#endif

/// The sender's address in words ("192.0.2.10:40312"), formatted only when it differs from the
/// previous datagram's: a flood comes from one or a few sockets, and formatting an address (two
/// allocations) for each of its datagrams was a good part of refusing it.
struct SenderNameCache {
    private var last = sockaddr_storage()
    private var lastLength = 0
    private var name = ""

    mutating func name(of address: UnsafePointer<sockaddr_storage>) -> String {
        let length: Int
        switch Int32(address.pointee.ss_family) {
        case AF_INET: length = MemoryLayout<sockaddr_in>.size
        case AF_INET6: length = MemoryLayout<sockaddr_in6>.size
        default: length = MemoryLayout<sockaddr_storage>.size
        }
        let same = length == lastLength && withUnsafeBytes(of: &last) { memcmp($0.baseAddress!, address, length) == 0 }
        if !same {
            last = address.pointee
            lastLength = length
            name = MulticastAddress.describe(address.pointee)
        }
        return name
    }
}
