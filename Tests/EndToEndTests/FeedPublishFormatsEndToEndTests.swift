import Foundation
import WallboardCore
import WallboardSystem
import XCTest

/// `wallboard-publish send --format json|csv`: real bytes on stdin of the real executable, the
/// datagrams received on a real multicast socket (the setup of FeedPublishEndToEndTests).
extension FeedPublishEndToEndTests {
    /// Runs `send` with `input`, then returns the snapshots a board would apply and the raw datagrams.
    func sendFormat(_ format: String, _ input: String, expectDatagrams: Int) throws
        -> (result: Executable.Result, applied: [FeedMessage], raw: [String])
    {
        let inbox = Inbox()
        let receiver = try startReceiver(inbox)
        defer { receiver.stop() }
        let r = try Executable.run("wallboard-publish", ["send", "--format", format] + common, stdin: input)
        let end = Date().addingTimeInterval(5)
        while inbox.all.count < expectDatagrams && Date() < end { usleep(10_000) }
        usleep(200_000)  // anything more (a half-sent snapshot) would arrive now
        var intake = FeedIntake()
        let applied: [FeedMessage] = inbox.all.compactMap {
            if case .apply(let m) = intake.receive($0.bytes, now: $0.receivedAt) { return m }
            return nil
        }
        return (r, applied, inbox.all.map { String(decoding: $0.bytes, as: UTF8.self) })
    }

