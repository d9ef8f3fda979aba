#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardSystem

/// `replay FILE`: sends a recording's datagrams verbatim at the recorded pace, or `--speed N` faster.
enum ReplayCommand {
    static func run(_ a: inout Arguments) throws -> Int32 {
        let speed = try a.option("--speed", as: { Double($0) }, expected: "a number above 0") ?? 1
        guard speed > 0, speed.isFinite else { throw UsageError("--speed: must be above 0") }
        let options = try PublishOptions.parse(&a)
        guard let path = a.next() else { throw UsageError("replay needs a recording FILE") }
        try a.finish()
        let entries = try RecordingFormat.parse(try readText(path), file: path)
        let sender = try options.makeSender()
        let start = SystemClock().now()
        for e in entries {
            sleepSeconds(start + e.seconds / speed - SystemClock().now())
            try sender.send(e.bytes)
        }
        CommandLineTool.printError("wallboard-publish: replayed \(entries.count) datagrams from \(path)")
        return 0
    }

    static func readText(_ path: String) throws -> String {
        do { return String(decoding: try TextFile.readBytes(path, limit: 1 << 30), as: UTF8.self) } catch {
            throw PublishError("\(error)")
        }
    }

}
