import XCTest
@testable import WallboardCore

final class FeedCodecTests: XCTestCase {
    func testRoundTripUnsignedAndSigned() throws {
        let m = FeedSamples.message()
        let plain = try FeedEncoder().encode(m)
        XCTAssertEqual(try FeedDecoder().decode(plain), m)
        let signed = try FeedEncoder(key: FeedSamples.key).encode(m)
        XCTAssertEqual(try FeedDecoder(keys: [FeedSamples.key]).decode(signed), m)
        // Without a key, a signed datagram still decodes (signature checked for form only).
        XCTAssertEqual(try FeedDecoder().decode(signed), m)
        XCTAssertTrue(String(decoding: signed, as: UTF8.self).contains("\nSIG key=k1 hmac="))
    }

    func testEncodedTextIsTheDocumentedForm() throws {
        let text = String(decoding: try FeedEncoder().encode(FeedSamples.message()), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], "WB 1 pub=acd-a session=5f2a seq=1 sent=1763740800123 interval=2 floor=North%20Control")
        XCTAssertEqual(lines[1], "Q id=999 name=999%20Emergency waiting=3 oldest=12.5 offered=412 answered=398 abandoned=9 within=371 target=10 asa=6.2 period=since%2000:00 x.silent=4 x.delta=-1.25")
        XCTAssertEqual(lines[2], "Q id=crime name=Crime%20Recording%20–%20Desk waiting=6 oldest=912")
        XCTAssertEqual(lines[3], "S scope=999 available=2 oncall=9 wrap=1 break=1")
        XCTAssertEqual(lines[4], "S available=7 oncall=31 wrap=4 break=5 other=2")
        XCTAssertEqual(lines.last, "")
    }

    func testHeartbeatRoundTrip() throws {
        let hb = FeedMessage(publisher: "p", session: 0xffff_ffff_ffff_ffff, sequence: UInt64.max, sentAtMilliseconds: 0)
        let bytes = try FeedEncoder(key: FeedSamples.key).encode(hb)
        let back = try FeedDecoder(keys: [FeedSamples.key]).decode(bytes)
        XCTAssertEqual(back, hb)
        XCTAssertTrue(back.isHeartbeat)
    }

    func testTheSignedExampleInProtocolMdVerifies() throws {
        // Copied verbatim from PROTOCOL.md ("The signature above is real: key id k1, secret example-key").
        let text = """
            WB 1 pub=acd-a session=5f2a9c01d3e4b607 seq=1042 sent=1763740800123 interval=2 floor=North%20Control
            Q id=999 name=999%20Emergency waiting=3 oldest=12.5 offered=412 answered=398 abandoned=9 within=371 target=10 asa=6.2 period=since%2000:00 x.silent=4
            Q id=101 name=101%20Non-emergency waiting=14 oldest=184 offered=1290 answered=1105 abandoned=131 within=602 target=30 asa=97 period=since%2000:00
            Q id=crime name=Crime%20Recording waiting=6 oldest=912 offered=240 answered=171 abandoned=58 within=40 target=300 asa=530
            S scope=999 available=2 oncall=9 wrap=1 break=1
            S available=7 oncall=31 wrap=4 break=5 other=2
            SIG key=k1 hmac=c08898a97466e075ee8d27c19ccc51540140dbf36d17ca984839f53576931e07

            """
        let m = try FeedDecoder(keys: [FeedSamples.key]).decode(Array(text.utf8))
        XCTAssertEqual(m.publisher, "acd-a")
        XCTAssertEqual(m.session, 0x5f2a_9c01_d3e4_b607)
        XCTAssertEqual(m.sequence, 1042)
        XCTAssertEqual(m.floor, "North Control")
        XCTAssertEqual(m.queues.map(\.id), ["999", "101", "crime"])
        XCTAssertEqual(m.queues[0].extras, [ExtraFigure(name: "silent", value: 4)])
        XCTAssertEqual(m.queues[1].averageSpeedOfAnswer, 97)
        XCTAssertEqual(m.queues[2].name, "Crime Recording")
        XCTAssertNil(m.queues[2].period)
        XCTAssertEqual(m.staff[1], StaffReport(available: 7, onCall: 31, wrapUp: 4, onBreak: 5, other: 2))
        // One flipped byte anywhere in the signed part breaks it.
        var tampered = Array(text.utf8)
        tampered[text.utf8.count / 2] ^= 0x01
        XCTAssertThrowsError(try FeedDecoder(keys: [FeedSamples.key]).decode(tampered))
    }

    func testForwardCompatibilityUnknownFieldsAndRecordsAreSkipped() throws {
        let text = "WB 1 pub=a session=1 seq=2 sent=3 colour=blue\nQ id=q waiting=1 oldest=0 mood=calm\nZ2 whatever = goes\n"
            + "S available=1 oncall=2 wrap=3 break=4 future=9"
        let m = try FeedDecoder().decode(Array(text.utf8))
        XCTAssertEqual(m.queues, [QueueReport(id: "q", name: "q", waiting: 1, longestWait: 0)])
        XCTAssertEqual(m.staff, [StaffReport(available: 1, onCall: 2, wrapUp: 3, onBreak: 4)])
        XCTAssertEqual(try FeedDecoder.parseRecord(Array("NEWTHING a=b".utf8), line: 3), .unknown(type: "NEWTHING"))
    }

    func testNumbersParseExactlyAndEncodeWithoutExponent() throws {
        let q = QueueReport(id: "q", name: "q", waiting: 0, longestWait: 0.001, targetSeconds: 123_456_789_012.5,
                            averageSpeedOfAnswer: 1e-9, extras: [ExtraFigure(name: "n", value: -0.5)])
        let text = String(decoding: try FeedEncoder().queueLine(q, line: 2), as: UTF8.self)
        XCTAssertEqual(text, "Q id=q waiting=0 oldest=0.001 target=123456789012.5 asa=0 x.n=-0.5\n")
        let back = try FeedDecoder.parseRecord(Array(text.dropLast().utf8), line: 2)
        guard case .queue(let r) = back else { return XCTFail("\(back)") }
        XCTAssertEqual(r.longestWait, 0.001)
        XCTAssertEqual(r.targetSeconds, 123_456_789_012.5)
        XCTAssertEqual(r.extras.first?.value, -0.5)
        guard case .queue(let r2) = try FeedDecoder.parseRecord(Array("Q id=q waiting=0 oldest=6.123456789".utf8), line: 1)
        else { return XCTFail() }
        XCTAssertEqual(r2.longestWait, 6.123456789)
    }

    func testEncoderRefusesWhatTheProtocolCannotCarry() {
        let e = FeedEncoder()
        XCTAssertThrowsError(try e.queueLine(QueueReport(id: "q", name: "q", waiting: -1, longestWait: 0), line: 2)) {
            XCTAssertEqual("\($0)", "malformed datagram, line 2: waiting=-1 is not a count (0 or more)")
        }
        XCTAssertThrowsError(try e.queueLine(QueueReport(id: "", name: "q", waiting: 1, longestWait: 0), line: 2))
        XCTAssertThrowsError(try e.queueLine(QueueReport(id: "q", name: "q", waiting: 1, longestWait: .nan), line: 2))
        XCTAssertThrowsError(try e.queueLine(QueueReport(id: "q", name: "q", waiting: 1, longestWait: 0,
                                                         extras: [ExtraFigure(name: "bad name", value: 1)]), line: 2))
        var big = FeedSamples.message()
        big.queues = (0..<40).map { QueueReport(id: "queue-\($0)", name: "A long queue name \($0)", waiting: $0, longestWait: 1) }
        XCTAssertThrowsError(try e.encode(big)) { XCTAssertEqual(($0 as? FeedError)?.reason, .tooLarge) }
    }

    func testPublisherSplitsLargeSnapshotsAndEveryPartDecodes() throws {
        var p = FeedPublisher(publisher: "big", session: 7, interval: 2, key: FeedSamples.key)
        let queues = (0..<60).map {
            QueueReport(id: "queue-\($0)", name: "A long queue name number \($0)", waiting: $0, longestWait: Double($0),
                        offered: 100, answered: 90, abandoned: 5, answeredWithinTarget: 80, targetSeconds: 30)
        }
        let staff = [StaffReport(available: 1, onCall: 2, wrapUp: 3, onBreak: 4),
                     StaffReport(scope: "queue-59", available: 0, onCall: 1, wrapUp: 0, onBreak: 0)]
        let datagrams = try p.datagrams(queues: queues, staff: staff, sentAtMilliseconds: 5)
        XCTAssertGreaterThan(datagrams.count, 2)
        let decoder = FeedDecoder(keys: [FeedSamples.key])
        var seen: [QueueReport] = [], seenStaff: [StaffReport] = [], sequences: [UInt64] = []
        for d in datagrams {
            XCTAssertLessThanOrEqual(d.count, 1400)
            let m = try decoder.decode(d)
            seen += m.queues
            seenStaff += m.staff
            sequences.append(m.sequence)
            if m.queues.contains(where: { $0.id == "queue-59" }) {
                XCTAssertTrue(m.staff.contains { $0.scope == "queue-59" }, "scoped staff travel with their queue")
            }
        }
        XCTAssertEqual(seen, queues)
        XCTAssertEqual(Set(seenStaff.map(\.scope)), [nil, "queue-59"])
        XCTAssertEqual(sequences, Array(1...UInt64(datagrams.count)))
        XCTAssertEqual(p.nextSequence, UInt64(datagrams.count) + 1)
        XCTAssertTrue(try decoder.decode(try p.heartbeat(sentAtMilliseconds: 6)).isHeartbeat)
    }

    func testKeyFileContentsDropTrailingWhitespaceOnly() {
        let k = FeedKey(id: "k", keyFileContents: Array(" secret \r\n\n".utf8))
        let direct = FeedKey(id: "k", secret: Array(" secret".utf8))
        XCTAssertEqual(k?.sign(UnsafeRawBufferPointer(start: nil, count: 0)),
                       direct.sign(UnsafeRawBufferPointer(start: nil, count: 0)))
        XCTAssertNil(FeedKey(id: "k", keyFileContents: Array(" \n".utf8)))
    }
}
