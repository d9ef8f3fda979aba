#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import WallboardCore
import WallboardSystem

/// `listen`: joins the group, decodes every datagram through the same intake the agent uses and
/// prints it (in protocol form) or why it was rejected, with the counters.
enum ListenCommand {
    static func run(_ a: inout Arguments) throws -> Int32 {
        let count = try a.option("--count", as: { Int($0) }, expected: "a whole number")
        let timeout = try a.option("--timeout", as: { Double($0) }, expected: "a number of seconds")
        let options = try PublishOptions.parse(&a, receiving: true)
        try a.finish()
        let queue = DispatchQueue(label: "wallboard-publish.listen")
        let done = DispatchSemaphore(value: 0)
        let state = ListenState(intake: FeedIntake(keys: options.key.map { [$0] } ?? []), limit: count)
        let start = SystemClock().now()
        let receiver = try MulticastReceiver(endpoint: options.endpoint, queue: queue) { datagram in
            if state.handle(datagram, start: start) { done.signal() }
        }
        receiver.start()
        output("listening on \(options.endpoint)\(options.key.map { ", verifying with key '\($0.id)'" } ?? ", accepting unsigned")\n")
        var lastError: String?
        let deadline = timeout.map { start + $0 }
        while true {
            let slice = min(10, deadline.map { $0 - SystemClock().now() } ?? 10)
            if slice <= 0 { break }
            if done.wait(timeout: .now() + slice) == .success { break }
            let status = receiver.status
            if let e = status.lastError, e != lastError { CommandLineTool.printError("wallboard-publish: \(e)") }
            lastError = status.lastError
            output("counters: \(state.counters)\n")
        }
        receiver.stop()
        output("counters: \(state.counters)\n")
        if let count, state.seen < count { return 1 }
        return 0
    }
}

/// The listener's state: the receive queue updates it, the main thread reads the counters at the end.
final class ListenState: Sendable {
    let limit: Int?
    private let state: LockedValue<(intake: FeedIntake, seen: Int)>

    init(intake: FeedIntake, limit: Int?) {
        state = LockedValue((intake, 0))
        self.limit = limit
    }

    var counters: FeedCounters { state.withLock { $0.intake.counters } }
    var seen: Int { state.withLock { $0.seen } }

    /// Prints one datagram's outcome; true when the `--count` limit is reached.
    func handle(_ d: MulticastReceiver.Datagram, start: Double) -> Bool {
        state.withLock { state in
            let t = String(format3(d.receivedAt - start))
            switch state.intake.receive(d.bytes, now: d.receivedAt) {
            case .apply(let m): output("[+\(t)] \(d.sender) apply \(render(m))")
            case .standby(let m): output("[+\(t)] \(d.sender) standby \(render(m))")
            case .rejected(let e): output("[+\(t)] \(d.sender) reject: \(e)\n")
            }
            state.seen += 1
            return limit.map { state.seen >= $0 } ?? false
        }
    }

    private func render(_ m: FeedMessage) -> String {
        let text = (try? FeedEncoder().encode(m)).map { String(decoding: $0, as: UTF8.self) } ?? "\(m)\n"
        let lines = text.split(separator: "\n")
        return (lines.first.map(String.init) ?? "") + (m.isHeartbeat ? " (heartbeat)" : "") + "\n"
            + lines.dropFirst().map { "    \($0)\n" }.joined()
    }
}

/// Seconds with three decimals, e.g. "12.034".
func format3(_ s: Double) -> String {
    let ms = Int((s * 1000).rounded())
    let frac = ms % 1000
    return "\(ms / 1000)." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + "\(frac)"
}
