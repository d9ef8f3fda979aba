#if canImport(Glibc)
import Glibc
#endif
import WallboardSystem

/// Reads stdin line by line with a timeout (poll(2)), so `send` can republish while stdin is quiet.
struct StdinLineReader {
    enum Event {
        case line([UInt8])
        case timedOut
        case endOfInput
    }

    private var buffer: [UInt8] = []
    private var ended = false

    /// The next line without its LF (a final line without LF counts too); nil timeout waits forever.
    mutating func nextLine(timeout: Double?) throws -> Event {
        while true {
            if let nl = buffer.firstIndex(of: 0x0a) {
                var line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if line.last == 0x0d { line.removeLast() }  // tolerate CRLF input files
                return .line(line)
            }
            if ended {
                if buffer.isEmpty { return .endOfInput }
                defer { buffer = [] }
                return .line(buffer)
            }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ms = timeout.map { Int32(min($0 * 1000, 86_400_000).rounded(.up)) } ?? -1
            let ready: Int32
            do { ready = try valueOrErrno { poll(&fds, 1, ms) } } catch { throw PublishError("cannot read stdin: \(error)") }
            if ready == 0 { return .timedOut }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n: Int
            do throws(Errno) {
                n = try valueOrErrno { chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) } }
            } catch {
                if error.isWouldBlock { continue }
                throw PublishError("cannot read stdin: \(error)")
            }
            if n == 0 { ended = true } else { buffer += chunk[0..<n] }
        }
    }
}
