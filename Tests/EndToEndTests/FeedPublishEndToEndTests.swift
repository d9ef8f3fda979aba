import Dispatch
import Foundation
import WallboardTestSupport
import XCTest
import WallboardCore
import WallboardSystem

/// `wallboard-publish` as a publisher runs it, against the real MulticastReceiver on loopback
/// (interface lo, TTL 0: nothing leaves the host; random group and port per test).
final class FeedPublishEndToEndTests: XCTestCase {
    var endpoint = MulticastEndpoint()
    var dir = ""
    var keyPath = ""
    /// The default key id, as the tool uses when --key-id is not given.
    let key = FeedKey(id: FeedKey.defaultID, secret: Array("end-to-end".utf8))

    override func setUp() {
        endpoint = MulticastEndpoint(
            group: "239.192.\(UInt8.random(in: 1...254)).\(UInt8.random(in: 1...254))",
            port: UInt16.random(in: 20_000...60_000), interface: "lo")
        dir = NSTemporaryDirectory() + "wb-feed-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        keyPath = dir + "/feed.key"
        try? "end-to-end\n".write(toFile: keyPath, atomically: true, encoding: .utf8)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    var common: [String] {
        ["--group", endpoint.group, "--port", "\(endpoint.port)", "--interface", "lo", "--ttl", "0"]
    }

    typealias Inbox = DatagramInbox

    func startReceiver(_ inbox: Inbox) throws -> MulticastReceiver {
        let r = try MulticastReceiver(endpoint: endpoint, queue: DispatchQueue(label: "e2e")) { inbox.add($0) }
        r.start()
        let end = Date().addingTimeInterval(5)
        while !r.status.isJoined && Date() < end { usleep(10_000) }
        XCTAssertTrue(r.status.isJoined, "\(r.status)")
        return r
    }

    func background(_ args: [String]) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = Executable.url("wallboard-publish")
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        return (p, out)
    }

