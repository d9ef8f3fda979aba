#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import WallboardCore
import WallboardSystem

/// `record FILE`: writes every datagram, verbatim, with its receive time (PROTOCOL.md, "record files").
enum RecordCommand {
    static func run(_ a: inout Arguments) throws -> Int32 {
        let count = try a.option("--count", as: { Int($0) }, expected: "a whole number")
        let duration = try a.option("--duration", as: { Double($0) }, expected: "a number of seconds")
        let options = try PublishOptions.parse(&a)
        guard let path = a.next() else { throw UsageError("record needs a FILE to write") }
        try a.finish()
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PublishError("cannot write \(path): \(systemError())") }
        defer { close(fd) }
        let writer = RecordingWriter(fd: fd, limit: count)
        try writer.write(RecordingFormat.header + "\n")
        let queue = DispatchQueue(label: "wallboard-publish.record")
        let done = DispatchSemaphore(value: 0)
        let start = SystemClock().now()
        let receiver = try MulticastReceiver(endpoint: options.endpoint, queue: queue) { d in
            if writer.append(RecordingFormat.line(seconds: d.receivedAt - start, sender: d.sender, bytes: d.bytes)) {
                done.signal()
            }
        }
        receiver.start()
        CommandLineTool.printError("wallboard-publish: recording \(options.endpoint) to \(path)")
        _ = done.wait(timeout: duration.map { .now() + $0 } ?? .distantFuture)
        receiver.stop()
        if let e = writer.failure { throw PublishError("cannot write \(path): \(e)") }
        CommandLineTool.printError("wallboard-publish: recorded \(writer.written) datagrams")
        return 0
    }
}

/// Appends recording lines to a file from the receive queue.
final class RecordingWriter: @unchecked Sendable {
    let fd: Int32
    let limit: Int?
    private(set) var written = 0
    private(set) var failure: String?

    init(fd: Int32, limit: Int?) {
        self.fd = fd
        self.limit = limit
    }

    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PublishError(systemError())
            }
            offset += n
        }
    }

    /// True when the `--count` limit is reached (or writing failed).
    func append(_ line: String) -> Bool {
        guard failure == nil, limit.map({ written < $0 }) ?? true else { return true }
        do {
            try write(line + "\n")
            written += 1
        } catch {
            failure = "\(error)"
            return true
        }
        return limit.map { written >= $0 } ?? false
    }
}
