#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardSystem

/// The Asterisk bridge's cost per poll: the bytes of one poll's answers (QueueSummary and
/// QueueStatus for N queues and M members) framed, applied to the floor, turned into Q, S and A
/// records and encoded into signed datagrams — everything `wallboard-publish asterisk` does per
/// poll except the socket calls.
/// Run: `swift run -c release wallboard-bench asterisk`; allocations: `Deploy/bench/asterisk-allocs.sh`.
enum AsteriskBenchmark {
    static let sizes = [(queues: 4, members: 20), (queues: 8, members: 60), (queues: 16, members: 200)]

    static func run() throws {
        print("asterisk: one thread; CPU time per poll (frame + floor + Q/S/A records + signed encode; making the answers not counted)")
        for size in sizes {
            var bench = try Poller(queues: size.queues, members: size.members)
            let start = SystemClock.processCPUSeconds()
            var polls = 0
            var cpu = 0.0
            while SystemClock.processCPUSeconds() - start < 3 {
                // Making the answer's bytes is the stand-in Asterisk's work: not timed.
                let bytes = try bench.nextAnswers()
                let before = SystemClock.processCPUSeconds()
                try bench.consume(bytes)
                cpu += SystemClock.processCPUSeconds() - before
                polls += 1
            }
            print("asterisk: \(size.queues) queues, \(size.members) members (\(bench.answerBytes) bytes of answers, "
                + "\(bench.lastDatagrams) datagrams): \(FeedBenchmark.fixed(cpu / Double(polls) * 1e6, 1)) µs per poll [\(polls) polls]")
        }
    }

    /// `WALLBOARD_BENCH_POLLS` polls of 8 queues / 60 members and nothing else, for valgrind to
    /// count allocations (Deploy/bench/asterisk-allocs.sh runs it with 0 and with N polls).
    static func allocations() throws {
        let polls = Int(getenv("WALLBOARD_BENCH_POLLS").map { String(cString: $0) } ?? "100") ?? 100
        var bench = try Poller(queues: 8, members: 60)
        try bench.consume(bench.nextAnswers())  // the first poll creates the floor's tables: not a steady poll
        for _ in 0..<polls { try bench.consume(bench.nextAnswers()) }
        print("asterisk-allocs: \(polls) polls of 8 queues, 60 members")
    }

    /// A logged-in session and the recorded-shape answers to replay to it each poll.
    struct Poller {
        var session = AsteriskSession(user: "bench", secret: "bench", interval: 1)
        var publisher = FeedPublisher(
            publisher: "bench", session: 7, interval: 1, key: FeedKey(id: "k1", secret: Array("benchmark-key-32-bytes-long.....".utf8)))
        let queues: Int
        let members: Int
        var now = 0.0
        var answerBytes = 0
        var lastDatagrams = 0

        init(queues: Int, members: Int) throws {
            self.queues = queues
            self.members = members
            session.connected(now: 0)
            let login = session.receive(Array("Asterisk Call Manager/5.0.1\r\n".utf8), now: 0, unixNow: 1_764_590_000)
            guard case .send(let m) = login.last, let id = m.actionID else { throw BenchmarkFailure("no Login") }
            _ = session.receive(AMIMessage([("Response", "Success"), ("ActionID", id)]).wireBytes, now: 0, unixNow: 1_764_590_000)
            guard session.isLoggedIn else { throw BenchmarkFailure("not logged in") }
        }

        /// The next poll's actions, and Asterisk's answers to them.
        mutating func nextAnswers() throws -> [UInt8] {
            now += 1
            let actions = session.tick(now: now).compactMap { if case .send(let m) = $0 { m } else { nil } }
            guard actions.count == 2, let summary = actions[0].actionID, let status = actions[1].actionID else {
                throw BenchmarkFailure("no poll at \(now)")
            }
            let bytes = answers(summaryID: summary, statusID: status)
            answerBytes = bytes.count
            return bytes
        }

        /// What the bridge does with one poll's answers: frame, apply, build the records, encode.
        mutating func consume(_ bytes: [UInt8]) throws {
            let unixNow = 1_764_590_000 + now
            guard session.receive(bytes, now: now, unixNow: unixNow) == [.publish] else { throw BenchmarkFailure("poll not complete") }
            let floor = session.floor
            let datagrams = try publisher.datagrams(
                queues: floor.queueReports(now: now), staff: floor.staffReports(unixNow: unixNow),
                handlers: floor.handlerReports(unixNow: unixNow), sentAtMilliseconds: UInt64(unixNow * 1000))
            lastDatagrams = datagrams.count
        }

        /// What Asterisk sends for one poll, its figures moving with the poll number.
        func answers(summaryID: String, statusID: String) -> [UInt8] {
            let n = Int(now)
            var out = AMIMessage([("Response", "Success"), ("ActionID", summaryID), ("EventList", "start"), ("Message", "Queue summary will follow")]).wireBytes
            for q in 0..<queues {
                out += AMIMessage([("Event", "QueueSummary"), ("Queue", "queue-\(q)"), ("LoggedIn", "\(members / queues)"), ("Available", "2"),
                    ("Callers", "\((n + q) % 7)"), ("HoldTime", "12"), ("TalkTime", "140"), ("LongestHoldTime", "\((n * 3 + q) % 90)"), ("ActionID", summaryID)]).wireBytes
            }
            out += AMIMessage([("Event", "QueueSummaryComplete"), ("ActionID", summaryID), ("EventList", "Complete"), ("ListItems", "\(queues)")]).wireBytes
            out += AMIMessage([("Response", "Success"), ("ActionID", statusID), ("EventList", "start"), ("Message", "Queue status will follow")]).wireBytes
            for q in 0..<queues {
                out += AMIMessage([("Event", "QueueParams"), ("Queue", "queue-\(q)"), ("Max", "0"), ("Strategy", "rrmemory"), ("Calls", "\((n + q) % 7)"),
                    ("Holdtime", "12"), ("TalkTime", "140"), ("Completed", "\(400 + n)"), ("Abandoned", "\(9 + n / 10)"), ("ServiceLevel", "30"),
                    ("ServicelevelPerf", "88.\(n % 10)"), ("ServicelevelPerf2", "85.0"), ("Weight", "0"), ("ActionID", statusID)]).wireBytes
                // Each member in its own queue, every third one in the next queue too.
                for m in 0..<members where m % queues == q || (m % 3 == 0 && (m + 1) % queues == q) {
                    out += AMIMessage([("Event", "QueueMember"), ("Queue", "queue-\(q)"), ("Name", "Handler \(m)"), ("Location", "PJSIP/\(2000 + m)"),
                        ("StateInterface", "PJSIP/\(2000 + m)"), ("Membership", "dynamic"), ("Penalty", "0"), ("CallsTaken", "\(m)"),
                        ("LastCall", "\(1_764_589_000 + m)"), ("LastPause", "\(1_764_588_000 + m)"), ("LoginTime", "1764576000"),
                        ("InCall", "0"), ("Status", "\((m + n) % 4 == 0 ? 2 : 1)"), ("Paused", (m + n) % 9 == 0 ? "1" : "0"),
                        ("PausedReason", (m + n) % 9 == 0 ? "Lunch" : ""), ("Wrapuptime", "0"), ("ActionID", statusID)]).wireBytes
                }
            }
            out += AMIMessage([("Event", "QueueStatusComplete"), ("ActionID", statusID), ("EventList", "Complete")]).wireBytes
            return out
        }
    }
}
