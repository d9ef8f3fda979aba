import XCTest
@testable import WallboardCore

/// The `A` record (PROTOCOL.md): decoded strictly, encoded by the same rules, rejected whole when
/// any field is wrong, and split across datagrams by the publisher without losing a handler.
final class FeedHandlerRecordTests: XCTestCase {
    static let h = "WB 1 pub=a session=1 seq=1 sent=0"

    func decode(_ text: String) throws -> FeedMessage { try FeedDecoder().decode(Array(text.utf8)) }

    func testDecodesEveryFieldAndDefaults() throws {
        let m = try decode("""
            \(Self.h)
            A id=4711 name=Priya%20Patel state=break reason=Meal%20break since=912.5 scope=999
            A id=4712 state=oncall
            A id=4713 state=training since=3
            """)
        XCTAssertEqual(m.handlers, [
            HandlerReport(id: "4711", name: "Priya Patel", state: .onBreak, reason: "Meal break", since: 912.5, scope: "999"),
            HandlerReport(id: "4712", name: "4712", state: .onCall),
            HandlerReport(id: "4713", state: .other("training"), since: 3),
        ])
        XCTAssertFalse(m.isHeartbeat, "a datagram with only A records carries state")
    }

    func testEveryKnownWordRoundTrips() throws {
        for state in HandlerState.known + [.other("training")] {
            XCTAssertEqual(HandlerState(word: state.word), state)
        }
        XCTAssertEqual(HandlerState.known.map(\.word), ["available", "oncall", "wrap", "break", "notready", "offline"])
    }

    func testMalformedHandlerFieldsRejectTheWholeDatagramWithAReason() {
        let h = Self.h
        let table: [(String, String)] = [
            ("A state=break", "A: missing required field 'id'"),
            ("A id=1", "A: missing required field 'state'"),
            ("A id=1 state=Break", "A: state='Break' is not a state word"),
            ("A id=1 state=on%20call", "A: state='on%20call' is not a state word"),
            ("A id=1 state=\(String(repeating: "x", count: 17))", "A: state='xxxxxxxxxxxxxxxxx' is not a state word"),
            ("A id=1 state=break since=-3", "A: since='-3' is not a number of seconds"),
            ("A id=1 state=break since=.5", "A: since='.5' is not a number of seconds"),
            ("A id=1 state=break state=oncall", "A: field 'state' appears twice"),
            ("A id=1 state=break reason=\(String(repeating: "r", count: 65))", "A: reason is longer than 64 bytes"),
            ("A id=1 state=break reason=", "A: field 'reason' has an empty value"),
            ("A id=1 state=break ", "A: a space at the end of the line"),
        ]
        for (record, detail) in table {
            let text = "\(h)\nQ id=999 waiting=1 oldest=2\n\(record)"
            XCTAssertThrowsError(try decode(text), record) { error in
                guard case FeedError.malformed(let line, let got) = error else { return XCTFail("\(record): \(error)") }
                XCTAssertEqual(line, 3, record)
                XCTAssertTrue(got.hasPrefix(detail), "\(record): got '\(got)', expected '\(detail)…'")
            }
        }
    }

    func testAHandlerIdAppearsOncePerDatagram() {
        XCTAssertThrowsError(try decode("\(Self.h)\nA id=1 state=break\nA id=1 state=oncall")) { error in
            XCTAssertEqual(error as? FeedError, .malformed(line: 3, detail: "A: handler '1' appears twice"))
        }
        // Handler and queue ids are separate name spaces.
        XCTAssertNoThrow(try decode("\(Self.h)\nQ id=1 waiting=0 oldest=0\nA id=1 state=break"))
    }

    func testEncoderWritesWhatTheDecoderReads() throws {
        let handlers = [
            HandlerReport(id: "4711", name: "Siobhán O'Sullivan", state: .notReady, reason: "Training – IT", since: 65.25, scope: "101"),
            HandlerReport(id: "x", state: .available),
            HandlerReport(id: "y", state: .other("training"), since: 0),
        ]
        let message = FeedMessage(publisher: "p", session: 9, sequence: 3, sentAtMilliseconds: 0, handlers: handlers)
        let bytes = try FeedEncoder().encode(message)
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains(
            "A id=4711 name=Siobhán%20O'Sullivan state=notready reason=Training%20–%20IT since=65.25 scope=101\n"))
        XCTAssertEqual(try FeedDecoder().decode(bytes).handlers, handlers)
    }

    func testEncoderRefusesWhatTheProtocolCannotCarry() {
        let e = FeedEncoder()
        XCTAssertThrowsError(try e.handlerLine(HandlerReport(id: "1", state: .other("Not A Word")), line: 2))
        XCTAssertThrowsError(try e.handlerLine(HandlerReport(id: "1", state: .onBreak, since: -1), line: 2))
        XCTAssertThrowsError(try e.handlerLine(HandlerReport(id: "", state: .onBreak), line: 2))
        XCTAssertThrowsError(try e.handlerLine(HandlerReport(id: "1", state: .onBreak, reason: String(repeating: "r", count: 65)), line: 2))
    }

    func testSixtyHandlersSplitIntoDatagramsThatEachDecodeAndLoseNone() throws {
        let handlers = (1...60).map {
            HandlerReport(id: "agent\($0)", name: "Katarzyna Campbell-Hughes \($0)", state: .onBreak, reason: "Meal break", since: Double($0))
        }
        var publisher = FeedPublisher(publisher: "p", session: 1, key: FeedKey(id: "k", secret: Array("s".utf8)))
        let datagrams = try publisher.datagrams(
            queues: [QueueReport(id: "999", name: "999", waiting: 1, longestWait: 2)], staff: [], handlers: handlers,
            sentAtMilliseconds: 0)
        XCTAssertGreaterThan(datagrams.count, 1)
        let decoder = FeedDecoder(keys: [FeedKey(id: "k", secret: Array("s".utf8))])
        var got: [HandlerReport] = []
        for d in datagrams {
            XCTAssertLessThanOrEqual(d.count, FeedDecoder.maximumSize)
            got += try decoder.decode(d).handlers
        }
        XCTAssertEqual(got, handlers)
    }

    func testParseRecordReadsALineAsSendDoes() throws {
        XCTAssertEqual(
            try FeedDecoder.parseRecord(Array("A id=7 state=wrap since=4".utf8), line: 12),
            .handler(HandlerReport(id: "7", state: .wrapUp, since: 4)))
        XCTAssertEqual(
            try FeedRecord.parse(type: "A", fields: [("id", "7"), ("name", "Ben Davies"), ("state", "offline")], line: 3),
            .handler(HandlerReport(id: "7", name: "Ben Davies", state: .offline)))
    }

    func testSimulatorNamesItsHandlersAndGivesThemStates() {
        var sim = FloorSimulator(seed: 7, startSecondsOfDay: 14 * 3600)
        sim.advance(to: 600)
        let handlers = sim.handlerReports()
        XCTAssertGreaterThan(handlers.count, 20)
        XCTAssertEqual(Set(handlers.map(\.id)).count, handlers.count)
        XCTAssertEqual(Set(handlers.map(\.name)).count, handlers.count, "every seat has its own name")
        XCTAssertTrue(handlers.allSatisfy { ($0.since ?? -1) >= 0 })
        XCTAssertGreaterThan(Set(handlers.map(\.state)).count, 2)
        let onShift = sim.reports().staff[0].total
        XCTAssertEqual(handlers.count, onShift, "one A record per handler counted in the floor-wide S record")
    }
}
