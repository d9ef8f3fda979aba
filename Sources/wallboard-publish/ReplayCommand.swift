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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PublishError("cannot read \(path): \(systemError())") }
        defer { close(fd) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PublishError("cannot read \(path): \(systemError())")
            }
            if n == 0 { break }
            data += chunk[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }
}
