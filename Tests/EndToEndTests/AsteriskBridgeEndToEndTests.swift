import Foundation
import WallboardCore
import WallboardSystem
import XCTest

/// `wallboard-publish asterisk`, the real executable, against recorded manager-interface bytes
/// replayed by a TCP server on 127.0.0.1 (AMIReplayServer), its datagrams received on a real
/// multicast socket and decoded by the board's own intake (the setup of FeedPublishEndToEndTests).
extension FeedPublishEndToEndTests {
    func startBridge(_ server: AMIReplayServer, secretMode: mode_t = 0o600) throws -> (Process, Pipe) {
        let secret = dir + "/ami.secret"
        try "s3cret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, secretMode)
        return try background([
            "asterisk", "--ami", "127.0.0.1:\(server.port)", "--user", "wallboard", "--secret-file", secret,
            "--interval", "0.5", "--publisher", "ast-e2e",
        ] + common)
    }

    /// A receiver, a stand-in Asterisk and the bridge connecting to it, all stopped when the test ends.
    func startBridgeSession() throws -> (inbox: Inbox, server: AMIReplayServer, bridge: (Process, Pipe)) {
        let inbox = Inbox()
        let receiver = try startReceiver(inbox)
        addTeardownBlock { receiver.stop() }
        let server = try AMIReplayServer()
        let bridge = try startBridge(server)
        addTeardownBlock { if bridge.0.isRunning { bridge.0.terminate() } }
        return (inbox, server, bridge)
    }