    func testSendJSONPublishesOneSnapshotPerObjectAndDropsBadObjectsWhole() throws {
        let input = """
            {"queues":[{"id":"999","name":"999 Emergency","waiting":3,"oldest":12.5,"offered":412,"target":10,"x.silent":4}],"staff":[{"available":7,"oncall":31,"wrap":4,"break":5},{"scope":"999","available":2,"oncall":9,"wrap":1,"break":1}],"floor":"North Control"}
            {"queues":[{"id":"101","waiting":4,"oldest":1},{"id":"crime","waiting":-1,"oldest":3}]}
            not json

            {"queues":[{"id":"999","waiting":5,"oldest":null}]}
            {"queues":[{"id":"999","waiting":true,"oldest":2}]}
            {"queue":[]}
            {"queues":[{"id":"crime","waiting":1,"oldest":1e20}]}
            {"queues":[{"id":999,"waiting":"6","oldest":2,"asa":6.233333333333333}]}

            """
        let (r, applied, raw) = try sendFormat("json", input, expectDatagrams: 2)
        XCTAssertEqual(r.status, 1, "bad lines make the exit status 1")
        XCTAssertEqual(r.stderr, """
            wallboard-publish: stdin:2: queues[1]: Q: waiting='-1' is not a whole number (0 or more) (snapshot not sent)
            wallboard-publish: stdin:3: not a JSON object (one object per line, e.g. {"queues":[…],"staff":[…]}) (snapshot not sent)
            wallboard-publish: stdin:5: queues[0]: Q: missing required field 'oldest' (snapshot not sent)
            wallboard-publish: stdin:6: queues[0].waiting: expected a number or text, got true (snapshot not sent)
            wallboard-publish: stdin:7: unknown key 'queue' (a snapshot has queues, staff, handlers, incidents and floor) (snapshot not sent)
            wallboard-publish: stdin:8: queues[0]: Q: oldest='1e+20' is not a number of seconds (snapshot not sent)

            """)
        XCTAssertEqual(applied.count, 2, "\(raw)")
        XCTAssertEqual(applied.first?.floor, "North Control")
        XCTAssertEqual(applied.first?.queues, [QueueReport(
            id: "999", name: "999 Emergency", waiting: 3, longestWait: 12.5, offered: 412, targetSeconds: 10,
            extras: [ExtraFigure(name: "silent", value: 4)])])
        XCTAssertEqual(applied.first?.staff, [
            StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5),
            StaffReport(scope: "999", available: 2, onCall: 9, wrapUp: 1, onBreak: 1),
        ])
        XCTAssertEqual(
            applied.last?.queues, [QueueReport(id: "999", name: "999", waiting: 6, longestWait: 2, averageSpeedOfAnswer: 6.233)],
            "a computed average's 15 fraction digits are sent as the encoder sends numbers, to the millisecond")
        XCTAssertNil(applied.last?.floor, "a snapshot without floor has --floor's (none here)")
        XCTAssertFalse(raw.contains { $0.contains("id=101") }, "a snapshot with a bad queue is not sent at all: \(raw)")
    }

    func testSendCSVEndsSnapshotsAtBlankLinesAndRepeatedHeadersAndDropsBadOnesWhole() throws {
        let input = #"""
            \#u{FEFF}record,id,name,waiting,oldest,target,scope,available,oncall,wrap,break
            Q,999,"999 Emergency, ""North""",3,12.5,10,,,,,
            S,,,,,,,7,31,4,5
            record,id,name,waiting,oldest,target,scope,available,oncall,wrap,break
            Q,101,,4,abc,,,,,,
            X,crime,,1,1,,,,,,
            Q,crime,,1,1,,,,,,

            Q,"999"x,,6,2,,,,,,
            Q,101,,4
            S,,,,,,999,2,9,1,1

            Q , "999" ,, 7 , 3 ,,,,,,
            S,,,,,,999,2,9,1,1
            """#
        let (r, applied, raw) = try sendFormat("csv", input, expectDatagrams: 2)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, """
            wallboard-publish: stdin:5: Q: oldest='abc' is not a number of seconds (snapshot not sent)
            wallboard-publish: stdin:6: record='X' is not Q, S, A or I (snapshot not sent)
            wallboard-publish: stdin:9: cell 2: text after its closing quote (snapshot not sent)
            wallboard-publish: stdin:10: 4 cells, the header has 11 (snapshot not sent)

            """)
        XCTAssertEqual(applied.count, 2, "\(raw)")
        XCTAssertEqual(applied.first?.queues, [QueueReport(
            id: "999", name: "999 Emergency, \"North\"", waiting: 3, longestWait: 12.5, targetSeconds: 10)])
        XCTAssertEqual(applied.first?.staff, [StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5)])
        XCTAssertEqual(applied.last?.queues, [QueueReport(id: "999", name: "999", waiting: 7, longestWait: 3)])
        XCTAssertEqual(applied.last?.staff, [StaffReport(scope: "999", available: 2, onCall: 9, wrapUp: 1, onBreak: 1)])
        XCTAssertFalse(raw.contains { $0.contains("id=crime") || $0.contains("waiting=6") }, "\(raw)")
    }

    func testSendCSVWithoutUsableHeaderStopsAndSendsNothing() throws {
        let (r, applied, raw) = try sendFormat("csv", "id,,waiting\n999,x,3\n", expectDatagrams: 0)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "wallboard-publish: stdin:1: header: column 2 has no field name\n")
        XCTAssertEqual(applied, [], "\(raw)")
        let named = try sendFormat("csv", "id,Waiting Calls,oldest\n999,3,1\n", expectDatagrams: 0)
        XCTAssertEqual(named.result.status, 1)
        XCTAssertEqual(
            named.result.stderr,
            "wallboard-publish: stdin:1: header: 'Waiting Calls' is not a field name (letters, digits, '_', '.', '-')\n")
        XCTAssertEqual(named.applied, [], "\(named.raw)")
    }

    func testSendRefusesUnknownFormat() throws {
        let r = try Executable.run("wallboard-publish", ["send", "--format", "xml"] + common, stdin: "")
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(
            r.stderr, "wallboard-publish: --format: 'xml' is not one of line, json, csv (see 'wallboard-publish --help')\n")
    }

    /// The README's worked examples ("From JSON and CSV"), as written there, so the docs cannot drift.
    func testReadmeJSONAndCSVExamplesPublishWhatTheySay() throws {
        let json = try readmeExample("json")
        let fromJSON = try sendFormat("json", json, expectDatagrams: 1)
        XCTAssertEqual(fromJSON.result.status, 0, fromJSON.result.stderr)
        XCTAssertEqual(fromJSON.applied.first?.floor, "North Control")
        XCTAssertEqual(fromJSON.applied.first?.queues.map(\.name), ["999 Emergency"])
        XCTAssertEqual(fromJSON.applied.first?.queues.first?.answeredWithinTarget, 371)
        XCTAssertEqual(fromJSON.applied.first?.staff, [StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5)])

        let csv = try readmeExample("csv")
        let fromCSV = try sendFormat("csv", csv, expectDatagrams: 1)
        XCTAssertEqual(fromCSV.result.status, 0, fromCSV.result.stderr)
        XCTAssertEqual(fromCSV.applied.count, 1, "\(fromCSV.raw)")
        XCTAssertEqual(fromCSV.applied.first?.queues.map(\.name), ["999 Emergency", "101 Non-emergency"])
        XCTAssertEqual(fromCSV.applied.first?.queues.last?.longestWait, 184)
        XCTAssertEqual(fromCSV.applied.first?.staff, [
            StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5),
            StaffReport(scope: "999", available: 2, onCall: 9, wrapUp: 1, onBreak: 1),
        ])
    }

    /// The README's jq filter, run by the real jq on the README's sample REST answer, piped into send.
    func testReadmeJQPipeBridgesARESTAnswer() throws {
        let jq = try RequiredTools.find(["jq"], for: "the README's jq example")[0]
        let section = try readmeSection()
        let filter = try between(section, "jq -c '", "' \\")
        let answer = try between(section, "For an answer like `", "`")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: jq)
        p.arguments = ["-c", filter]
        let (input, output) = (Pipe(), Pipe())
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data(answer.utf8))
        try input.fileHandleForWriting.close()
        let shaped = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(shaped, try between(section, "`jq` writes `", "`") + "\n", "the README says what jq writes")
        let sent = try sendFormat("json", shaped, expectDatagrams: 1)
        XCTAssertEqual(sent.result.status, 0, sent.result.stderr)
        XCTAssertEqual(sent.applied.first?.queues, [QueueReport(id: "999", name: "999 Emergency", waiting: 3, longestWait: 12.5)])
    }

    func readmeSection() throws -> Substring {
        let readme = try String(contentsOfFile: RequiredTools.repositoryRoot + "/README.md", encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "### From JSON and CSV"))
        let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex)?.lowerBound ?? readme.endIndex
        return readme[start.lowerBound..<end]
    }

    func between(_ text: Substring, _ open: String, _ close: String) throws -> String {
        let a = try XCTUnwrap(text.range(of: open), "README: no '\(open)'")
        let b = try XCTUnwrap(text.range(of: close, range: a.upperBound..<text.endIndex), "README: no '\(close)'")
        return String(text[a.upperBound..<b.lowerBound])
    }

    /// The first fenced block of `language` in the README's "From JSON and CSV" section.
    func readmeExample(_ language: String) throws -> String {
        try between(readmeSection(), "```\(language)\n", "\n```\n") + "\n"
    }
}
