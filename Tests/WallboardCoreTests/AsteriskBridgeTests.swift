import XCTest

@testable import WallboardCore

/// The Asterisk bridge's pure pieces: AMI framing, the floor's figures, the session's conversation,
/// the reconnect back-off.
final class AsteriskBridgeTests: XCTestCase {
    func messages(_ outputs: [AMIFramer.Output]) -> [AMIMessage] {
        outputs.compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    func testFramerReadsBannerAndBlocksWithCRLFOrBareLFAcrossReads() {
        let wire = "Asterisk Call Manager/5.0.1\r\nResponse: Success\r\nActionID: a1\r\nMessage: Authentication accepted\r\n\r\n"
            + "Event: QueueMemberPause\nQueue: 999\nPausedReason: \n\n"
        var whole = AMIFramer()
        let all = whole.feed(Array(wire.utf8))
        var piecewise = AMIFramer()
        var pieces: [AMIFramer.Output] = []
        for b in wire.utf8 { pieces += piecewise.feed([b]) }
        XCTAssertEqual(all, pieces, "a message split over reads is the same message")
        XCTAssertEqual(all.first, .banner("Asterisk Call Manager/5.0.1"))
        let m = messages(all)
        XCTAssertEqual(m.count, 2)
        XCTAssertEqual(m[0].response, "Success")
        XCTAssertEqual(m[0]["actionid"], "a1", "keys are looked up regardless of case")
        XCTAssertEqual(m[1].event, "QueueMemberPause")
        XCTAssertEqual(m[1]["PausedReason"], "", "an empty value is a value")
        XCTAssertEqual(whole.malformedCount, 0)
    }

    func testFramerDropsAMalformedBlockWholeCountsItAndGoesOn() {
        var f = AMIFramer()
        let long = String(repeating: "x", count: AMIFramer.maximumLineBytes + 10)
        let out = f.feed(Array((
            "Asterisk Call Manager/5.0.1\r\nEvent: QueueMemberStatus\r\nQueue: 101\r\ngarbage\r\nStatus: 1\r\n\r\n"
            + "Event: Long\r\nValue: \(long)\r\n\r\n"
            + "Event: QueueMemberStatus\r\nQueue: 999\r\n\r\n").utf8))
        XCTAssertEqual(out.count, 4)
        XCTAssertEqual(out[1], .malformed("block (Event QueueMemberStatus): line 3 'garbage' is not 'Key: Value'"))
        XCTAssertEqual(out[2], .malformed("block (Event Long): line 2 is longer than 8192 bytes"))
        XCTAssertEqual(messages(out).map { $0["Queue"] }, ["999"], "the next block applies")
        XCTAssertEqual(f.malformedCount, 2)
    }

    func testFewestWithinNeverRoundsTowardTheBetterSide() {
        XCTAssertEqual(AsteriskFloor.fewestWithin(answered: 412, performanceTenths: 900), 371)
        XCTAssertEqual(AsteriskFloor.fewestWithin(answered: 0, performanceTenths: 0), 0)
        XCTAssertEqual(AsteriskFloor.fewestWithin(answered: 3000, performanceTenths: 1000), 2999, "99.97% prints as 100.0")
        // Every count Asterisk can have: the figure derived agrees with what it printed, and is
        // never more than the true count.
        for answered in 1...400 {
            for within in 0...answered {
                // %2.1f of 100·within/answered, ties either way (half-up here, half-even in C).
                let printed = (2000 * within + answered) / (2 * answered)
                let derived = AsteriskFloor.fewestWithin(answered: answered, performanceTenths: printed)
                XCTAssertLessThanOrEqual(derived, within, "\(within)/\(answered) printed \(printed)")
                XCTAssertGreaterThanOrEqual(2000 * derived, (2 * printed - 1) * answered, "\(derived)/\(answered) does not print \(printed)")
            }
        }
        XCTAssertEqual(AsteriskFloor.tenths("50.4"), 504)
        XCTAssertEqual(AsteriskFloor.tenths("100.0"), 1000)
        XCTAssertNil(AsteriskFloor.tenths("-1.0"))
        XCTAssertNil(AsteriskFloor.tenths("5.25"))
    }

    func testMemberStatesFromDeviceStatePauseAndWrapUp() {
        func s(_ status: Int, paused: Bool = false, since: Double? = nil, wrap: Int = 0) -> AsteriskMemberState {
            AsteriskMemberState(status: status, paused: paused, secondsSinceLastCall: since, wrapupSeconds: wrap)
        }
        XCTAssertEqual((0...8).map { s($0) }, [.other, .available, .oncall, .oncall, .offline, .offline, .oncall, .oncall, .oncall])
        XCTAssertEqual(s(1, paused: true), .onBreak)
        XCTAssertEqual(s(2, paused: true), .onBreak)
        XCTAssertEqual(s(5, paused: true), .offline, "an unreachable phone is not on break")
        XCTAssertEqual(s(1, since: 12, wrap: 30), .wrap)
        XCTAssertEqual(s(1, since: 31, wrap: 30), .available)
        XCTAssertEqual(s(1, since: 12, wrap: 0), .available, "no Wrapuptime reported: no wrap-up")
    }

    func testFloorKeepsAsteriskStampsForSinceAndTheTransitionItSaw() {
        var floor = AsteriskFloor()
        floor.beginPoll()
        floor.apply(AMIMessage([("Event", "QueueParams"), ("Queue", "999"), ("Completed", "10"), ("Abandoned", "1")]), now: 0, unixNow: 1000)
        floor.apply(AMIMessage([("Event", "QueueMember"), ("Queue", "999"), ("Name", "Cara"), ("Location", "PJSIP/2003"),
            ("Status", "1"), ("Paused", "1"), ("PausedReason", "Lunch"), ("LastPause", "900")]), now: 0, unixNow: 1000)
        floor.apply(AMIMessage([("Event", "QueueMember"), ("Queue", "999"), ("Name", "Ben"), ("Location", "PJSIP/2002"),
            ("Status", "1")]), now: 0, unixNow: 1000)
        floor.finishPoll(unixNow: 1000)
        XCTAssertEqual(floor.handlerReports(unixNow: 1010), [
            HandlerReport(id: "PJSIP/2003", name: "Cara", state: .onBreak, reason: "Lunch", since: 110, scope: "999"),
            HandlerReport(id: "PJSIP/2002", name: "Ben", state: .available, since: nil, scope: "999"),
        ], "a pause runs from LastPause; a member first seen free has no known since")
        floor.apply(AMIMessage([("Event", "QueueMemberStatus"), ("Queue", "999"), ("Interface", "PJSIP/2002"), ("Status", "2")]),
            now: 20, unixNow: 1020)
        XCTAssertEqual(floor.handlerReports(unixNow: 1030).last,
            HandlerReport(id: "PJSIP/2002", name: "Ben", state: .onCall, since: 10, scope: "999"),
            "the change the bridge saw; an event keeps what it does not say (the name)")
        XCTAssertNil(floor.handlerReports(unixNow: 800).first?.since, "a LastPause ahead of this clock is unknown, not 0")
        floor.apply(AMIMessage([("Event", "QueueMemberRemoved"), ("Queue", "999"), ("Interface", "PJSIP/2003")]), now: 30, unixNow: 1030)
        XCTAssertEqual(floor.staffReports(unixNow: 1030), [
            StaffReport(scope: "999", available: 0, onCall: 1, wrapUp: 0, onBreak: 0), StaffReport(available: 0, onCall: 1, wrapUp: 0, onBreak: 0),
        ])
        XCTAssertEqual(floor.queueReports(now: 30).first?.offered, 11)
        XCTAssertNil(floor.queueReports(now: 30).first?.answeredWithinTarget, "no ServiceLevel: no target, no within")
    }

    func testAHandlerInSeveralQueuesIsOneRecordInItsFloorWideState() {
        var floor = AsteriskFloor()
        floor.beginPoll()
        for (queue, paused) in [("999", "1"), ("101", "0")] {
            floor.apply(AMIMessage([("Event", "QueueMember"), ("Queue", queue), ("Name", "Alice"), ("Location", "PJSIP/2001"),
                ("Status", "1"), ("Paused", paused), ("PausedReason", paused == "1" ? "Training" : ""), ("LastPause", "900")]),
                now: 0, unixNow: 1000)
        }
        floor.apply(AMIMessage([("Event", "QueueMember"), ("Queue", "101"), ("Name", "Dev"), ("Location", "PJSIP/2004"), ("Status", "0")]),
            now: 0, unixNow: 1000)
        floor.finishPoll(unixNow: 1000)
        XCTAssertEqual(floor.handlerReports(unixNow: 1000), [
            HandlerReport(id: "PJSIP/2001", name: "Alice", state: .available, scope: nil),
            HandlerReport(id: "PJSIP/2004", name: "Dev", state: .other("unknown"), scope: "101"),
        ], "paused for 999 but taking 101's calls is available; an unknown device state is sent as 'unknown'")
        XCTAssertEqual(floor.staffReports(unixNow: 1000).last, StaffReport(available: 1, onCall: 0, wrapUp: 0, onBreak: 0, other: 1))
    }

    func send(_ effects: [AsteriskSession.Effect]) -> [AMIMessage] {
        effects.compactMap { if case .send(let m) = $0 { m } else { nil } }
    }

    func wire(_ blocks: [[(String, String)]]) -> [UInt8] {
        blocks.flatMap { AMIMessage($0.map { (key: $0.0, value: $0.1) }).wireBytes }
    }

    func testSessionLogsInPollsAndPublishesOnlyCompleteAnswers() {
        var s = AsteriskSession(user: "wb", secret: "pw", interval: 2)
        s.connected(now: 0)
        XCTAssertEqual(s.tick(now: 1), [])
        let hello = s.receive(Array("Asterisk Call Manager/5.0.1\r\n".utf8), now: 1, unixNow: 0)
        let login = send(hello).first
        XCTAssertEqual(login?["Action"], "Login")
        XCTAssertEqual(login?["Username"], "wb")
        XCTAssertEqual(login?["Secret"], "pw")
        XCTAssertEqual(s.receive(wire([[("Response", "Success"), ("ActionID", "other"), ("Message", "x")]]), now: 1, unixNow: 0), [],
            "an answer to another action is not the login's")
        XCTAssertEqual(s.receive(wire([[("Response", "Success"), ("ActionID", login!.actionID!)]]), now: 1, unixNow: 0), [.log("logged in as 'wb'")])
        let poll = send(s.tick(now: 1))
        XCTAssertEqual(poll.map { $0["Action"] }, ["QueueSummary", "QueueStatus"])
        XCTAssertEqual(s.tick(now: 1.5), [], "one poll at a time")
        let (sum, stat) = (poll[0].actionID!, poll[1].actionID!)
        var effects = s.receive(wire([
            [("Response", "Success"), ("ActionID", sum), ("EventList", "start")],
            [("Event", "QueueSummary"), ("Queue", "999"), ("Callers", "3"), ("LongestHoldTime", "20"), ("ActionID", sum)],
            [("Event", "QueueSummaryComplete"), ("ActionID", sum), ("EventList", "Complete")],
            [("Response", "Success"), ("ActionID", stat), ("EventList", "start")],
            [("Event", "QueueParams"), ("Queue", "999"), ("Completed", "5"), ("Abandoned", "0"), ("ActionID", stat)],
        ]), now: 2, unixNow: 0)
        XCTAssertEqual(effects, [], "half the poll publishes nothing")
        effects = s.receive(wire([[("Event", "QueueStatusComplete"), ("ActionID", stat), ("EventList", "Complete")]]), now: 2, unixNow: 0)
        XCTAssertEqual(effects, [.publish])
        XCTAssertEqual(s.floor.queueReports(now: 3).first?.longestWait, 21, "aged by the second since the answer")
        XCTAssertEqual(s.nextDeadline(), 3, "the next poll one interval after this one was sent")
        XCTAssertEqual(send(s.tick(now: 3)).count, 2)
        XCTAssertEqual(s.tick(now: 13.5), [.disconnect("no complete answer to QueueSummary and QueueStatus within 10 s")])
        XCTAssertTrue(s.disconnected())
        XCTAssertFalse(s.isLoggedIn)
    }

    func testSessionRefusedLoginAndForeignGreetingDisconnectWithTheReason() {
        var s = AsteriskSession(user: "wb", secret: "pw", interval: 1)
        s.connected(now: 0)
        let id = send(s.receive(Array("Asterisk Call Manager/2.10.4\r\n".utf8), now: 0, unixNow: 0)).first!.actionID!
        XCTAssertEqual(s.receive(wire([[("Response", "Error"), ("ActionID", id), ("Message", "Authentication failed")]]), now: 0, unixNow: 0),
            [.disconnect("login as 'wb' refused: Authentication failed")])
        XCTAssertFalse(s.disconnected())
        s.connected(now: 10)
        XCTAssertEqual(s.receive(Array("SSH-2.0-OpenSSH_9.2\r\n".utf8), now: 10, unixNow: 0),
            [.disconnect("not an Asterisk manager interface: it greeted with 'SSH-2.0-OpenSSH_9.2'")])
        s.connected(now: 20)
        XCTAssertEqual(s.tick(now: 31), [.disconnect("no Asterisk Call Manager banner within 10 s")])
    }

    func testBackoffDoublesToItsCapAndStartsAgainAfterSuccess() {
        var b = ReconnectBackoff()
        XCTAssertEqual((0..<7).map { _ in b.delay() }, [1, 2, 4, 8, 16, 30, 30])
        b.succeeded()
        XCTAssertEqual(b.delay(), 1)
    }
}
