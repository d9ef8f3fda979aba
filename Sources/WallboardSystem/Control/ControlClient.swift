#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// wallboardctl's end of the control socket: blocking, with a time limit on every answer.
public final class ControlClient {
    public let path: String
    private let fd: Int32
    private var buffered: [UInt8] = []

    /// Connects, turning the usual failures into sentences: agent not running, permission denied.
    public init(path: String = defaultControlSocketPath, timeout: Double = 10) throws {
        self.path = path
        fd = try ControlClient.connect(path: path, timeout: timeout)
    }

    deinit { close(fd) }

    /// Sends one request and waits for its answer line.
    public func send(_ request: ControlRequest) throws -> ControlResponse {
        let bytes = try ControlCodec.encode(request)
        do { try FileDescriptor(rawValue: fd).sendAll(bytes) } catch {
            throw error == .brokenPipe ? ControlError.closed(path: path) : ControlError.system(call: "send", path: path, errno: error.code)
        }
        let line = try readLine()
        do {
            return try ControlCodec.decode(ControlResponse.self, line: line[...])
        } catch {
            throw ControlError.badAnswer(path: path, detail: ControlDecodingError.describe(error, line: line[...]))
        }
    }

    private func readLine() throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 65536)
        var searched = 0  // bytes already known to hold no newline (a snapshot answer is megabytes)
        while true {
            if let newline = buffered[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffered[..<newline])
                buffered.removeSubrange(...newline)
                return line
            }
            searched = buffered.count
            let n: Int
            do { n = try valueOrErrno { chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) } } } catch {
                if error.isWouldBlock { throw ControlError.timedOut(path: path) }  // SO_RCVTIMEO ran out
                throw ControlError.system(call: "recv", path: path, errno: error.code)
            }
            if n == 0 { throw ControlError.closed(path: path) }
            buffered.append(contentsOf: chunk[0..<n])
        }
    }

    /// A connected blocking socket with send/receive time limits.
    static func connect(path: String, timeout: Double) throws -> Int32 {
        guard let address = UnixAddress(path) else { throw ControlError.socketPathTooLong(path: path) }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ControlError.system(call: "socket", path: path, errno: errno) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let result = address.withSockaddr { Glibc.connect(fd, $0, $1) }
        if result == 0 { return fd }
        let code = errno
        close(fd)
        switch code {
        case ENOENT, ECONNREFUSED: throw ControlError.agentNotRunning(path: path)
        case EACCES, EPERM: throw ControlError.permissionDenied(path: path)
        default: throw ControlError.system(call: "connect", path: path, errno: code)
        }
    }
}
