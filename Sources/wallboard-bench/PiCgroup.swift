#if canImport(Glibc)
import Glibc
#endif
import Foundation
import WallboardSystem

/// A cgroup (v1: the `cpu` and `memory` controllers mounted under /sys/fs/cgroup) that gives the
/// processes put into it the CPU and memory of a Raspberry Pi 3: `quota` µs of CPU in every
/// `period` µs (10 % of one core of this machine, whose core is roughly ten of a Pi 3's), and a
/// memory limit. A short period makes the throttling fine-grained, so a long piece of work is
/// stretched in wall time as on a slower core rather than run at full speed and then frozen.
/// Needs root. Removed by `remove()`, after its processes have exited.
struct PiCgroup {
    static let root = "/sys/fs/cgroup"
    let name: String
    let periodMicroseconds: Int
    let quotaMicroseconds: Int
    let memoryBytes: Int

    var cpuDirectory: String { "\(PiCgroup.root)/cpu/\(name)" }
    var memoryDirectory: String { "\(PiCgroup.root)/memory/\(name)" }
    var cpuShare: Double { Double(quotaMicroseconds) / Double(periodMicroseconds) }

    init(name: String, periodMicroseconds: Int = 10_000, quotaMicroseconds: Int = 1_000, memoryBytes: Int = 256 << 20) throws {
        self.name = name
        self.periodMicroseconds = periodMicroseconds
        self.quotaMicroseconds = quotaMicroseconds
        self.memoryBytes = memoryBytes
        for controller in ["cpu", "memory"] where access("\(PiCgroup.root)/\(controller)/cgroup.procs", W_OK) != 0 {
            throw AgentBenchmark.BenchError(description:
                "pi: needs root and cgroup v1's \(controller) controller at \(PiCgroup.root)/\(controller) (found none writable)")
        }
        for directory in [cpuDirectory, memoryDirectory] where mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw AgentBenchmark.BenchError(description: "pi: cannot create \(directory): \(Errno.current)")
        }
        try write("\(periodMicroseconds)", to: cpuDirectory + "/cpu.cfs_period_us")
        try write("\(quotaMicroseconds)", to: cpuDirectory + "/cpu.cfs_quota_us")
        if access(cpuDirectory + "/cpu.cfs_burst_us", W_OK) == 0 { try write("0", to: cpuDirectory + "/cpu.cfs_burst_us") }
        try write("\(memoryBytes)", to: memoryDirectory + "/memory.limit_in_bytes")
    }

    static let shell = "/bin/sh"

    /// Arguments for `shell` that move it into the cgroup and then exec the program given after them,
    /// so the program is limited from its first instruction.
    func launcher() -> [String] {
        ["-c", "echo $$ > \(cpuDirectory)/cgroup.procs && echo $$ > \(memoryDirectory)/cgroup.procs && exec \"$@\"", "pi-cgroup"]
    }

    /// How often and for how long the CPU limit held the group back (cpu.stat).
    func throttling() -> (periods: Int, throttled: Int, seconds: Double) {
        let text = (try? String(contentsOfFile: cpuDirectory + "/cpu.stat", encoding: .utf8)) ?? ""
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        return (values["nr_periods"] ?? 0, values["nr_throttled"] ?? 0, Double(values["throttled_time"] ?? 0) / 1e9)
    }

    /// The most memory the group has used (memory.max_usage_in_bytes), in MB.
    func peakMemoryMegabytes() -> Double {
        let text = (try? String(contentsOfFile: memoryDirectory + "/memory.max_usage_in_bytes", encoding: .utf8)) ?? "0"
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines)).map { $0 / 1_048_576 } ?? 0
    }

    /// Times the memory limit was hit (memory.failcnt).
    func memoryLimitHits() -> Int {
        let text = (try? String(contentsOfFile: memoryDirectory + "/memory.failcnt", encoding: .utf8)) ?? "0"
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func remove() {
        rmdir(cpuDirectory)
        rmdir(memoryDirectory)
    }

    private func write(_ value: String, to path: String) throws {
        do {
            try value.write(toFile: path, atomically: false, encoding: .utf8)
        } catch {
            throw AgentBenchmark.BenchError(description: "pi: cannot write \(value) to \(path): \(error)")
        }
    }
}
