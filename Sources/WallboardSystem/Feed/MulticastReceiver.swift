#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import WallboardCore

/// Receives the feed: joins an IPv4 or IPv6 multicast group on a named interface (or any) and
/// hands every datagram, with its sender and arrival time, to a handler on `queue`.
///
/// - `SO_REUSEADDR`, so several agents and `wallboard-publish listen` can share one host.
/// - Bound to the wildcard address: datagrams sent straight to this host's own address on the port
///   (unicast, where multicast is not allowed) arrive too, and pass the same checks.
/// - `IP_MULTICAST_ALL` / `IPV6_MULTICAST_ALL` off: otherwise Linux delivers every group joined
///   anywhere on the host to a socket bound to the port; only this socket's own group arrives.
/// - Retries the join every `rejoinInterval` seconds until it works (an interface that comes up late
///   at boot, a network without a route yet) and re-joins if the interface is re-created.
/// - No interface configured and no route to the group (`ENODEV`: no default route): joins on the
///   interface `MulticastInterfaceChoice` picks, and says so.
/// - Keeps the membership alive for IGMP/MLD-snooping switches without a querier
///   (`MulticastKeepalive`): joins again when the feed falls silent, and every minute.
/// - Every join and refresh is reported to `onMembership` (on `queue`) for the log.
/// - Non-blocking on a Dispatch read source; receive errors are recorded in `status`, never fatal.
/// - Datagrams the kernel drops on a full receive buffer are counted too (`status.kernelDrops`).
///
/// ```swift
/// let receiver = try MulticastReceiver(endpoint: MulticastEndpoint(interface: "eth0"), queue: q) { datagram in
///     let outcome = intake.receive(datagram.bytes, now: datagram.receivedAt)   // on q
/// }
/// receiver.start()
/// ```
///
/// `@unchecked Sendable` is sound because its mutable state is touched only on `queue` (the read
/// source's and timers' handlers, and `start()`/`stop()`, which hop there; `keepalive` and `budget`
/// are set before `start()`), `status` is read through a `LockedValue`, and everything else is a
/// `let` set in `init`.
public final class MulticastReceiver: @unchecked Sendable {
    /// One datagram as received. `bytes` is the whole datagram, however large (the intake rejects
    /// anything over 1400 bytes as too large).
    public struct Datagram: Sendable {
        public var bytes: [UInt8]
        /// "192.0.2.10:40312" or "[fe80::1]:40312".
        public var sender: String
        /// Monotonic time of arrival.
        public var receivedAt: MonotonicSeconds
    }

    /// What the receiver is doing, safe to read from any thread.
    public struct Status: Sendable, Equatable {
        /// The group is joined (on `interfaceIndex`, 0 = kernel's choice by route).
        public var isJoined = false
        public var interfaceIndex: UInt32 = 0
        /// The joined interface's name; nil when the kernel chose it by route.
        public var interfaceName: String?
        public var joinAttempts = 0
        /// Times the membership was refreshed (left and joined again) to keep snooping switches forwarding.
        public var membershipRefreshes = 0
        public var datagrams = 0
        /// Datagrams the kernel dropped because the socket's receive buffer was full (a flood, or the
        /// agent's loop stalled): they never reach the intake's counters, so they are counted here
        /// (SO_RXQ_OVFL; as of the last datagram received).
        public var kernelDrops: UInt32 = 0
        /// The last join or receive failure, e.g. "no network interface named 'eth1'".
        public var lastError: String?
    }

    /// A join or membership refresh, for the log.
    public struct MembershipEvent: Sendable, CustomStringConvertible {
        public enum Kind: Sendable { case joined, refreshedAfterSilence, refreshedOnSchedule }
        public var kind: Kind
        /// e.g. "joined 239.192.0.99 on eth1: no route to the group (…)".
        public var description: String
    }

    public let endpoint: MulticastEndpoint
    /// When to refresh the membership; set before `start()` (tests shorten it).
    var keepalive = MulticastKeepalive()
    private let address: MulticastAddress
    private let fd: Int32
    private let queue: DispatchQueue
    private let clock: any Clock
    private let rejoinInterval: Double
    private let handler: @Sendable (Datagram) -> Void
    private let onMembership: (@Sendable (MembershipEvent) -> Void)?
    private let state = LockedValue(Status())
    // Touched only on `queue`.
    private var readSource: DispatchSourceRead?
    private var timer: DispatchSourceTimer?
    /// The interface joined on (0: the kernel's choice by route); nil when not joined.
    private var joinedIndex: UInt32?
    private var started = false
    private let batch = DatagramBatch()
    /// How many datagrams may be read, so a flood leaves the loop time to tick and draw; set before `start()`.
    var budget = ReceiveBudget.standard
    private var paused = false
    private var stopped = false
    private var resumeTimer: DispatchSourceTimer?
    private var scratch: [UInt8] = []
    private var senders = SenderNameCache()
    /// Set on `queue` by `start()`, so `stop()` knows when it is already running there (the agent
    /// stops the feed from its own queue on SIGTERM; `queue.sync` from there would trap).
    private let onQueueKey = DispatchSpecificKey<Bool>()

