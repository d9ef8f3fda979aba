#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardSystem

/// `send`: records from stdin (PROTOCOL.md, "send input"), a blank line publishes a snapshot, the
/// latest snapshot is republished every interval while stdin is quiet, end of input publishes
/// what is pending and exits.
enum SendCommand {
    static func run(_ a: inout Arguments) throws -> Int32 {
        let options = try PublishOptions.parse(&a)
        try a.finish()
        let sender = try options.makeSender()
        var publisher = options.makePublisher()
        var reader = StdinLineReader()
        var pending = (queues: [QueueReport](), staff: [StaffReport]())
        var latest: (queues: [QueueReport], staff: [StaffReport])?
        var nextRepeat = SystemClock().now() + options.interval
        var badLines = 0
        var lineNumber = 0

        func publish(_ s: (queues: [QueueReport], staff: [StaffReport])) throws {
            for d in try publisher.datagrams(queues: s.queues, staff: s.staff, sentAtMilliseconds: wallMilliseconds()) {
                try sender.send(d)
            }
            latest = s
            nextRepeat = SystemClock().now() + options.interval
        }

        while true {
            let wait = latest == nil ? nil : max(0, nextRepeat - SystemClock().now())
            switch try reader.nextLine(timeout: wait) {
            case .timedOut:
                if let latest { try publish(latest) }
            case .endOfInput:
                if !pending.queues.isEmpty || !pending.staff.isEmpty { try publish(pending) }
                return badLines == 0 ? 0 : 1
            case .line(let bytes):
                lineNumber += 1
                if bytes.isEmpty {
                    if !pending.queues.isEmpty || !pending.staff.isEmpty { try publish(pending) }
                    pending = ([], [])
                    continue
                }
                if bytes.first == UInt8(ascii: "#") { continue }
                do {
                    switch try FeedDecoder.parseRecord(bytes, line: lineNumber) {
                    case .queue(let q):
                        if let i = pending.queues.firstIndex(where: { $0.id == q.id }) {
                            pending.queues[i] = q  // a later line for the same queue wins
                        } else {
                            pending.queues.append(q)
                        }
                    case .staff(let s):
                        pending.staff.removeAll { $0.scope == s.scope }
                        pending.staff.append(s)
                    case .unknown(let type):
                        throw FeedError.malformed(line: lineNumber, detail: "unknown record type '\(type)' (send knows Q and S)")
                    }
                } catch let error as FeedError {
                    badLines += 1
                    if case .malformed(_, let detail) = error {
                        CommandLineTool.printError("wallboard-publish: stdin:\(lineNumber): \(detail) (line skipped)")
                    } else {
                        CommandLineTool.printError("wallboard-publish: stdin:\(lineNumber): \(error) (line skipped)")
                    }
                }
            }
        }
    }
}
