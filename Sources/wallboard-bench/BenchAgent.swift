import Foundation

/// A `wallboard` process started for a benchmark: its output discarded, a notify socket of ours
/// as systemd's, and READY=1 (sent after the first frame) awaited. Stopped by `stop()` or when
/// released, so a benchmark that throws never leaves an agent behind.
final class BenchAgent {
    let process = Process()
    /// Monotonic seconds at exec, and when READY=1 arrived.
    let launched: Double
    let ready: Double
    var pid: Int32 { process.processIdentifier }

    init(executable: String, arguments: [String], notifySocket: String) throws {
        let notify = try AgentBenchmark.NotifySocket(path: notifySocket)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = notifySocket
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        launched = AgentBenchmark.monotonic()
        try process.run()
        guard notify.wait(for: "READY=1", timeout: 30) else {
            process.terminate()
            process.waitUntilExit()
            throw AgentBenchmark.BenchError(description: "the agent never sent READY=1")
        }
        ready = AgentBenchmark.monotonic()
    }

    deinit { stop() }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
