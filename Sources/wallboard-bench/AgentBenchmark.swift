#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// "The agent at rest": the real `wallboard` binary (release, built beside this one) on the built-in
/// simulated floor at 1 update/s, for `WALLBOARD_BENCH_SECONDS` (default 60) seconds per run:
/// 1. headless (`--display none`), red pulse off: the agent's own work at rest — feed, board, scene,
///    and repainting the clock digits once a second;
/// 2. headless with the red-tile pulse on (the simulated floor has red tiles): 10 extra frames/s;
/// 3. PNG snapshots (what a machine without a screen does): a compressed 1920x1080 PNG per second.
/// Measures, from /proc, summing every thread:
/// CPU time from exec to the first frame (READY=1 on a notify socket we own), CPU per second in the
/// steady state after it, RSS and PSS (smaps_rollup), and start → first frame wall time.
enum AgentBenchmark {
    static func run() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["WALLBOARD_BENCH_SECONDS"] ?? "") ?? 60
        try run(display: "none", pulse: false, seconds: seconds)
        try run(display: "none", pulse: true, seconds: seconds)
        try run(display: "png", pulse: true, seconds: seconds)
    }

    static func run(display: String, pulse: Bool, seconds: Double) throws {
        let directory = "/tmp/wb-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        try "[display]\nred_pulse = \(pulse ? "on" : "off")\n".write(toFile: directory + "/bench.conf", atomically: true, encoding: .utf8)
        let agent = try BenchAgent(executable: try agentPath(), arguments: [
            "--simulate", "--display", display, "--png", directory + "/board.png", "--socket", directory + "/control",
            "--config", directory + "/bench.conf",
        ], notifySocket: directory + "/notify")
        let pid = agent.pid, launched = agent.launched, ready = agent.ready
        let startCPU = cpuSeconds(pid: pid)
        let startMemory = memory(pid: pid)

        // Let start-up settle (first PNGs, page cache), then measure the steady state.
        usleep(2_000_000)
        let steadyFrom = (monotonic(), cpuSeconds(pid: pid))
        usleep(useconds_t(seconds * 1_000_000))
        let steadyTo = (monotonic(), cpuSeconds(pid: pid))
        let endMemory = memory(pid: pid)
        agent.stop()

        let steadyShare = (steadyTo.1 - steadyFrom.1) / (steadyTo.0 - steadyFrom.0)
        print("agent: wallboard --simulate --display \(display), red_pulse \(pulse ? "on" : "off") (1 update/s, 1920x1080), \(Int(seconds)) s steady")
        print("  start → first frame (READY=1):  \(format((ready - launched) * 1000, 0)) ms")
        print("  CPU to first frame:             \(format(startCPU, 3)) CPU-s")
        print("  CPU steady:                     \(format(steadyShare * 100, 3)) % of one core "
            + "(\(format((steadyTo.1 - steadyFrom.1) * 1000, 1)) ms CPU in \(format(steadyTo.0 - steadyFrom.0, 1)) s)")
        print("  memory at first frame:          RSS \(format(startMemory.rss, 1)) MB, PSS \(format(startMemory.pss, 1)) MB")
        print("  memory after steady run:        RSS \(format(endMemory.rss, 1)) MB, PSS \(format(endMemory.pss, 1)) MB")
    }

    /// The release agent built beside this benchmark.
    static func agentPath() throws -> String {
        let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wallboard").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError(description: "no agent at \(path): swift build -c release --product wallboard first")
        }
        return path
    }

    struct BenchError: Error, CustomStringConvertible { let description: String }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// CPU time of every thread of `pid` (Dispatch runs worker threads), from schedstat: nanoseconds.
    static func cpuSeconds(pid: Int32) -> Double {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var total = 0.0
        for task in tasks {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/schedstat", encoding: .utf8),
                let first = text.split(separator: " ").first, let ns = Double(first)
            else { continue }
            total += ns / 1e9
        }
        return total
    }

    /// RSS and PSS in MB from /proc/PID/smaps_rollup.
    static func memory(pid: Int32) -> (rss: Double, pss: Double) {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Double {
            for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                if parts.count >= 2, let kb = Double(parts[1]) { return kb / 1024 }
            }
            return 0
        }
        return (field("Rss"), field("Pss"))
    }

    static func format(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }

    /// A datagram socket standing in for systemd's notify socket.
    final class NotifySocket {
        let fd: Int32
        init(path: String) throws {
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (i, b) in bytes.enumerated() where i < raw.count - 1 { raw[i] = b }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard bound == 0 else { throw BenchError(description: "cannot bind \(path)") }
        }
        deinit { close(fd) }

        func wait(for text: String, timeout: Double) -> Bool {
            let deadline = AgentBenchmark.monotonic() + timeout
            var buffer = [UInt8](repeating: 0, count: 4096)
            while AgentBenchmark.monotonic() < deadline {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0 else { continue }
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0, String(decoding: buffer[0..<n], as: UTF8.self).contains(text) { return true }
            }
            return false
        }
    }
}
