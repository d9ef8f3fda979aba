#if canImport(Glibc)
import Glibc
#endif
import Foundation
import WallboardCore
import WallboardRender
import WallboardSystem

/// `wallboard-bench pi` (Deploy/bench/pi.sh, as root): the real release agent in a Raspberry Pi 3's
/// budget — a cgroup of 10 % of one core of this machine and 256 MB (`PiCgroup`) — fed over real
/// loopback multicast with a signing key configured:
/// 1. start → first frame (READY=1 on a notify socket the benchmark owns);
/// 2. calm: the genuine publisher's simulated floor once a second; CPU per second and per frame
///    (every thread of the agent, from /proc), and the agent's own build + paint + present time,
///    which inside the throttled cgroup is stretched as on the slower core;
/// 3. flood: the same, plus forged signed datagrams (`PiFeed`) at WALLBOARD_PI_FLOOD_RATE (20,000/s);
///    the status is read every 0.25 s (frames drawn) and the picture once a second (the header
///    clock's pixels): every second of the flood must have a frame and a changed clock.
/// Seconds: WALLBOARD_PI_SECONDS (calm, 20) and WALLBOARD_PI_FLOOD_SECONDS (20). Headless
/// (`--display none`): there is no screen here; DRM's copy of the damage is not included.
enum PiBenchmark {
    static func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let calmSeconds = Double(environment["WALLBOARD_PI_SECONDS"] ?? "") ?? 20
        let floodSeconds = Double(environment["WALLBOARD_PI_FLOOD_SECONDS"] ?? "") ?? 20
        let rate = Int(environment["WALLBOARD_PI_FLOOD_RATE"] ?? "") ?? 20_000

        let cgroup = try PiCgroup(name: "wallboard-bench-pi-\(getpid())")
        defer { cgroup.remove() }
        let directory = "/tmp/wb-bench-pi-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        // A group and port of our own on loopback, and a key: every datagram is verified.
        let endpoint = MulticastEndpoint(
            group: "239.192.\(Int.random(in: 100...250)).\(Int.random(in: 1...250))", port: UInt16.random(in: 20_000...60_000),
            interface: "lo")
        let secret = "pi-bench-key-\(UInt64.random(in: 0...UInt64.max))"
        try (secret + "\n").write(toFile: directory + "/feed.key", atomically: true, encoding: .utf8)
        try """
            [feed]
            group = \(endpoint.group)
            port = \(endpoint.port)
            interface = lo
            key_file = \(directory)/feed.key
            key_id = k1

            """.write(toFile: directory + "/pi.conf", atomically: true, encoding: .utf8)
        let feed = PiFeed(endpoint: endpoint, key: FeedKey(id: "k1", secret: Array(secret.utf8)))
        defer { feed.stop() }

        let agent = try AgentBenchmark.agentPath()
        let notify = try AgentBenchmark.NotifySocket(path: directory + "/notify")
        let control = directory + "/control"
        let process = Process()
        let launcher = cgroup.launcher()
        process.executableURL = URL(fileURLWithPath: launcher[0])
        process.arguments = Array(launcher.dropFirst()) + [
            agent, "--config", directory + "/pi.conf", "--display", "none", "--socket", control,
        ]
        var agentEnvironment = environment
        agentEnvironment["NOTIFY_SOCKET"] = directory + "/notify"
        process.environment = agentEnvironment
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice

