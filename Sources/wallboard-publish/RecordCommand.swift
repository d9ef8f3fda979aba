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
        let options = try PublishOptions.parse(&a, receiving: true)
        guard let path = a.next() else { throw UsageError("record needs a FILE to write") }
        try a.finish()
        let file: FileDescriptor
        do { file = try .open(path, O_WRONLY | O_CREAT | O_TRUNC) } catch { throw PublishError("cannot write \(path): \(error)") }
        defer { try? file.close() }
        let writer = RecordingWriter(file: file, limit: count)
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
final class RecordingWriter: Sendable {
    let file: FileDescriptor
    let limit: Int?
    private let state = LockedValue<(written: Int, failure: String?)>((0, nil))
    var written: Int { state.value.written }
    var failure: String? { state.value.failure }

    init(file: FileDescriptor, limit: Int?) {
        self.file = file
        self.limit = limit
    }

    func write(_ text: String) throws {
        do { try file.writeAll(text) } catch { throw PublishError("\(error)") }
    }

    /// True when the `--count` limit is reached (or writing failed).
    func append(_ line: String) -> Bool {
        state.withLock { state in
            guard state.failure == nil, limit.map({ state.written < $0 }) ?? true else { return true }
            do {
                try write(line + "\n")
                state.written += 1
            } catch {
                state.failure = "\(error)"
                return true
            }
            return limit.map { state.written >= $0 } ?? false
        }
    }
}