    /// Opens and binds the socket (throws `SocketError` for a bad group or a port it cannot bind);
    /// joining happens in `start()` and is retried, so a missing interface is not an error here.
    public init(
        endpoint: MulticastEndpoint, queue: DispatchQueue, clock: any Clock = SystemClock(), rejoinInterval: Double = 1,
        onMembership: (@Sendable (MembershipEvent) -> Void)? = nil, handler: @escaping @Sendable (Datagram) -> Void
    ) throws {
        self.endpoint = endpoint
        self.queue = queue
        self.clock = clock
        self.rejoinInterval = rejoinInterval
        self.onMembership = onMembership
        self.handler = handler
        address = try MulticastAddress(group: endpoint.group, port: endpoint.port)
        let context = endpoint.description
        let fd = socket(address.family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw SocketError.system(call: "socket", context: context, errno: errno)
        }
        self.fd = fd
        do {
            try SocketOptions.set(fd, SOL_SOCKET, SO_REUSEADDR, Int32(1), name: "SO_REUSEADDR", context: context)
            try SocketOptions.set(fd, SOL_SOCKET, SocketOptions.receiveQueueOverflow, Int32(1),
                                  name: "SO_RXQ_OVFL", context: context)
            switch address {
            case .v4(_, let port):
                try SocketOptions.set(fd, Int32(IPPROTO_IP), SocketOptions.ipMulticastAll, Int32(0),
                                      name: "IP_MULTICAST_ALL", context: context)
                var sa = sockaddr_in()
                sa.sin_family = sa_family_t(AF_INET)
                sa.sin_port = port.bigEndian
                sa.sin_addr.s_addr = INADDR_ANY  // the group (this socket's only) and unicast to this host
                let r = withUnsafePointer(to: &sa) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                if r != 0 { throw SocketError.system(call: "bind", context: context, errno: errno) }
            case .v6(_, let port):
                try SocketOptions.set(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, Int32(1), name: "IPV6_V6ONLY", context: context)
                // Older kernels lack IPV6_MULTICAST_ALL; the join still filters by group there.
                try? SocketOptions.set(fd, Int32(IPPROTO_IPV6), SocketOptions.ipv6MulticastAll, Int32(0),
                                       name: "IPV6_MULTICAST_ALL", context: context)
                var sa = sockaddr_in6()
                sa.sin6_family = sa_family_t(AF_INET6)
                sa.sin6_port = port.bigEndian
                sa.sin6_addr = in6addr_any
                let r = withUnsafePointer(to: &sa) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
                }
                if r != 0 { throw SocketError.system(call: "bind", context: context, errno: errno) }
            }
        } catch {
            close(fd)
            throw error
        }
    }

    deinit {
        // After `stop()` the read source's cancel handler closed the socket; otherwise close it here.
        if !started { close(fd) }
    }

    /// A snapshot of the join and receive state.
    public var status: Status { state.withLock { $0 } }

    /// Joins (retrying in the background) and starts delivering datagrams. Call once.
    public func start() {
        queue.setSpecific(key: onQueueKey, value: true)
        queue.async { [self] in
            guard !started else { return }
            started = true
            startReading()
            let t = DispatchSource.makeTimerSource(queue: queue)
            t.schedule(deadline: .now(), repeating: rejoinInterval)
            t.setEventHandler { [unowned self] in self.checkMembership() }
            timer = t
            t.resume()
        }
    }

    /// Stops receiving and closes the socket. The handler is not called afterwards.
    /// Callable from any thread, `queue` included.
    public func stop() {
        let work = { [self] in
            timer?.cancel()
            timer = nil
            resumeTimer?.cancel()
            resumeTimer = nil
            guard !stopped else { return }
            stopped = true
            if let readSource {
                // The socket is closed once the source is done with it.
                let fd = self.fd
                readSource.setCancelHandler { close(fd) }
                readSource.cancel()
                self.readSource = nil
            } else {
                close(fd)  // paused: no source holds it
            }
        }
        if DispatchQueue.getSpecific(key: onQueueKey) == true { work() } else { queue.sync(execute: work) }
    }

    // MARK: - On `queue`

    /// Joins when not joined on the wanted interface; re-joins when the interface was re-created;
    /// refreshes the membership when `keepalive` says it is due.
    private func checkMembership() {
        let now = clock.now()
        var configured: UInt32?
        if endpoint.interface != nil {
            do {
                configured = try SocketOptions.interfaceIndex(endpoint.interface)
            } catch {
                joinedIndex = nil  // the kernel drops memberships of a vanished interface
                state.withLock {
                    $0.isJoined = false
                    $0.lastError = "\(error) (waiting for it)"
                }
                return
            }
        }
        if let joined = joinedIndex {
            // Still valid: the configured interface (same index), the kernel's route, or a chosen one that still exists.
            let current = configured.map { $0 == joined } ?? (joined == 0 || Self.interfaceName(joined) != nil)
            if current {
                if let reason = keepalive.due(now: now) { refresh(index: joined, reason: reason, now: now) }
                return
            }
            _ = try? membership(add: false, index: joined)
            joinedIndex = nil
        }
        state.withLock { $0.joinAttempts += 1 }
        do {
            let (index, why) = try join(configured: configured)
            joinedIndex = index
            keepalive.joined(at: now)
            let name = index == 0 ? nil : Self.interfaceName(index)
            state.withLock {
                $0.isJoined = true
                $0.interfaceIndex = index
                $0.interfaceName = name
                $0.lastError = nil
            }
            let on = name.map { "on \($0)" } ?? "on the interface of the route to it"
            onMembership?(MembershipEvent(kind: .joined, description: "joined \(endpoint.group) \(on)\(why.map { ": \($0)" } ?? "")"))
        } catch {
            state.withLock {
                $0.isJoined = false
                $0.lastError = "\(error) (retrying every \(rejoinInterval) s)"
            }
        }
    }

    /// Joins on the configured interface, else by route; with no route (`ENODEV`: no default route)
    /// on the interface `MulticastInterfaceChoice` picks. Returns the index and, when chosen here, why.
    private func join(configured: UInt32?) throws -> (UInt32, String?) {
        if let configured {
            try membership(add: true, index: configured)
            return (configured, nil)
        }
        do {
            try membership(add: true, index: 0)
            return (0, nil)
        } catch SocketError.system(let call, let context, let code) where code == ENODEV {
            guard let chosen = MulticastInterfaceChoice.choose(from: MulticastInterfaceChoice.candidates(), family: address.family)
            else { throw SocketError.noMulticastInterface(call: call, context: context) }
            try membership(add: true, index: chosen.index)
            return (chosen.index, "no route to the group (no default route?), so the first interface that is up, "
                + "multicast-capable and has an \(address.family == AF_INET6 ? "IPv6" : "IPv4") address; "
                + "set [feed] interface to choose another")
        }
    }

    /// Leaves and joins again on the same interface: the kernel then sends fresh unsolicited
    /// membership reports, which a snooping switch takes as the board still wanting the group.
    private func refresh(index: UInt32, reason: MulticastKeepalive.Reason, now: MonotonicSeconds) {
        _ = try? membership(add: false, index: index)
        do {
            try membership(add: true, index: index)
        } catch {
            joinedIndex = nil  // joined again, from scratch, on the next check
            state.withLock {
                $0.isJoined = false
                $0.lastError = "\(error) (retrying every \(rejoinInterval) s)"
            }
            return
        }
        keepalive.joined(at: now)
        state.withLock { $0.membershipRefreshes += 1 }
        let on = index == 0 ? "" : Self.interfaceName(index).map { " on \($0)" } ?? ""
        let kind: MembershipEvent.Kind
        if case .silent = reason { kind = .refreshedAfterSilence } else { kind = .refreshedOnSchedule }
        onMembership?(MembershipEvent(
            kind: kind,
            description: "\(reason): left and joined \(endpoint.group)\(on) again, so switches that snoop IGMP/MLD keep forwarding it"))
    }

    static func interfaceName(_ index: UInt32) -> String? {
        var name = [CChar](repeating: 0, count: Int(IF_NAMESIZE) + 1)
        guard if_indextoname(index, &name) != nil else { return nil }
        return String(cString: name)
    }

    @discardableResult
    private func membership(add: Bool, index: UInt32) throws -> Bool {
        let context = endpoint.description
        switch address {
        case .v4(let group, _):
            var m = ip_mreqn()
            m.imr_multiaddr = group
            m.imr_address.s_addr = 0
            m.imr_ifindex = Int32(index)
            try SocketOptions.set(fd, Int32(IPPROTO_IP), add ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, m,
                                  name: add ? "IP_ADD_MEMBERSHIP" : "IP_DROP_MEMBERSHIP", context: context)
        case .v6(let group, _):
            var m = ipv6_mreq()
            m.ipv6mr_multiaddr = group
            m.ipv6mr_interface = index
            try SocketOptions.set(fd, Int32(IPPROTO_IPV6), add ? SocketOptions.ipv6JoinGroup : SocketOptions.ipv6LeaveGroup, m,
                                  name: add ? "IPV6_ADD_MEMBERSHIP" : "IPV6_DROP_MEMBERSHIP", context: context)
        }
        return true
    }

    /// Reads what the budget allows, in batches of one `recvmmsg`, then returns to the loop: at most
    /// `budget.burst` datagrams a wakeup and `budget.perSecond` a second, so the tick and the frames
    /// always get their turn. With the budget spent the read source is suspended until it refills;
    /// meanwhile the kernel keeps what fits in the socket's buffer and drops and counts the rest.
    private func drain() {
        var allowed = budget.available(now: clock.now())
        while allowed > 0 {
            let n = batch.receive(from: fd, limit: allowed)
            if n < 0 {
                let code = errno
                if code != EAGAIN && code != EWOULDBLOCK && code != EINTR {
                    state.withLock {
                        $0.lastError = "\(SocketError.system(call: "recvmmsg", context: endpoint.description, errno: code))"
                    }
                }
                return
            }
            if n == 0 { return }
            budget.spend(n)
            allowed -= n
            let receivedAt = clock.now()
            keepalive.heard(at: receivedAt)
            var drops: UInt32?
            for i in 0..<n { if let d = batch.kernelDrops(i) { drops = d } }
            state.withLock {
                $0.datagrams += n
                if let drops { $0.kernelDrops = drops }
            }
            for i in 0..<n { deliver(i, receivedAt: receivedAt) }
        }
        pauseUntilBudgetRefills()
    }

    /// Hands message `i` of the batch to the handler. Its bytes go into one reused array: once the
    /// handler has let go of it (the agent's does), the next datagram is copied into the same storage,
    /// so refusing a flood allocates nothing per datagram.
    private func deliver(_ i: Int, receivedAt: MonotonicSeconds) {
        // With MSG_TRUNC the length is the real one even beyond the buffer: keep what fitted, and
        // let the length speak for itself (anything over 1400 is rejected as too large).
        let length = batch.datagramLength(i)
        var datagram = Datagram(bytes: scratch, sender: senders.name(of: batch.sender(i)), receivedAt: receivedAt)
        scratch = []
        datagram.bytes.removeAll(keepingCapacity: true)
        datagram.bytes.append(contentsOf: batch.payload(i))
        if length > datagram.bytes.count { datagram.bytes += repeatElement(0, count: length - datagram.bytes.count) }
        handler(datagram)
        scratch = datagram.bytes
    }

    /// A read source on the socket, delivering to `drain`.
    private func startReading() {
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [unowned self] in self.drain() }
        readSource = source
        source.resume()
    }

    /// The budget is spent: stop reading until it allows half a burst again. The read source is
    /// cancelled, not suspended: a suspended source on a socket that stays readable held up the
    /// rest of the loop (status answered in 1.4 s instead of at once, `FloodTests`).
    private func pauseUntilBudgetRefills() {
        guard let readSource, !paused else { return }
        paused = true
        readSource.cancel()
        self.readSource = nil
        let t = resumeTimer ?? {
            let t = DispatchSource.makeTimerSource(queue: queue)
            t.setEventHandler { [unowned self] in resumeReading() }
            t.resume()
            resumeTimer = t
            return t
        }()
        // Half a burst: what accrues while the timer is late is kept, up to the other half.
        t.schedule(deadline: .now() + budget.secondsUntil(budget.burst / 2), repeating: .never, leeway: .milliseconds(1))
    }

    private func resumeReading() {
        guard paused, !stopped else { return }
        paused = false
        startReading()
    }

    /// Walks the control messages (the CMSG_* macros are not importable: the layout is a `cmsghdr`
    /// followed by its data, each padded to the size of a `size_t`) for SOL_SOCKET/SO_RXQ_OVFL.
    static func overflowCount(_ control: UnsafeRawBufferPointer) -> UInt32? {
        let align = MemoryLayout<Int>.size
        func padded(_ n: Int) -> Int { (n + align - 1) & ~(align - 1) }
        let header = padded(MemoryLayout<cmsghdr>.size)
        var offset = 0
        while offset + header <= control.count {
            let item = control.loadUnaligned(fromByteOffset: offset, as: cmsghdr.self)
            let length = Int(item.cmsg_len)
            guard length >= header, offset + length <= control.count else { return nil }
            if item.cmsg_level == SOL_SOCKET && item.cmsg_type == SocketOptions.receiveQueueOverflow,
               length >= header + MemoryLayout<UInt32>.size {
                return control.loadUnaligned(fromByteOffset: offset + header, as: UInt32.self)
            }
            offset += padded(length)
        }
        return nil
    }
}
