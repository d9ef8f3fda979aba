#if canImport(Glibc)
import Glibc
#endif

/// sd_notify(3) without libsystemd: datagrams of `KEY=value` lines to $NOTIFY_SOCKET.
///
/// With `Type=notify` systemd waits for READY=1 before calling the unit started; with `WatchdogSec`
/// it kills and restarts the agent if WATCHDOG=1 stops arriving. The agent sends WATCHDOG=1 from its
/// event loop, so a hung loop (not just a dead process) gets restarted.
/// Outside systemd (no NOTIFY_SOCKET) every call does nothing.
public final class SystemdNotifier: Sendable {
    private let address: UnixAddress?
    private let fd: Int32
    /// Half of $WATCHDOG_USEC, as systemd recommends; nil when no watchdog is configured for us.
    public let watchdogInterval: Double?

    public var isEnabled: Bool { address != nil && fd >= 0 }

    public init(environment: [String: String]) {
        if let path = environment["NOTIFY_SOCKET"], let address = UnixAddress(path) {
            self.address = address
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        } else {
            address = nil
            fd = -1
        }
        // WATCHDOG_PID, when set, names the process the watchdog is meant for (not a child of ours).
        let pidMatches = environment["WATCHDOG_PID"].map { Int32($0) == getpid() } ?? true
        if pidMatches, let text = environment["WATCHDOG_USEC"], let usec = Double(text), usec > 0 {
            watchdogInterval = usec / 1e6 / 2
        } else {
            watchdogInterval = nil
        }
    }

    /// Reads the process environment.
    public convenience init() {
        var environment: [String: String] = [:]
        for key in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        self.init(environment: environment)
    }

    deinit { if fd >= 0 { close(fd) } }

    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    public func status(_ text: String) { send("STATUS=\(text)") }
    public func watchdog() { send("WATCHDOG=1") }
    public func reloading(status: String) { send("RELOADING=1\nSTATUS=\(status)") }
    public func stopping() { send("STOPPING=1") }

    /// Sends one notification; failures are ignored (systemd may be gone during shutdown).
    ///
    /// Never blocks: the agent sends from its event loop, and a datagram socket whose reader is slow
    /// or stuck holds only `net.unix.max_dgram_qlen` (10) datagrams. A blocking send then froze the
    /// whole board (no frames, no control socket, no signals) until the reader woke; a dropped STATUS
    /// or WATCHDOG line costs nothing that the next one does not bring back.
    @discardableResult
    public func send(_ message: String) -> Bool {
        guard let address, fd >= 0 else { return false }
        var bytes = Array(message.utf8)
        let sent = bytes.withUnsafeMutableBytes { buffer in
            address.withSockaddr { sockaddr, length in
                sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), sockaddr, length)
            }
        }
        return sent == bytes.count
    }
}
