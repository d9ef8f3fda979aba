#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// The agent's end of the control socket: accepts connections and answers request lines on the
/// agent's own queue, so handlers see the board without locks. All sockets are non-blocking: a slow
/// or stuck client can never stall the event loop.
///
/// `@unchecked Sendable` is sound because its mutable state (`acceptSource`, `stopped`,
/// `connections`) is touched only on `queue`: by the accept and connection handlers that queue
/// runs, and by `start()`/`stop()`, which the agent calls from it.
public final class ControlServer: @unchecked Sendable {
    /// Answers one request; runs on the agent's queue.
    public typealias Handler = (ControlRequest, PeerCredentials) -> ControlResponse

    public let path: String
    private let queue: DispatchQueue
    private let handler: Handler
    private let listenFD: Int32
    private var acceptSource: DispatchSourceRead?
    private var stopped = false
    private var connections: [ObjectIdentifier: ControlConnection] = [:]
    /// More clients than this at once are turned away (a supervisor needs one or two).
    static let maximumConnections = 16

    /// Creates the socket at `path` with mode 0660 and, when `group` exists and we may, that group.
    /// A stale socket left by a crashed agent is replaced; a live one is an error.
    public init(path: String, group: String? = "wallboard", queue: DispatchQueue, handler: @escaping Handler) throws {
        guard let address = UnixAddress(path), !path.hasPrefix("@") else { throw ControlError.socketPathTooLong(path: path) }
        self.path = path
        self.queue = queue
        self.handler = handler
        try ControlServer.removeStaleSocket(path)

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw ControlError.system(call: "socket", path: path, errno: errno) }
        // The umask makes the socket 0660 from the moment it exists: never world-writable, not even briefly.
        let oldMask = umask(0o117)
        let bound = address.withSockaddr { bind(fd, $0, $1) }
        let bindErrno = errno
        umask(oldMask)
        guard bound == 0 else {
            close(fd)
            throw bindErrno == EACCES
                ? ControlError.permissionDenied(path: path) : ControlError.system(call: "bind", path: path, errno: bindErrno)
        }
        // Explicit too, in case the umask is ignored (some filesystems) or was already stricter.
        chmod(path, 0o660)
        if let group, let gid = ControlServer.groupID(group), getegid() != gid {
            // Needs the agent to be in that group (or root); if not, the owner group stays and we say so
            // in `groupWarning` rather than fail: a developer's test socket has no `wallboard` group.
            if chown(path, uid_t.max, gid) != 0 { groupWarning = "could not give \(path) to group \(group): \(Errno.current)" }
        }
        guard listen(fd, 8) == 0 else {
            let code = errno
            close(fd)
            unlink(path)
            throw ControlError.system(call: "listen", path: path, errno: code)
        }
        listenFD = fd
    }

    /// Set when the socket could not be given to the configured group.
    public private(set) var groupWarning: String?

    public func start() {
        let source = DispatchSource.makeReadSource(fileDescriptor: listenFD, queue: queue)
        source.setEventHandler { [weak self] in self?.acceptAll() }
        let fd = listenFD
        source.setCancelHandler { close(fd) }  // Dispatch: close only once the source is done with it
        source.resume()
        acceptSource = source
    }

    /// Closes everything and removes the socket file. Call on the agent's queue.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if let source = acceptSource {
            source.cancel()  // its cancel handler closes the descriptor
        } else {
            close(listenFD)
        }
        acceptSource = nil
        for connection in connections.values { connection.close() }
        connections.removeAll()
        unlink(path)
    }

    private func acceptAll() {
        while true {
            // accept4 is hidden behind _GNU_SOURCE in Swift's Glibc: accept, then set the flags.
            let fd = accept(listenFD, nil, nil)
            if fd < 0 { return }  // EAGAIN: drained (other errors: try again on the next event)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            guard connections.count < ControlServer.maximumConnections else {
                let busy = (try? ControlCodec.encode(ControlResponse.failure("too many control connections"))) ?? []
                _ = busy.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                Glibc.close(fd)
                continue
            }
            let peer = PeerCredentials.of(socket: fd) ?? PeerCredentials(pid: 0, uid: UInt32.max, gid: UInt32.max, userName: nil)
            let connection = ControlConnection(fd: fd, peer: peer, queue: queue, handler: handler)
            let id = ObjectIdentifier(connection)
            connection.onClose = { [weak self] in self?.connections[id] = nil }
            connections[id] = connection
            connection.start()
        }
    }

    static func groupID(_ name: String) -> gid_t? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return entry.gr_gid
    }

    private static func removeStaleSocket(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else { throw ControlError.notASocket(path: path) }
        // Someone answering? Then an agent is alive and we must not steal its socket.
        if let probe = try? ControlClient.connect(path: path, timeout: 1) {
            close(probe)
            throw ControlError.alreadyRunning(path: path)
        }
        unlink(path)
    }
}
