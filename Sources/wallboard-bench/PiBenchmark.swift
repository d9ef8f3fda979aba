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
///    the status is read every 0.25 s (frames drawn) and the picture every `clockSpacing` s (the
///    header clock's pixels): every second of the flood must have a frame, and the clock must have
///    changed between any two looks. The looks are more than a second apart (counted from the end
///    of one to the start of the next), so the frames' own lateness, which varies by some tens of
///    milliseconds under the throttle, cannot make a ticking clock look stopped.
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
            [metrics]
            textfile = off

            """.write(toFile: directory + "/pi.conf", atomically: true, encoding: .utf8)
        let feed = PiFeed(endpoint: endpoint, key: FeedKey(id: "k1", secret: Array(secret.utf8)))
        defer { feed.stop() }

        let control = directory + "/control"
        let agent = try BenchAgent(
            executable: PiCgroup.shell,
            arguments: cgroup.launcher() + [try AgentBenchmark.agentPath(), "--config", directory + "/pi.conf", "--display", "none", "--socket", control],
            notifySocket: directory + "/notify")
        let pid = agent.pid
        let firstFrame = agent.ready - agent.launched
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
        // The clock's pixels are looked at on a thread of their own, so a slow picture never holds up
        // the status reads that time the frames.
        let clock = try ClockProbe(path: control)
        let looks = Looks()
        let lookerDone = DispatchSemaphore(value: 0)
        let start = before.time
        Thread.detachNewThread {
            while !looks.stopped {
                usleep(useconds_t(PiBenchmark.clockSpacing * 1_000_000))
                looks.record(at: AgentBenchmark.monotonic() - start, changed: (try? clock.changed()) ?? false)
            }
            lookerDone.signal()
        }
        // Every frame presented, as the agent itself stamps it (lastFrameAt, wall clock): read every
        // 0.25 s, so between two reads at most one frame goes unseen when frames come once a second.
        var presented: [(count: Int, at: Double)] = [(before.frames, before.lastFrameAt)]
        var unanswered = 0
        while done.wait(timeout: .now() + 0.25) == .timedOut {
            if let status = try? client.send(ControlRequest(.status)).status {
                if status.framesDrawn != presented.last?.count, let at = status.lastFrameAt { presented.append((status.framesDrawn, at)) }
            } else {
                unanswered += 1
            }
        }
        // The flood's end, before waiting for the looker (up to one spacing more): a frame gap is
        // counted up to here, not into time after the flood.
        let floodEnd = Date().timeIntervalSince1970
        looks.stop()
        lookerDone.wait()
        let after = try Window(client: client, pid: pid)
        let throttleAfter = cgroup.throttling()
        let span = after.time - before.time
        // A missed second: more than 1.5 s from one frame to the next (or to the end of the flood).
        // When a read saw two or more new frames, the time between the two it saw is used: an upper
        // bound, so a miss may be counted that was not, never the other way.
        var missed = 0, longestGap = 0.0
        var previous = presented[0].at
        for t in presented.dropFirst().map({ $0.at }) + [floodEnd] {
            if t - previous > 1.5 { missed += Int((t - previous - 0.5).rounded(.down)) }
            longestGap = max(longestGap, t - previous)
            previous = t
        }
        if environment["WALLBOARD_PI_DEBUG"] != nil {
            print("  looks at the clock (s into the flood, = unchanged): \(looks.text)")
            print("  frames (s into the flood): \(presented.map { format($0.at - presented[0].at, 2) }.joined(separator: " "))")
        }
        let (clockSamples, clockUnchanged) = looks.counts
        let status = try client.send(ControlRequest(.status)).status
        let drops = status?.drops ?? [:]
        let genuine = status?.publishers.first { $0.id == "acd-a" }
        print("  flood: \(feed.forgedSent) forged signed datagrams in \(format(feed.floodSeconds, 1)) s = "
            + "\(Int(Double(feed.forgedSent) / max(0.001, feed.floodSeconds)))/s "
            + "(aim \(rate)/s); \(after.frames - before.frames) frames drawn; "
            + "\(format((after.cpu - before.cpu) / span * 100, 2)) % of one core; throttled in "
            + "\(throttleAfter.throttled - throttleBefore.throttled) of \(throttleAfter.periods - throttleBefore.periods) periods")
        print("  seconds without a frame under the flood: \(missed) of \(Int(span)) (aim 0; at most "
            + "\(format(longestGap, 2)) s between frames); header clock unchanged "
            + "between two looks \(format(PiBenchmark.clockSpacing, 2)) s apart: \(clockUnchanged) of \(clockSamples); status unanswered: \(unanswered)")
        print("  refused: \(drops.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); "
            + "genuine publisher accepted \(genuine?.accepted ?? 0) of \(feed.genuineSent) sent, last seen "
            + "\(genuine?.lastSeenSecondsAgo.map { format($0, 1) } ?? "never") s ago")
        // What refusing one forged datagram cost: the flood's CPU above the calm rate, over those read.
        let refusedInFlood = (drops["bad signature"] ?? 0) - (before.badSignatures)
        let floodCPU = (after.cpu - before.cpu) - perUpdate * span
        print("  each forged datagram read and refused: \(format(floodCPU / Double(max(1, refusedInFlood)) * 1e6, 1)) µs CPU here "
            + "(\(refusedInFlood) read, \(format(Double(refusedInFlood) / span, 0))/s); dropped by the kernel (receive buffer full): "
            + "\(status?.datagrams.receiveBufferDrops ?? 0)")
        let memory = AgentBenchmark.memory(pid: pid)
        print("  memory: RSS \(format(memory.rss, 1)) MB, PSS \(format(memory.pss, 1)) MB; cgroup peak "
            + "\(format(cgroup.peakMemoryMegabytes(), 1)) MB of \(cgroup.memoryBytes >> 20), limit hit \(cgroup.memoryLimitHits())×")
        feed.stop()
        agent.stop()
    }

    static let clockSpacing = 1.25

    /// The agent at one moment: frames drawn so far, their total time, its CPU.
    struct Window {
        var time: Double
        var cpu: Double
        var frames: Int
        var frameTotal: Double
        /// Wall-clock time of the last frame (the agent's stamp), or now before the first.
        var lastFrameAt: Double
        /// Datagrams refused as forged so far.
        var badSignatures: Int

        init(client: ControlClient, pid: Int32) throws {
            guard let status = try client.send(ControlRequest(.status)).status else {
                throw AgentBenchmark.BenchError(description: "pi: the agent's status had no figures")
            }
            time = AgentBenchmark.monotonic()
            cpu = AgentBenchmark.cpuSeconds(pid: pid)
            frames = status.framesDrawn
            frameTotal = status.averageFrameMilliseconds * Double(status.framesDrawn)
            lastFrameAt = status.lastFrameAt ?? Date().timeIntervalSince1970
            badSignatures = status.drops["bad signature"] ?? 0
        }
    }

    /// What the clock looks found, from the looking thread. `@unchecked Sendable` is sound because
    /// every stored `var` is read and written with `lock` held.
    final class Looks: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(at: Double, changed: Bool)] = []
        private var ended = false

        var stopped: Bool { lock.withLock { ended } }
        func stop() { lock.withLock { ended = true } }

        func record(at: Double, changed: Bool) { lock.withLock { entries.append((at, changed)) } }
        var counts: (looks: Int, unchanged: Int) { lock.withLock { (entries.count, entries.filter { !$0.changed }.count) } }
        var text: String { lock.withLock { entries.map { format($0.at, 2) + ($0.changed ? "" : "=") }.joined(separator: " ") } }
    }

    /// The header clock's pixels, from the agent's own picture (`frame`, box-filtered to a quarter):
    /// `changed()` says whether they differ from the previous look. `@unchecked Sendable` so the
    /// looking thread can take it; it is made on the main thread and used only by that thread after.
    final class ClockProbe: @unchecked Sendable {
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