        let launched = AgentBenchmark.monotonic()
        try process.run()
        defer {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
        let pid = process.processIdentifier
        guard notify.wait(for: "READY=1", timeout: 30) else { throw AgentBenchmark.BenchError(description: "pi: the agent never sent READY=1") }
        let firstFrame = AgentBenchmark.monotonic() - launched
        let startCPU = AgentBenchmark.cpuSeconds(pid: pid)
        let client = try ControlClient(path: control)
        print("pi: wallboard --display none in a cgroup of \(format(cgroup.cpuShare * 100, 0)) % of one core "
            + "(\(cgroup.quotaMicroseconds) µs every \(cgroup.periodMicroseconds) µs) and \(cgroup.memoryBytes >> 20) MB; "
            + "signed feed on \(endpoint.group):\(endpoint.port) (lo)")
        print("  start → first frame (READY=1):   \(format(firstFrame * 1000, 0)) ms (aim ≤ 1000 ms), \(format(startCPU, 3)) CPU-s")

        // Calm: the genuine feed alone.
        try feed.startGenuine()
        usleep(3_000_000)
        let calm = try Window(client: client, pid: pid)
        usleep(useconds_t(calmSeconds * 1_000_000))
        let calmEnd = try Window(client: client, pid: pid)
        let frames = calmEnd.frames - calm.frames
        let cpu = calmEnd.cpu - calm.cpu, wall = calmEnd.time - calm.time
        let frameMilliseconds = frames > 0 ? (calmEnd.frameTotal - calm.frameTotal) / Double(frames) : 0
        // One typical update a second: the floor's signed datagram and the clock's tick (each may draw a frame).
        let perUpdate = cpu / wall
        print("  calm: \(format(wall, 1)) s of the genuine floor (one signed datagram a second), \(frames) frames drawn")
        print("  CPU per typical update (1 s):    \(format(perUpdate * 1000, 2)) ms CPU here = \(format(perUpdate * 100, 2)) % of one core = "
            + "\(format(perUpdate / cgroup.cpuShare * 100, 1)) % of the budget; ≈ \(format(perUpdate / cgroup.cpuShare * 1000, 1)) ms "
            + "on a core \(format(1 / cgroup.cpuShare, 0))× slower (60 Hz refresh: 16.7 ms)")
        print("  build + paint + present per frame, in the cgroup: \(format(frameMilliseconds, 2)) ms wall "
            + "(≈ \(format(frameMilliseconds / cgroup.cpuShare, 1)) ms on the slower core)")

        // Flood.
        let done = DispatchSemaphore(value: 0)
        let before = try Window(client: client, pid: pid)
        let throttleBefore = cgroup.throttling()
        try feed.startFlood(rate: rate, seconds: floodSeconds) { done.signal() }
        let clock = try ClockProbe(path: control)
        var frameTimes: [Double] = []
        var lastFrames = before.frames
        var clockSamples = 0, clockUnchanged = 0
        var nextClock = before.time + 1
        var unanswered = 0
        while done.wait(timeout: .now() + 0.25) == .timedOut {
            let now = AgentBenchmark.monotonic()
            if let status = try? client.send(ControlRequest(.status)).status {
                if status.framesDrawn > lastFrames { frameTimes.append(now) }
                lastFrames = status.framesDrawn
            } else {
                unanswered += 1
            }
            if now >= nextClock {
                nextClock += 1
                clockSamples += 1
                if try !clock.changed() { clockUnchanged += 1 }
            }
        }
        let after = try Window(client: client, pid: pid)
        let throttleAfter = cgroup.throttling()
        let span = after.time - before.time
        // A missed second: more than 1.5 s between two sightings of a new frame (sampled every 0.25 s),
        // or at the start or end of the flood.
        var missed = 0
        var previous = before.time
        for t in frameTimes + [after.time] {
            if t - previous > 1.5 { missed += Int((t - previous - 0.5).rounded(.down)) }
            previous = t
        }
        let status = try client.send(ControlRequest(.status)).status
        let drops = status?.drops ?? [:]
        let genuine = status?.publishers.first { $0.id == "acd-a" }
        print("  flood: \(feed.forgedSent) forged signed datagrams in \(format(feed.floodSeconds, 1)) s = "
            + "\(Int(Double(feed.forgedSent) / max(0.001, feed.floodSeconds)))/s "
            + "(aim \(rate)/s); \(after.frames - before.frames) frames drawn; "
            + "\(format((after.cpu - before.cpu) / span * 100, 2)) % of one core; throttled in "
            + "\(throttleAfter.throttled - throttleBefore.throttled) of \(throttleAfter.periods - throttleBefore.periods) periods")
        print("  seconds without a frame under the flood: \(missed) of \(Int(span)) (aim 0); header clock unchanged "
            + "after a second: \(clockUnchanged) of \(clockSamples) samples; status unanswered: \(unanswered)")
        print("  refused: \(drops.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); "
            + "genuine publisher accepted \(genuine?.accepted ?? 0) of \(feed.genuineSent) sent, last seen "
            + "\(genuine?.lastSeenSecondsAgo.map { format($0, 1) } ?? "never") s ago")
        let memory = AgentBenchmark.memory(pid: pid)
        print("  memory: RSS \(format(memory.rss, 1)) MB, PSS \(format(memory.pss, 1)) MB; cgroup peak "
            + "\(format(cgroup.peakMemoryMegabytes(), 1)) MB of \(cgroup.memoryBytes >> 20), limit hit \(cgroup.memoryLimitHits())×")
        feed.stop()
        process.terminate()
        process.waitUntilExit()
    }

    /// The agent at one moment: frames drawn so far, their total time, its CPU.
    struct Window {
        var time: Double
        var cpu: Double
        var frames: Int
        var frameTotal: Double

        init(client: ControlClient, pid: Int32) throws {
            guard let status = try client.send(ControlRequest(.status)).status else {
                throw AgentBenchmark.BenchError(description: "pi: the agent's status had no figures")
            }
            time = AgentBenchmark.monotonic()
            cpu = AgentBenchmark.cpuSeconds(pid: pid)
            frames = status.framesDrawn
            frameTotal = status.averageFrameMilliseconds * Double(status.framesDrawn)
        }
    }

    /// The header clock's pixels, from the agent's own picture (`frame`, box-filtered to a quarter):
    /// `changed()` says whether they differ from the previous look.
    final class ClockProbe {
        let client: ControlClient
        let region: Rect
        private var last: [UInt32]?

        init(path: String) throws {
            client = try ControlClient(path: path)
            // Where the header sits on a 1920×1080 board (the clock is at its right end).
            let fonts = try Fonts()
            var options = LayoutOptions()
            options.metrics = fonts.bold.metrics
            let layout = BoardLayout(width: 1920, height: 1080, tileCount: 4, figureSlots: 4, hasBanner: false, hasStaff: true, options: options)
            let clock = layout.clock.rect
            region = Rect(x: clock.x / 4, y: clock.y / 4, width: (clock.width + 3) / 4, height: (clock.height + 3) / 4)
        }

        func changed() throws -> Bool {
            let answer = try client.send(ControlRequest(.frame, width: 480, height: 270))
            guard let text = answer.pixels, let data = Data(base64Encoded: text), let width = answer.width, width == 480 else {
                throw AgentBenchmark.BenchError(description: "pi: the agent's frame answer was not a 480-pixel-wide picture")
            }
            let pixels = data.withUnsafeBytes { Array($0.bindMemory(to: UInt32.self)) }
            var cut: [UInt32] = []
            for y in region.y..<min(region.maxY, pixels.count / width) {
                cut += pixels[(y * width + region.x)..<(y * width + min(width, region.maxX))]
            }
            defer { last = cut }
            return last.map { $0 != cut } ?? true
        }
    }

    static func format(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
}
