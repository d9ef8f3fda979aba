import Foundation
import WallboardCore
import XCTest

/// A simulated 24 hours through the real pipeline at full speed, with the hostile things a long day
/// brings: publisher restarts, A/B fail-overs, queues coming and going, forged publisher ids.
/// Memory must not grow: the process RSS after the first hour and at the end are compared, and the
/// structures that could grow (publishers tracked, queues, history) are checked against their bounds.
/// The same day against the real agent binary, with its RSS sampled: Deploy/bench/soak.sh.
final class SoakTests: XCTestCase {
    static func rssKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// The figures of second `t` of the day: a daily curve (quiet night, busy evening), varied by queue.
    static func queues(at t: Int, extraQueue: String?) -> [QueueReport] {
        let hour = Double(t) / 3600
        let load = 0.5 + 0.5 * sin((hour - 9) / 24 * 2 * .pi)
        var ids = ["999", "101", "crime", "online"]
        if let extraQueue { ids.append(extraQueue) }
        return ids.enumerated().map { i, id in
            let waiting = Int(load * Double(3 + i * 4)) + (t / 7 + i) % 3
            let offered = t / (8 + i)
            let answered = offered * 9 / 10
            return QueueReport(
                id: id, name: "Queue \(id)", waiting: waiting, longestWait: Double((t + i * 13) % 400) / 2,
                offered: offered, answered: answered, abandoned: offered - answered - offered / 50,
                answeredWithinTarget: answered * 8 / 10, targetSeconds: i == 0 ? 10 : 30,
                averageSpeedOfAnswer: 4 + load * 60, period: "since 00:00",
                extras: i == 0 ? [ExtraFigure(name: "silent", value: Double(t % 5))] : [])
        }
    }

    func testTwentyFourHoursAtFullSpeedKeepMemoryFlat() throws {
        let key = FeedKey(id: "floor1", secret: Array("soak-key".utf8))
        let forger = FeedKey(id: "floor1", secret: Array("not-the-key".utf8))
        let config = try WallboardConfig(parsing: "[feed]\nstale_after = 15s\nlost_after = 30s\n")
        var p = FaultPipeline(config: config, keys: [key])
        let day = 86_400, interval = 5
        var a = FeedPublisher(publisher: "acd-a", session: 1, interval: Double(interval), key: key)
        var b = FeedPublisher(publisher: "acd-b", session: 2, interval: Double(interval), key: key)
        var restarts = 0
        var rssAfterFirstHour = 0, rssPeak = 0
        var lostSeen = 0, scenes = 0

        for t in stride(from: 0, to: day, by: interval) {
            let now = Double(t)
            let sent = UInt64(1_763_683_200_000 + t * 1000)
            // A publisher restart every 3 hours (new session, sequence from 1).
            if t > 0, t % 10_800 == 0 {
                restarts += 1
                a = FeedPublisher(publisher: "acd-a", session: UInt64(100 + restarts), interval: Double(interval), key: key)
            }
            // A queue that exists for one hour only, a new id every hour (bounded by maxQueues).
            let extra = "incident-\(t / 3600)"
            let queues = Self.queues(at: t, extraQueue: extra)
            let staff = [StaffReport(available: 3 + t % 4, onCall: 20, wrapUp: 2, onBreak: 3)]
            // acd-a is down for 10 minutes every 6 hours: acd-b carries the floor.
            let aDown = t % 21_600 < 600 && t >= 21_600
            if !aDown {
                for d in try a.datagrams(queues: queues, staff: staff, sentAtMilliseconds: sent) { p.receive(d, at: now) }
            }
            for d in try b.datagrams(queues: queues, staff: staff, sentAtMilliseconds: sent) { p.receive(d, at: now + 0.3) }
            // Every 5 minutes, forged datagrams under new publisher ids: must create no state.
            if t % 300 == 0 {
                var f = FeedPublisher(publisher: "forged-\(t)", session: UInt64(t), key: forger)
                for d in try f.datagrams(queues: queues, staff: staff, sentAtMilliseconds: sent) { p.receive(d, at: now + 0.5) }
            }
            if t % 30 == 0 {
                let scene = p.scene(at: now + 1)
                scenes += 1
                if scene.feedLost != nil { lostSeen += 1 }
            }
            if t == 3600 { rssAfterFirstHour = Self.rssKilobytes() }
            if t > 3600, t % 600 == 0 { rssPeak = max(rssPeak, Self.rssKilobytes()) }
        }

        let c = p.intake.counters
        XCTAssertEqual(lostSeen, 0, "the feed was never lost, A/B covered every gap")
        XCTAssertEqual(scenes, day / 30)
        XCTAssertEqual(c[.badSignature], day / 300, "every forged datagram rejected")
        XCTAssertGreaterThanOrEqual(c.failovers, 1)
        XCTAssertEqual(c[.replay], 0, "restarts were taken as new sessions: \(c)")
        XCTAssertLessThanOrEqual(p.intake.publishers.count, 2, "forged ids created replay state")
        XCTAssertLessThanOrEqual(p.board.queues.count, BoardState.maxQueues)
        let scene = p.scene(at: Double(day))
        XCTAssertLessThanOrEqual(scene.currentPage().tiles.count, BoardLayout.maximumTiles)
        XCTAssertTrue(scene.tiles.allSatisfy { $0.sparkline.count == QueueHistory.minutes })
        // Memory: flat after warm-up. 4 MB of slack covers allocator noise; a leak of even
        // 100 bytes per datagram over this day would be over 4 MB.
        XCTAssertGreaterThan(rssAfterFirstHour, 0, "could not read /proc/self/status")
        let growth = rssPeak - rssAfterFirstHour
        print("soak: \(c); RSS after 1 h \(rssAfterFirstHour) kB, peak after \(rssPeak) kB, growth \(growth) kB")
        XCTAssertLessThan(growth, 4096, "RSS grew \(growth) kB over 23 simulated hours")
    }
}
