#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import WallboardCore
import WallboardRender
import WallboardSystem

/// `wallboard-bench latency`: datagram received → frame presented, p50/p99, for real.
///
/// A `MulticastSender` sends signed 12-queue snapshots on loopback multicast; a `MulticastReceiver`
/// stamps each datagram on arrival, and on its queue the agent's per-datagram work runs —
/// intake (decode + HMAC + replay + arbitration), board apply, alarms + scene, painter, then
/// `present` — until the display returns: the agent's own `BoardPipeline` (engine + head painter). Two displays:
/// - PNG: the whole 1920×1080 frame encoded and written atomically (what `--display png` costs);
/// - a mapped framebuffer file in /dev/shm through `FbdevDisplay`: only the damaged rectangles
///   copied, the same work DRMDisplay does into its dumb buffer before the page flip (the flip's
///   wait for vblank, up to one refresh period, comes on top on a real screen).
enum LatencyBenchmark {
    static let datagramsPerPath = 300
    /// Pause between a frame and the next datagram (the real feed sends every second or two).
    static let pacingMicroseconds: UInt32 = 5_000

    static func run() throws {
        let png = "/tmp/wallboard-latency-\(getpid()).png"
        let shm = "/dev/shm/wallboard-latency-fb-\(getpid())"
        defer { unlink(png); unlink(shm) }

        try measure("png", PNGDisplay(path: png, width: 1920, height: 1080))

        let geometry = FramebufferGeometry(width: 1920, height: 1080, stride: 1920 * 4, format: .xrgb8888)
        let fd = open(shm, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0, ftruncate(fd, off_t(geometry.length)) == 0 else { throw UsageError("cannot create \(shm)") }
        close(fd)
        try measure("framebuffer copy", FbdevDisplay(path: shm, geometry: geometry))
    }

    /// Everything the receiving side owns, touched only on the receiver's queue (the sender only
    /// waits on `frameDone`, and reads the results after the last frame): that confinement is
    /// what makes the `@unchecked Sendable` sound.
    final class Receiver: @unchecked Sendable {
        /// The agent's own engine and head painter.
        let pipeline: BoardPipeline
        let display: Display
        let clock = SystemClock()
        var latencies: [Double] = []
        var damagedPixels = 0
        var errors: [String] = []
        /// Signalled after every frame: the sender waits for it, so no datagram queues behind another.
        let frameDone = DispatchSemaphore(value: 0)

        init(key: FeedKey, config: WallboardConfig, display: Display) throws {
            pipeline = try BoardPipeline(config: config, keys: [key], width: display.width, height: display.height, now: 0)
            self.display = display
        }

        func handle(_ datagram: MulticastReceiver.Datagram) {
            guard case .apply = pipeline.engine.receive(bytes: datagram.bytes, from: datagram.sender, now: datagram.receivedAt) else {
                errors.append("datagram not applied"); return
            }
            let scene = pipeline.scene(now: datagram.receivedAt, wallTime: WallTime(secondsOfDay: 36_000), banner: nil)
            let damage = pipeline.paint(scene, now: datagram.receivedAt) ?? []
            do { try display.present(pipeline.canvas, damage: damage) } catch { errors.append("\(error)") }
            latencies.append(clock.now() - datagram.receivedAt)
            damagedPixels += damage.reduce(0) { $0 + $1.area }
            frameDone.signal()
        }
    }

    static func measure(_ label: String, _ display: Display) throws {
        let key = FeedKey(id: "bench", secret: Array("latency benchmark key".utf8))
        var config = WallboardConfig()
        for q in 0..<12 {
            var queue = AlarmDefaults.queue("q\(q)")
            queue.id = "q\(q)"
            config.queues.append(queue)
        }
        // The first frame paints everything; measure the steady state after a few warm-up frames.
        let warmUp = 10
        config.display.burnInShift = nil  // as a frame between shifts
        let pipeline = try Receiver(key: key, config: config, display: display)
        let endpoint = MulticastEndpoint(
            group: "239.192.\(UInt8.random(in: 1...254)).\(UInt8.random(in: 1...254))",
            port: UInt16.random(in: 20_000...60_000), interface: "lo")
        let receiver = try MulticastReceiver(endpoint: endpoint, queue: DispatchQueue(label: "latency")) { pipeline.handle($0) }
        receiver.start()
        defer { receiver.stop() }
        for _ in 0..<200 where !receiver.status.isJoined { usleep(10_000) }
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        var publisher = FeedPublisher(publisher: "bench", session: 1, interval: 1, key: key)

        var lost = 0
        // One queue changes per datagram (the usual case: a call arrives or is answered).
        for i in 0..<(warmUp + datagramsPerPath) {
            let queues = (0..<12).map { q in
                QueueReport(
                    id: "q\(q)", name: "QUEUE \(q)", waiting: q == i % 12 ? i % 9 : 1, longestWait: Double(q == i % 12 ? i % 60 : 5),
                    offered: 100 + i, answered: 90 + i, abandoned: 2, answeredWithinTarget: 85 + i, targetSeconds: 10)
            }
            // Send the queue that changed: the board merges queue records across datagrams (a 12-queue
            // snapshot spans several), so after the first 12 every queue is on the board.
            for d in try publisher.datagrams(queues: [queues[i % 12]], staff: [], sentAtMilliseconds: UInt64(i)) {
                try sender.send(d)
            }
            if pipeline.frameDone.wait(timeout: .now() + 2) == .timedOut { lost += 1 }
            usleep(pacingMicroseconds)
        }
        let samples = Array(pipeline.latencies.dropFirst(warmUp)).sorted()
        guard !samples.isEmpty else { throw UsageError("latency \(label): no frames measured (\(pipeline.errors.first ?? "no datagrams arrived"))") }
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        let ms = { (s: Double) in String(Int((s * 10_000).rounded())).paddedTenths }
        print("latency \(label): datagram received → frame presented over \(samples.count) frames (1920x1080, 12 queues): "
            + "p50 \(ms(percentile(0.5))) ms, p99 \(ms(percentile(0.99))) ms, max \(ms(samples.last!)) ms; "
            + "mean damage \(pipeline.damagedPixels / max(1, pipeline.latencies.count)) px/frame"
            + (lost == 0 ? "" : "; \(lost) datagrams lost")
            + (pipeline.errors.isEmpty ? "" : "; \(pipeline.errors.count) errors, first: \(pipeline.errors[0])"))
    }
}

extension String {
    /// A count of tenths of a millisecond, "123" → "12.3".
    fileprivate var paddedTenths: String {
        let padded = count < 2 ? String(repeating: "0", count: 2 - count) + self : self
        return "\(padded.dropLast()).\(padded.suffix(1))"
    }
}