    /// Stops the bridge and returns what it logged.
    func stopBridge(_ bridge: (Process, Pipe)) -> String {
        bridge.0.terminate()
        bridge.0.waitUntilExit()
        return String(decoding: bridge.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Banner, then the bridge's Login answered with `answer` (its ActionID echoed).
    func greet(_ client: AMIReplayServer.Client, answer: String = "login-accepted") throws {
        try client.send(recorded: "banner")
        let login = try XCTUnwrap(client.readAction(), "the bridge sent no Login")
        XCTAssertEqual(login["Action"], "Login")
        XCTAssertEqual(login["Username"], "wallboard")
        XCTAssertEqual(login["Secret"], "s3cret", "the secret file's text without its newline")
        try client.send(recorded: answer, actionID: login["ActionID"])
    }

    /// Reads the poll's two actions and answers both; `during`, a recording of member events, is
    /// sent inside the QueueStatus list, before its closing QueueStatusComplete.
    func answerPoll(_ client: AMIReplayServer.Client, during: String? = nil) throws {
        let first = try XCTUnwrap(client.readAction(), "no QueueSummary")
        let second = try XCTUnwrap(client.readAction(), "no QueueStatus")
        XCTAssertEqual([first["Action"], second["Action"]], ["QueueSummary", "QueueStatus"])
        XCTAssertNotEqual(first["ActionID"], second["ActionID"], "each action has its own ActionID")
        try client.send(recorded: "queuesummary", actionID: first["ActionID"])
        var status = try AMIReplayServer.recording("queuestatus", actionID: second["ActionID"])
        if let during {
            let marker = Array("Event: QueueStatusComplete".utf8)
            let at = try XCTUnwrap((0...(status.count - marker.count)).first { status[$0..<($0 + marker.count)].elementsEqual(marker) })
            status.insert(contentsOf: try AMIReplayServer.recording(during), at: at)
        }
        client.send(status)
    }

    /// What a board (holding `keys`) would apply of what arrived so far.
    func applied(_ inbox: Inbox, keys: [FeedKey] = []) -> [FeedMessage] {
        var intake = FeedIntake(keys: keys)
        return inbox.all.compactMap {
            if case .apply(let m) = intake.receive($0.bytes, now: $0.receivedAt) { return m }
            return nil
        }
    }

    func waitFor(_ inbox: Inbox, count: Int, keys: [FeedKey] = [], timeout: Double = 10) {
        let end = Date().addingTimeInterval(timeout)
        while applied(inbox, keys: keys).count < count && Date() < end { usleep(10_000) }
    }

    func staff(_ m: FeedMessage?, _ scope: String?) -> StaffReport? { m?.staff.first { $0.scope == scope } }

    func testAsteriskBridgePublishesQueuesAndMembersFromARecordedSession() throws {
        let (inbox, server, bridge) = try startBridgeSession()
        let client = try server.accept()
        try greet(client)
        try answerPoll(client)
        waitFor(inbox, count: 1)
        let first = try XCTUnwrap(applied(inbox).first, "no datagram after a complete poll")
        XCTAssertEqual(first.publisher, "ast-e2e")
        XCTAssertEqual(first.queues.map(\.id), ["999", "101"], "in Asterisk's order")
        let q999 = try XCTUnwrap(first.queues.first)
        XCTAssertEqual(q999.waiting, 2)
        XCTAssertTrue((15..<16).contains(q999.longestWait), "the longest of LongestHoldTime 14 and the entries' Wait 15: \(q999.longestWait)")
        XCTAssertEqual(q999.answered, 412)
        XCTAssertEqual(q999.abandoned, 9)
        XCTAssertEqual(q999.offered, 421, "Completed + Abandoned")
        XCTAssertEqual(q999.targetSeconds, 10)
        XCTAssertEqual(q999.answeredWithinTarget, 371, "the fewest of 412 that print as ServicelevelPerf 90.0")
        XCTAssertEqual(q999.period, "since stats reset")
        XCTAssertEqual(first.queues.last, QueueReport(
            id: "101", name: "101", waiting: 0, longestWait: 0, offered: 142, answered: 130, abandoned: 12,
            answeredWithinTarget: 100, targetSeconds: 30, period: "since stats reset"))
        XCTAssertEqual(staff(first, "999"), StaffReport(scope: "999", available: 1, onCall: 1, wrapUp: 0, onBreak: 1),
            "Alice free, Ben in use, Cara paused; Dev's phone unavailable is not logged in")
        XCTAssertEqual(staff(first, "101"), StaffReport(scope: "101", available: 1, onCall: 1, wrapUp: 0, onBreak: 0),
            "Eve's phone ringing with a queue call counts as on a call")
        XCTAssertEqual(staff(first, nil), StaffReport(available: 1, onCall: 2, wrapUp: 0, onBreak: 1), "Alice counted once")
        let handlers = applied(inbox).flatMap(\.handlers).prefix(5)
        XCTAssertEqual(handlers.map(\.id), ["PJSIP/2001", "PJSIP/2002", "PJSIP/2003", "PJSIP/2004", "PJSIP/2005"])
        XCTAssertEqual(handlers.map(\.state), [.available, .onCall, .onBreak, .offline, .onCall])
        XCTAssertEqual(handlers.map(\.scope), [nil, "999", "999", "999", "101"], "Alice is in two queues: no single scope")
        let cara = try XCTUnwrap(handlers.first { $0.name == "Cara Cole" })
        XCTAssertEqual(cara.reason, "Lunch")
        let paused = Date().timeIntervalSince1970 - 1764588300  // the recording's LastPause
        XCTAssertEqual(try XCTUnwrap(cara.since), paused, accuracy: 5, "in break since Asterisk's LastPause")
        XCTAssertNil(handlers.first?.since, "first seen free: since when is unknown, so not sent")

        // The next poll, with Alice pausing for training while Asterisk lists the members.
        try answerPoll(client, during: "event-pause")
        waitFor(inbox, count: 2)
        let second = try XCTUnwrap(applied(inbox).dropFirst().first, "no datagram after the second poll")
        XCTAssertEqual(staff(second, "999"), StaffReport(scope: "999", available: 0, onCall: 1, wrapUp: 0, onBreak: 2))
        XCTAssertEqual(staff(second, nil), StaffReport(available: 1, onCall: 2, wrapUp: 0, onBreak: 1),
            "Alice still takes 101's calls, so the floor counts her available")
        let log = stopBridge(bridge)
        XCTAssertTrue(log.contains("asterisk 127.0.0.1:\(server.port): connected: Asterisk Call Manager/5.0.1"), log)
        XCTAssertTrue(log.contains("logged in as 'wallboard'"), log)
        XCTAssertFalse(log.contains("s3cret"), "the secret is never logged: \(log)")
    }

    func testAsteriskBridgeRetriesARefusedLoginWithBackOffThenPublishes() throws {
        let (inbox, server, bridge) = try startBridgeSession()
        var refusedAt: [Date] = []
        for _ in 0..<2 {
            let client = try server.accept()
            try greet(client, answer: "login-refused")
            refusedAt.append(Date())
            client.close()  // Asterisk hangs up after a failed login
        }
        let client = try server.accept()
        let third = Date()
        XCTAssertGreaterThan(third.timeIntervalSince(refusedAt[1]), 1.8, "the second retry waits 2 s, not a tight loop")
        XCTAssertEqual(applied(inbox).count, 0, "nothing is published without a login")
        try greet(client)
        try answerPoll(client)
        waitFor(inbox, count: 1)
        XCTAssertEqual(applied(inbox).first?.queues.first?.waiting, 2)
        let log = stopBridge(bridge)
        XCTAssertTrue(log.contains("login as 'wallboard' refused: Authentication failed; not publishing; reconnecting in 1 s"), log)
        XCTAssertTrue(log.contains("login as 'wallboard' refused: Authentication failed; not publishing; reconnecting in 2 s"), log)
    }

    func testAsteriskBridgeStopsPublishingWhileAsteriskRestartsAndReconnects() throws {
        let (inbox, server, bridge) = try startBridgeSession()
        let port = server.port
        let client = try server.accept()
        try greet(client)
        try answerPoll(client)
        waitFor(inbox, count: 1)
        XCTAssertEqual(applied(inbox).count, 1)

        // Mid-poll: the summary answered, the status list cut short, then Asterisk is gone.
        let summary = try XCTUnwrap(client.readAction())
        let status = try XCTUnwrap(client.readAction())
        try client.send(recorded: "queuesummary", actionID: summary["ActionID"])
        let partial = String(decoding: try AMIReplayServer.recording("queuestatus", actionID: status["ActionID"]), as: UTF8.self)
        client.send(Array(partial.prefix(600).utf8))
        client.close()
        server.stop()
        let before = inbox.all.count
        sleep(3)
        XCTAssertEqual(inbox.all.count, before, "nothing published while Asterisk is down, the half answer neither")

        try server.listen(port: port)
        let again = try server.accept()
        try greet(again)
        try answerPoll(again)
        waitFor(inbox, count: 2)
        XCTAssertEqual(applied(inbox).count, 2, "publishing resumes after the reconnect")
        let log = stopBridge(bridge)
        XCTAssertTrue(log.contains("Asterisk closed the connection; not publishing; reconnecting in 1 s"), log)
        XCTAssertTrue(log.contains("cannot connect: Connection refused; not publishing; reconnecting in 2 s"), log)
        XCTAssertEqual(log.components(separatedBy: "logged in as 'wallboard'").count - 1, 2, log)
    }

    func testAsteriskBridgeSkipsAMalformedEventAndAppliesTheRest() throws {
        let (inbox, server, bridge) = try startBridgeSession()
        let client = try server.accept()
        try greet(client)
        try answerPoll(client, during: "event-malformed")
        waitFor(inbox, count: 1)
        let m = try XCTUnwrap(applied(inbox).first)
        XCTAssertEqual(staff(m, "999"), StaffReport(scope: "999", available: 2, onCall: 0, wrapUp: 0, onBreak: 1),
            "Ben's call ended (the event after the bad one applies)")
        XCTAssertEqual(staff(m, "101"), StaffReport(scope: "101", available: 1, onCall: 1, wrapUp: 0, onBreak: 0),
            "the malformed event for Eve is not applied, even in part")
        let log = stopBridge(bridge)
        XCTAssertTrue(log.contains(
            "skipped a malformed AMI message (1 so far): block (Event QueueMemberStatus): line 5 'Interface PJSIP/2005' is not 'Key: Value'"), log)
    }

    func testAsteriskBridgeRefusesASecretFileEveryoneCanRead() throws {
        let server = try AMIReplayServer()
        let secret = dir + "/ami.secret"
        try "s3cret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o644)
        let r = try Executable.run("wallboard-publish", [
            "asterisk", "--ami", "127.0.0.1:\(server.port)", "--user", "wallboard", "--secret-file", secret,
        ] + common)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "wallboard-publish: --secret-file \(secret): readable by everyone (mode 644); make it private first: chmod o-r \(secret)\n")
    }

    /// The README's "From Asterisk" command line, run by bash as written (only the address and the
    /// files swapped for the test's), publishes signed figures; its systemd unit runs the same.
    func testReadmeAsteriskCommandLinePublishesAndTheUnitRunsTheSame() throws {
        let readme = try String(contentsOfFile: RequiredTools.repositoryRoot + "/README.md", encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "### From Asterisk"))
        let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex)?.lowerBound ?? readme.endIndex
        let section = readme[start.lowerBound..<end]
        let command = try between(section, "\nwallboard-publish asterisk ", "\n```").replacingOccurrences(of: "\\\n", with: " ")
        let unit = try between(section, "ExecStart=/usr/bin/wallboard-publish asterisk ", "\n")
        func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " }) }
        XCTAssertEqual(words(command), words(unit), "the systemd unit runs the README's command")

        let inbox = Inbox()
        let receiver = try startReceiver(inbox)
        defer { receiver.stop() }
        let server = try AMIReplayServer()
        let secret = dir + "/ami.secret"
        try "s3cret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o640)
        let line = "exec '\(Executable.url("wallboard-publish").path)' asterisk "
            + command.replacingOccurrences(of: "127.0.0.1:5038", with: "127.0.0.1:\(server.port)")
                .replacingOccurrences(of: "/etc/wallboard/ami.secret", with: secret)
                .replacingOccurrences(of: "/etc/wallboard/feed.key", with: keyPath)
            + " " + common.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", line]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        defer { if process.isRunning { _ = stopBridge((process, out)) } }
        let client = try server.accept()
        try greet(client)
        try answerPoll(client)
        waitFor(inbox, count: 1, keys: [key])
        let first = try XCTUnwrap(applied(inbox, keys: [key]).first, "nothing a board holding the README's key would accept")
        XCTAssertEqual(first.floor, "North Control")
        XCTAssertEqual(first.interval, 1)
        XCTAssertEqual(first.queues.map(\.id), ["999", "101"])
        let log = stopBridge((process, out))
        XCTAssertTrue(log.contains("logged in as 'wallboard'"), log)
    }
}

