#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardRender

/// `wallboard-bench render`: the painter's cost for a full frame and for a typical one-second
/// update (header clock ticks, every longest wait ticks, one queue's waiting count changes), at
/// 1920×1080 and 3840×2160, plus PNG encoding of a full-HD snapshot. One core, release build.
///
/// Times are this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so they measure the work on one core
/// even when a shared machine preempts the benchmark; wall-clock medians are printed alongside.
enum RenderBenchmark {
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func wallSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func clock(_ s: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(s / 3600 % 24)):\(two(s / 60 % 60)):\(two(s % 60))"
    }

    /// An eight-queue floor with every alarm state, a banner and the staff bar, at second `t`.
    static func scene(_ t: Int) -> Scene {
        let names = ["999", "101", "CRIME RECORDING", "ONLINE REPORTS", "TRAFFIC", "FIREARMS", "CONTROL 2", "SWITCHBOARD"]
        let tiles = names.enumerated().map { i, name -> TileScene in
            let level: AlarmLevel = i == 1 ? .amber : i == 2 ? .red : .normal
            let wait = 20 + i * 7 + t
            return TileScene(
                id: "q\(i)", title: name, level: level, waiting: String(i == 3 ? 10 + t % 7 : 4 + i),
                longestWait: "\(wait / 60):\(wait % 60 < 10 ? "0" : "")\(wait % 60)",
                figures: [FigureScene(label: "SL 10s", value: "\(90 - i)%", level: level),
                          FigureScene(label: "ABAND", value: "\(i).4%"), FigureScene(label: "ASA", value: "0:0\(i)")],
                reason: level == .normal ? nil : "LONGEST WAIT 1:42 > 0:30",
                stale: i == 4 ? "NO DATA 0:45" : nil,
                sparkline: (0..<60).map { Double(($0 * 7 + i) % 13) })
        }
        return Scene(
            header: HeaderScene(title: "NORTH CONTROL ROOM", clock: clock(50_000 + t)), banner: "MAJOR INCIDENT ON M62",
            tiles: tiles, staff: StaffScene(available: 4, onCall: 30, wrapUp: 5, onBreak: 3, other: 1),
            footer: FooterScene(feed: "FEED OK · last 0:01 ago · acd-a · missing 0"))
    }

    static func run() throws {
        let fonts = try Fonts()
        for (width, height) in [(1920, 1080), (3840, 2160)] {
            let painter = Painter(fonts: fonts)
            let canvas = Canvas(width: width, height: height)
            painter.paint(scene: scene(0), into: canvas)  // warm the glyph cache

            let fullRounds = width > 2000 ? 40 : 100
            var fullTimes: [Double] = [], fullWall: [Double] = []
            var touched = 0
            for i in 0..<fullRounds {
                painter.invalidate()
                let start = seconds(), wall = wallSeconds()
                touched = painter.paint(scene: scene(i % 2), into: canvas).map(\.area).reduce(0, +)
                fullTimes.append(seconds() - start)
                fullWall.append(wallSeconds() - wall)
            }
            report("full frame", width, height, fullTimes, fullWall, pixels: touched)

            let updateRounds = 2_000
            var updateTimes: [Double] = [], updateWall: [Double] = []
            var updatePixels = 0
            painter.paint(scene: scene(1), into: canvas)
            for t in 2..<(updateRounds + 2) {
                let next = scene(t)
                let start = seconds(), wall = wallSeconds()
                let damage = painter.paint(scene: next, into: canvas)
                updateTimes.append(seconds() - start)
                updateWall.append(wallSeconds() - wall)
                updatePixels += damage.map(\.area).reduce(0, +)
            }
            report("typical 1 s update", width, height, updateTimes, updateWall, pixels: updatePixels / updateRounds)
        }

        let canvas = Canvas(width: 1920, height: 1080)
        Painter(fonts: fonts).paint(scene: scene(0), into: canvas)
        var pngTimes: [Double] = []
        var bytes = 0
        for _ in 0..<5 {
            let start = seconds()
            bytes = PNGWriter.encode(canvas).count
            pngTimes.append(seconds() - start)
        }
        pngTimes.sort()
        print("render: PNG snapshot 1920x1080: CPU median \(format(pngTimes[pngTimes.count / 2] * 1e3)) ms, \(bytes) bytes")
    }

    static func report(_ what: String, _ width: Int, _ height: Int, _ times: [Double], _ wall: [Double], pixels: Int) {
        let sorted = times.sorted()
        let median = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        let wallMedian = wall.sorted()[wall.count / 2]
        print("render: \(what) \(width)x\(height): CPU median \(format(median * 1e3)) ms, p99 \(format(p99 * 1e3)) ms, "
              + "best \(format(sorted[0] * 1e3)) ms (wall median \(format(wallMedian * 1e3)) ms); "
              + "\(pixels) pixels touched (\(format(Double(pixels) * 100 / Double(width * height)))% of the screen)")
    }

    static func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
