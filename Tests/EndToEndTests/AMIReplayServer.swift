import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in Asterisk for the bridge tests: a TCP listener on 127.0.0.1 that the test drives one
/// step at a time, answering the bridge's actions with recorded manager-interface bytes
/// (Tests/EndToEndTests/AsteriskSessions/*.ami). Each recorded answer's `ActionID:` lines are set
/// to the ActionID of the action being answered, as Asterisk echoes it.
final class AMIReplayServer {
    private(set) var port: UInt16 = 0
    private var listener: Int32 = -1

    init() throws { try listen(port: 0) }

    deinit { stop() }

    /// Listens (again) on `port`, 0 = any free port: Asterisk coming back after a restart.
    func listen(port wanted: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = wanted.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 4) == 0 else {
            close(fd)
            throw ReplayError("cannot listen on 127.0.0.1:\(wanted): \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            _ = $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
    }

    /// Stops listening: connections are refused, as while Asterisk is down.
    func stop() {
        if listener >= 0 { close(listener) }
        listener = -1
    }

    /// The bridge's next connection.
    func accept(timeout: Double = 10) throws -> Client {
        var p = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(timeout * 1000)) == 1 else { throw ReplayError("the bridge did not connect within \(timeout) s") }
        let fd = Glibc.accept(listener, nil, nil)
        guard fd >= 0 else { throw ReplayError("accept: \(String(cString: strerror(errno)))") }
        return Client(fd: fd)
    }

    struct ReplayError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    /// One accepted connection.
    final class Client {
        private let fd: Int32
        private var buffer: [UInt8] = []

        init(fd: Int32) { self.fd = fd }
        deinit { close() }

        func close() { if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)); Glibc.close(fd) } }

        func send(_ bytes: [UInt8]) {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                offset += n
            }
        }

        /// A recorded answer, its ActionID lines set to `actionID` (nil: sent as recorded).
        func send(recorded name: String, actionID: String? = nil) throws {
            send(try AMIReplayServer.recording(name, actionID: actionID))
        }

        /// The next action the bridge sent (its `Key: Value` lines up to the blank line), or nil
        /// when the bridge closed the connection or sent nothing within `timeout`.
        func readAction(timeout: Double = 10) -> [String: String]? {
            let end = Date().addingTimeInterval(timeout)
            while true {
                if let range = find([13, 10, 13, 10]) {
                    let block = String(decoding: buffer[..<range], as: UTF8.self)
                    buffer.removeSubrange(..<(range + 4))
                    var fields: [String: String] = [:]
                    for line in block.components(separatedBy: "\r\n") {
                        guard let colon = line.range(of: ": ") else { continue }
                        fields[String(line[..<colon.lowerBound])] = String(line[colon.upperBound...])
                    }
                    return fields
                }
                let left = end.timeIntervalSinceNow
                guard left > 0 else { return nil }
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, Int32(left * 1000) + 1) == 1 else { return nil }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else { return nil }
                buffer += chunk[0..<n]
            }
        }

        /// True when the bridge closed its side within `timeout`.
        func waitForClose(timeout: Double) -> Bool {
            let end = Date().addingTimeInterval(timeout)
            while end.timeIntervalSinceNow > 0 {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, 50) == 1 else { continue }
                var chunk = [UInt8](repeating: 0, count: 4096)
                if recv(fd, &chunk, chunk.count, 0) <= 0 { return true }
            }
            return false
        }

        private func find(_ needle: [UInt8]) -> Int? {
            guard buffer.count >= needle.count else { return nil }
            return (0...(buffer.count - needle.count)).first { buffer[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
    }

    /// The bytes of a recording, CRLF as recorded.
    static func recording(_ name: String, actionID: String? = nil) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("AsteriskSessions").appendingPathComponent(name + ".ami")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard let actionID else { return Array(text.utf8) }
        let lines = text.components(separatedBy: "\r\n").map { $0.hasPrefix("ActionID: ") ? "ActionID: \(actionID)" : $0 }
        return Array(lines.joined(separator: "\r\n").utf8)
    }
}
