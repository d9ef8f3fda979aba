#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// `wallboard-bench board`: the board-side work the agent does per datagram and per second —
/// receive a 12-queue datagram (unsigned, so decoding is the only feed cost), the tick, alarms and
/// the scene, all through `BoardEngine` — and parsing a full config file.
enum BoardBenchmark {
    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func message(_ i: Int) -> FeedMessage {
        let queues = (0..<12).map { q in
            QueueReport(
                id: "q\(q)", name: "QUEUE \(q)", waiting: (i + q) % 15, longestWait: Double((i * 7 + q) % 90),
                offered: 1000 + i, answered: 900 + i, abandoned: 20 + q, answeredWithinTarget: 850 + i,
                targetSeconds: 10, averageSpeedOfAnswer: 6.5, period: "since 00:00",
                extras: [ExtraFigure(name: "silent", value: Double(q % 4))])
        }
        return FeedMessage(
            publisher: "acd-a", session: 1, sequence: UInt64(i), sentAtMilliseconds: 0, interval: 2,
            floor: "NORTH", queues: queues, staff: [StaffReport(available: 4, onCall: 30, wrapUp: 3, onBreak: 5)])
    }

    static func run() throws {
        var config = WallboardConfig()
        for q in 0..<12 {
            var queue = AlarmDefaults.queue(q == 0 ? "999" : "q\(q)")
            queue.id = "q\(q)"
            queue.thresholds[.extra("silent")] = Threshold(amber: 1, red: 2)
            config.queues.append(queue)
        }
        let rounds = 20_000
        // Every round's datagrams made beforehand (each sequence number once: the engine rejects replays).
        var publisher = FeedPublisher(publisher: "acd-a", session: 1, interval: 2, floor: "NORTH")
        let datagrams = try (0..<rounds).map { i in
            let m = message(i)
            return try publisher.datagrams(queues: m.queues, staff: m.staff, sentAtMilliseconds: UInt64(i))
        }
        var engine = BoardEngine(config: config, startedAt: 0)
        var now = 0.0
        var checksum = 0
        let start = seconds()
        for i in 0..<rounds {
            now += 0.5
            for d in datagrams[i] { engine.receive(bytes: d, from: "bench", now: now) }
            engine.tick(now: now)
            let scene = engine.scene(now: now, wallTime: WallTime(secondsOfDay: i))
            checksum &+= scene.tiles.count &+ scene.tiles[0].waiting.count
        }
        let perRound = (seconds() - start) / Double(rounds)
        guard engine.intake.counters.applied == datagrams.joined().count else {
            throw BenchmarkFailure("not every datagram was applied: \(engine.intake.counters)")
        }
        print("board: receive a 12-queue snapshot (\(datagrams[0].count) datagrams) + tick + alarms + scene: \(Int(perRound * 1e6)) µs per round (\(rounds) rounds, checksum \(checksum))")

        let text = configText
        let parses = 2_000
        let parseStart = seconds()
        for _ in 0..<parses { checksum &+= try WallboardConfig(parsing: text).queues.count }
        let perParse = (seconds() - parseStart) / Double(parses)
        print("board: parse + validate a \(text.utf8.count)-byte config: \(Int(perParse * 1e6)) µs (checksum \(checksum))")
    }

    static let configText: String = {
        var text = "[feed]\nlost_after = 30s\n[display]\nrotation = 0\nburn_in_shift = 5m\n[board]\ntitle = ROOM\n"
        for q in 0..<12 {
            text += "\n# queue \(q)\n[queue \"q\(q)\"]\nlabel = QUEUE \(q)\norder = \(q)\n"
            text += "longest_wait.amber = 20s\nlongest_wait.red = 30s\nservice_level.amber = 95%\nservice_level.red = 90%\n"
            text += "waiting.amber = 5\nwaiting.red = 10\nextra.silent.amber = 1\nextra.silent.red = 2\n"
        }
        return text
    }()
}
