#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardSystem

/// `send`: snapshots from stdin in the `--format` chosen (PROTOCOL.md, "send input"), each published
/// as soon as it is complete, the latest republished every interval while stdin is quiet (its ages
/// grown by the time since it was read: `Snapshot.aged`); end of input publishes what is pending and
/// exits, with status 1 if any line was bad.
enum SendCommand {
    static func run(_ a: inout Arguments) throws -> Int32 {
        let format = try SendFormat(parsing: a.option("--format"))
        let options = try PublishOptions.parse(&a)
        try a.finish()
        let sender = try options.makeSender()
        var publisher = options.makePublisher()
        var reader = format.makeReader()
        var stdin = StdinLineReader()
        var latest: (snapshot: Snapshot, readAt: MonotonicSeconds)?
        var nextRepeat = SystemClock().now() + options.interval
        var badLines = 0
        var lineNumber = 0

        func send(_ s: Snapshot) throws {
            publisher.floor = s.floor ?? options.floor
            for d in try publisher.datagrams(queues: s.queues, staff: s.staff, handlers: s.handlers, incidents: s.incidents,
                sentAtMilliseconds: wallMilliseconds()) {
                try sender.send(d)
            }
            nextRepeat = SystemClock().now() + options.interval
        }

        func publish(_ s: Snapshot) throws {
            latest = (s, SystemClock().now())
            try send(s)
        }

        func handle(_ reading: SnapshotReading) throws {
            for p in reading.problems { CommandLineTool.printError("wallboard-publish: \(p.message)") }
            badLines += reading.problems.count
            if let s = reading.snapshot { try publish(s) }
        }

        while true {
            let wait = latest == nil ? nil : max(0, nextRepeat - SystemClock().now())
            switch try stdin.nextLine(timeout: wait) {
            case .timedOut:
                if let latest { try send(latest.snapshot.aged(by: SystemClock().now() - latest.readAt)) }
            case .endOfInput:
                try handle(reader.finish())
                return badLines == 0 ? 0 : 1
            case .line(let bytes):
                lineNumber += 1
                try handle(reader.read(bytes, number: lineNumber))
            }
        }
    }
}
