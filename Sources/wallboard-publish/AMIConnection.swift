#if canImport(Glibc)
import Glibc
#endif
import WallboardSystem

/// The TCP connection to an Asterisk manager interface: connect with a timeout, write an action,
/// wait for bytes with a timeout. Only the socket; `AsteriskSession` decides what is said.
struct AMIConnection {
    let fd: FileDescriptor

    enum Read {
        case bytes([UInt8])
        case timedOut
        case closed
    }

    static func connect(to address: SocketAddress, timeout: Double) throws(Errno) -> AMIConnection {
        let raw = try valueOrErrno { socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        let fd = FileDescriptor(rawValue: raw)
        do throws(Errno) {
            // Non-blocking for the connect only, so an unreachable host costs `timeout`, not the
            // kernel's minutes of SYN retries.
            let flags = fcntl(raw, F_GETFL)
            _ = fcntl(raw, F_SETFL, flags | O_NONBLOCK)
            let r = address.withSocketAddress { Glibc.connect(raw, $0, $1) }
            if r != 0 {
                guard errno == EINPROGRESS else { throw Errno.current }
                guard try wait(fd, events: Int16(POLLOUT), timeout: timeout) else { throw Errno(ETIMEDOUT) }
                var failure: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(raw, SOL_SOCKET, SO_ERROR, &failure, &length)
                if failure != 0 { throw Errno(failure) }
            }
            _ = fcntl(raw, F_SETFL, flags)
            return AMIConnection(fd: fd)
        } catch {
            try? fd.close()
            throw error
        }
    }

    func send(_ bytes: [UInt8]) throws(Errno) { try fd.sendAll(bytes) }

    /// What arrives within `timeout` seconds.
    func read(timeout: Double) throws(Errno) -> Read {
        guard try Self.wait(fd, events: Int16(POLLIN), timeout: timeout) else { return .timedOut }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16_384, alignment: 1)
        defer { buffer.deallocate() }
        let n = try fd.read(into: buffer)
        return n == 0 ? .closed : .bytes(Array(buffer[0..<n]))
    }

    func close() { try? fd.close() }

    /// poll(2) for `events`; false when the time ran out first.
    private static func wait(_ fd: FileDescriptor, events: Int16, timeout: Double) throws(Errno) -> Bool {
        var p = pollfd(fd: fd.rawValue, events: events, revents: 0)
        let ms = Int32(min(max(0, timeout * 1000).rounded(.up), 3_600_000))
        return try valueOrErrno { poll(&p, 1, ms) } > 0
    }
}
