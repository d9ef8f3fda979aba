#if canImport(Glibc)
import Glibc
#endif

/// Which interface to join on when none is configured and the kernel's route lookup finds none
/// (`ENODEV`: a display VLAN without a default gateway is common). The rule, in one place: an
/// interface that is up, multicast-capable, not loopback, with an address of the group's family;
/// one with carrier before one without; then the lowest index (the first the kernel created), so
/// the same machine always chooses the same.
enum MulticastInterfaceChoice {
    struct Candidate: Equatable {
        var name: String
        var index: UInt32
        var isUp: Bool
        var isRunning: Bool
        var isMulticast: Bool
        var isLoopback: Bool
        var hasIPv4: Bool
        var hasIPv6: Bool
    }

    static func choose(from candidates: [Candidate], family: Int32) -> Candidate? {
        candidates
            .filter { $0.isUp && $0.isMulticast && !$0.isLoopback && (family == AF_INET6 ? $0.hasIPv6 : $0.hasIPv4) }
            .min { ($0.isRunning ? 0 : 1, $0.index) < ($1.isRunning ? 0 : 1, $1.index) }
    }

    /// The machine's interfaces now, from `getifaddrs` (one candidate per name).
    static func candidates() -> [Candidate] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var byName: [String: Candidate] = [:]
        var order: [String] = []
        var item = list
        while let entry = item?.pointee {
            defer { item = entry.ifa_next }
            let name = String(cString: entry.ifa_name)
            let index = if_nametoindex(entry.ifa_name)
            guard index != 0 else { continue }
            let flags = Int32(bitPattern: entry.ifa_flags)
            var candidate = byName[name] ?? Candidate(
                name: name, index: index, isUp: flags & Int32(IFF_UP) != 0,
                isRunning: flags & Int32(IFF_RUNNING) != 0, isMulticast: flags & Int32(IFF_MULTICAST) != 0,
                isLoopback: flags & Int32(IFF_LOOPBACK) != 0, hasIPv4: false, hasIPv6: false)
            if byName[name] == nil { order.append(name) }
            switch entry.ifa_addr.map({ Int32($0.pointee.sa_family) }) {
            case AF_INET: candidate.hasIPv4 = true
            case AF_INET6: candidate.hasIPv6 = true
            default: break
            }
            byName[name] = candidate
        }
        return order.compactMap { byName[$0] }
    }
}