    /// Nothing half-published: a snapshot with a bad line (a bad number, or a name carrying a control
    /// character) is reported naming the line and the field and not sent at all; the snapshots
    /// around it are, and the exit status says something was refused.
    func testSendPublishesSignedSnapshotsAndDropsWholeSnapshotsWithABadLine() throws {
        let inbox = Inbox()
        let receiver = try startReceiver(inbox)
        defer { receiver.stop() }
        let input = """
            # comment
            Q id=999 name=999%20Emergency waiting=3 oldest=12.5 offered=412 answered=398 abandoned=9 within=371 target=10 asa=6.2
            S available=7 oncall=31 wrap=4 break=5

            Q id=112 waiting=9 oldest=1
            Q id=101 waiting=lots oldest=1

            Q id=113 name=Crime%1B[2J waiting=1 oldest=1
            S available=1 oncall=1 wrap=1 break=1

            Q id=999 name=999%20Emergency waiting=4 oldest=2

            """
        let r = try Executable.run(
            "wallboard-publish", ["send", "--key", keyPath, "--key-id", "floor-1", "--publisher", "e2e-send", "--floor", "Test Floor"] + common,
            stdin: input)
        XCTAssertEqual(r.status, 1, "a bad line makes the exit status 1")
        XCTAssertEqual(
            r.stderr,
            "wallboard-publish: stdin:6: Q: waiting='lots' is not a whole number (0 or more) (snapshot not sent)\n"
                + "wallboard-publish: stdin:8: Q: name contains the control character U+001B; text fields are printable text only (snapshot not sent)\n")
        let end = Date().addingTimeInterval(5)
        while inbox.all.count < 2 && Date() < end { usleep(10_000) }
        var intake = FeedIntake(keys: [FeedKey(id: "floor-1", secret: Array("end-to-end".utf8))])
        let applied: [FeedMessage] = inbox.all.compactMap {
            if case .apply(let m) = intake.receive($0.bytes, now: $0.receivedAt) { return m }
            return nil
        }
        XCTAssertEqual(applied.count, 2, "\(intake.counters)")
        XCTAssertEqual(applied.first?.publisher, "e2e-send")
        XCTAssertEqual(applied.first?.floor, "Test Floor")
        XCTAssertEqual(applied.first?.queues, [QueueReport(
            id: "999", name: "999 Emergency", waiting: 3, longestWait: 12.5, offered: 412, answered: 398, abandoned: 9,
            answeredWithinTarget: 371, targetSeconds: 10, averageSpeedOfAnswer: 6.2)])
        XCTAssertEqual(applied.first?.staff, [StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5)])
        XCTAssertEqual(applied.last?.queues.first?.waiting, 4)
        XCTAssertEqual(applied.map(\.sequence), [1, 2])
        XCTAssertEqual(inbox.all.count, 2, "the two bad snapshots sent nothing at all")
        XCTAssertFalse(applied.contains { $0.queues.contains { ["112", "113"].contains($0.id) } }, "half a snapshot was published")
        // Unsigned by a board without the key would be refused: the datagrams really are signed.
        XCTAssertTrue(inbox.all.allSatisfy { String(decoding: $0.bytes, as: UTF8.self).contains("\nSIG key=floor-1 hmac=") })
    }

    /// While stdin is quiet, `send` republishes the latest snapshot with its ages grown by the time
    /// since it was read, so a board that takes each datagram's `oldest` and `since` ticks on instead of
    /// being pulled back to the first value every interval (a caller's wait shown shorter than it is).
    /// An empty queue's 0 stays 0; counters stay as read.
    func testRepublishedSnapshotsCarryAgesGrownByTheTimeSinceTheyWereRead() throws {
        let inbox = Inbox()
        let receiver = try startReceiver(inbox)
        defer { receiver.stop() }
        let p = Process()
        p.executableURL = Executable.url("wallboard-publish")
        p.arguments = ["send", "--publisher", "e2e-age", "--interval", "0.4"] + common
        let input = Pipe()
        p.standardInput = input
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data("""
            Q id=999 waiting=2 oldest=10 offered=40
            Q id=101 waiting=0 oldest=0
            A id=4711 state=break since=100
            \n
            """.utf8))
        let end = Date().addingTimeInterval(10)
        while inbox.all.count < 5 && Date() < end { usleep(10_000) }
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        var intake = FeedIntake(keys: [])
        let got: [(at: Double, m: FeedMessage)] = inbox.all.compactMap {
            if case .apply(let m) = intake.receive($0.bytes, now: $0.receivedAt) { return ($0.receivedAt, m) }
            return nil
        }
        XCTAssertGreaterThanOrEqual(got.count, 5, "\(intake.counters)")
        guard let first = got.first else { return }
        XCTAssertEqual(first.m.queues.first?.longestWait, 10, "the first send carries the ages as read")
        for (at, m) in got.dropFirst() {
            let elapsed = at - first.at
            let oldest = try XCTUnwrap(m.queues.first { $0.id == "999" }?.longestWait)
            let since = try XCTUnwrap(m.handlers.first?.since)
            // Grown by the time since it was read (within scheduling slack), never held back.
            XCTAssertEqual(oldest, 10 + elapsed, accuracy: 0.15, "seq \(m.sequence)")
            XCTAssertEqual(since, 100 + elapsed, accuracy: 0.15, "seq \(m.sequence)")
            XCTAssertEqual(m.queues.first { $0.id == "101" }?.longestWait, 0, "an empty queue has no oldest caller to age")
            XCTAssertEqual(m.queues.first { $0.id == "999" }?.offered, 40, "counters stay as read")
        }
        let ages = got.compactMap { $0.m.queues.first { $0.id == "999" }?.longestWait }
        XCTAssertEqual(ages, ages.sorted(), "the age never goes back")
        XCTAssertLessThan(ages.first ?? 0, ages.last ?? 0)
    }

    func testListenPrintsDecodedDatagramsAndRejections() throws {
        let (listen, out) = try background(["listen", "--key", keyPath, "--count", "2", "--timeout", "20"] + common)
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        var publisher = FeedPublisher(publisher: "e2e-listen", session: 0xabc, interval: 1, key: key)
        // Keep sending (good + unsigned) until the listener has joined, heard two and exited.
        let end = Date().addingTimeInterval(20)
        while listen.isRunning && Date() < end {
            let q = [QueueReport(id: "101", name: "101", waiting: 5, longestWait: 61)]
            for d in try publisher.datagrams(queues: q, staff: [], sentAtMilliseconds: 0) { try sender.send(d) }
            try sender.send(Array("WB 1 pub=intruder session=1 seq=1 sent=0\n".utf8))
            usleep(50_000)
        }
        listen.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(listen.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("apply WB 1 pub=e2e-listen session=abc"), text)
        XCTAssertTrue(text.contains("    Q id=101 waiting=5 oldest=61"), text)
        XCTAssertTrue(text.contains("reject: unsigned datagram"), text)
        // Loopback keeps order and the two kinds alternate, so any two in a row are one of each.
        XCTAssertTrue(text.contains("counters: received 2, applied 1 (0 heartbeats), standby 0, failovers 0, rejected 1 (unsigned 1)"), text)
    }

    func testRecordThenReplayReproducesTheDatagrams() throws {
        let file = dir + "/feed.rec"
        let (record, out) = try background(["record", "--count", "3", "--duration", "20", file] + common)
        let sender = try MulticastSender(endpoint: endpoint, ttl: 0)
        var sentPayloads: [[UInt8]] = []
        var publisher = FeedPublisher(publisher: "e2e-rec", session: 5, interval: 0.1)
        let end = Date().addingTimeInterval(20)
        while record.isRunning && Date() < end {
            let d = try publisher.heartbeat(sentAtMilliseconds: 0)
            sentPayloads.append(d)
            try sender.send(d)
            usleep(100_000)
        }
        record.waitUntilExit()
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(record.terminationStatus, 0, log)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.first, "# wallboard-feed-recording 1")
        XCTAssertEqual(lines.count, 4, text)

        // Replay at 10× into a receiver: the same bytes, in order, roughly at a tenth of the pace.
        let inbox = Inbox()
        let receiver = try startReceiver(inbox)
        defer { receiver.stop() }
        let started = Date()
        let r = try Executable.run("wallboard-publish", ["replay", "--speed", "10", file] + common)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "wallboard-publish: replayed 3 datagrams from \(file)\n")
        let wait = Date().addingTimeInterval(5)
        while inbox.all.count < 3 && Date() < wait { usleep(10_000) }
        let got = inbox.all.map(\.bytes)
        XCTAssertEqual(got.count, 3)
        XCTAssertTrue(got.allSatisfy { sentPayloads.contains($0) })
        XCTAssertEqual(got, Array(sentPayloads.filter(got.contains).prefix(3)))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)

        // A damaged recording is a clear error naming the line.
        try "# wallboard-feed-recording 1\n0.5 x:1 zz\n".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try Executable.run("wallboard-publish", ["replay", file] + common)
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "wallboard-publish: \(file):2: 'zz…' is not hex\n")
    }

    func testSimulatePublishesARealisticFloor() throws {
        let inbox = Inbox()
        let receiver = try startReceiver(inbox)
        defer { receiver.stop() }
        let r = try Executable.run(
            "wallboard-publish",
            ["simulate", "--seed", "7", "--start", "10:00", "--speed", "600", "--interval", "0.25", "--duration", "1.2",
             "--key", keyPath, "--publisher", "sim-e2e"] + common)
        XCTAssertEqual(r.status, 0, r.stderr)
        let wait = Date().addingTimeInterval(5)
        while inbox.all.count < 4 && Date() < wait { usleep(10_000) }
        var intake = FeedIntake(keys: [key])
        let applied: [FeedMessage] = inbox.all.compactMap {
            if case .apply(let m) = intake.receive($0.bytes, now: $0.receivedAt) { return m }
            return nil
        }
        XCTAssertGreaterThanOrEqual(applied.count, 4, "\(intake.counters)")
        XCTAssertEqual(intake.counters.totalRejected, 0, "\(intake.counters)")
        let queues = applied.flatMap(\.queues)
        XCTAssertTrue(Set(queues.map(\.id)).isSuperset(of: ["999", "101"]), "\(Set(queues.map(\.id)))")
        XCTAssertNotNil(applied.first?.floor)
        XCTAssertEqual(applied.first?.interval, 0.25)
        // The floor moves: at 600× the counters grow between the first and last snapshot.
        let offered = queues.filter { $0.id == "101" }.compactMap(\.offered)
        XCTAssertGreaterThan(offered.last ?? 0, offered.first ?? .max, "\(offered)")
        XCTAssertTrue(applied.flatMap(\.staff).contains { $0.scope == nil && $0.total > 0 })
        let bad = try Executable.run("wallboard-publish", ["simulate", "--start", "25:00"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "wallboard-publish: --start: '25:00' is not a time of day HH:MM (see 'wallboard-publish --help')\n")
    }
}
