import XCTest
@testable import WallboardCore

/// The `I` record: decoded and encoded by one validator; anything malformed rejects the datagram
/// whole, with a reason naming the line and the field.
final class IncidentRecordTests: XCTestCase {
    let header = "WB 1 pub=p session=1 seq=1 sent=0\n"

    func decode(_ body: String) throws -> FeedMessage { try FeedDecoder().decode(Array((header + body).utf8)) }

    func malformed(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try decode(body)
            XCTFail("accepted: \(body)", file: file, line: line)
            return ""
        } catch FeedError.malformed(let l, let detail) {
            return "\(l): \(detail)"
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return ""
        }
    }

    func testAFullRecordDecodesAndRoundTrips() throws {
        let m = try decode(
            "I grade=immediate area=urban name=Immediate%20Urban open=7 unresourced=2 oldest=312.5 target=900 attended=40 within=37 period=since%2000:00\n"
                + "I grade=immediate area=rural open=0 unresourced=0 oldest=0\n")
        XCTAssertEqual(m.incidents.count, 2)
        let i = m.incidents[0]
        XCTAssertEqual(i.id, "immediate/urban")
        XCTAssertEqual(i.name, "Immediate Urban")
        XCTAssertEqual([i.open, i.unresourced, i.attended, i.attendedWithinTarget], [7, 2, 40, 37])
        XCTAssertEqual(i.oldestUnresourced, 312.5)
        XCTAssertEqual(i.targetSeconds, 900)
        XCTAssertEqual(i.period, "since 00:00")
        XCTAssertFalse(m.isHeartbeat, "incidents alone are figures, not a heartbeat")
        let bytes = try FeedEncoder().encode(m)
        XCTAssertEqual(try FeedDecoder().decode(bytes), m)
        XCTAssertEqual(try FeedDecoder.parseRecord(Array("I grade=priority area=rural open=3 unresourced=1 oldest=60".utf8), line: 4),
                       .incident(IncidentReport(grade: "priority", area: "rural", open: 3, unresourced: 1, oldestUnresourced: 60)))
    }

    func testMalformedIncidentsAreRejectedWholeWithAReason() {
        let cases: [(String, String)] = [
            ("I area=urban open=1 unresourced=0 oldest=0\n", "2: I: missing required field 'grade'"),
            ("I grade=immediate open=1 unresourced=0 oldest=0\n", "2: I: missing required field 'area'"),
            ("I grade=immediate area=urban unresourced=0 oldest=0\n", "2: I: missing required field 'open'"),
            ("I grade=immediate area=urban open=1 oldest=0\n", "2: I: missing required field 'unresourced'"),
            ("I grade=immediate area=urban open=1 unresourced=0\n", "2: I: missing required field 'oldest'"),
            ("I grade=immediate area=urban open=1 unresourced=2 oldest=5\n", "2: I: unresourced=2 is more than open=1"),
            ("I grade=immediate area=urban open=1 unresourced=0 oldest=5\n", "2: I: oldest=5.0 but unresourced=0 (oldest is 0 when none)"),
            ("I grade=immediate area=urban open=1 unresourced=1 oldest=-5\n", "2: I: oldest='-5' is not a number of seconds"),
            ("I grade=immediate area=urban open=1.5 unresourced=1 oldest=5\n", "2: I: open='1.5' is not a whole number (0 or more)"),
            ("I grade=imm%2Fediate area=urban open=1 unresourced=0 oldest=0\n", "2: I: grade='imm/ediate' is not a name (1–32 letters, digits, '_', '-')"),
            ("I grade=immediate area=urban open=1 unresourced=0 oldest=0 target=0\n", "2: I: target must be above 0 seconds"),
            ("I grade=immediate area=urban open=1 unresourced=0 oldest=0 attended=3 within=4\n", "2: I: within=4 is more than attended=3"),
            ("I grade=immediate area=urban open=1 unresourced=0 oldest=0 within=4\n", "2: I: within needs attended (within counts attended incidents)"),
            ("I grade=immediate area=urban open=1 open=2 unresourced=0 oldest=0\n", "2: I: field 'open' appears twice"),
            ("Q id=1 waiting=0 oldest=0\nI grade=a area=b open=0 unresourced=0 oldest=0\nI grade=a area=b open=1 unresourced=0 oldest=0\n",
             "4: I: grade 'a' in area 'b' appears twice"),
        ]
        for (body, reason) in cases { XCTAssertEqual(malformed(body), reason, body) }
        // A good queue beside a bad incident is not applied either: the datagram is rejected whole.
        var intake = FeedIntake()
        let bytes = Array((header + "Q id=999 waiting=1 oldest=1\nI grade=a area=b open=0 unresourced=1 oldest=1\n").utf8)
        guard case .rejected = bytes.withUnsafeBytes({ intake.receive($0, now: 0, from: "t") }) else { return XCTFail("applied") }
    }

    func testTheEncoderRefusesWhatTheDecoderWould() {
        let bad = IncidentReport(grade: "immediate", area: "urban", open: 1, unresourced: 3, oldestUnresourced: 4)
        XCTAssertThrowsError(try FeedEncoder().incidentLine(bad, line: 2)) { error in
            XCTAssertEqual("\(error)", "\(FeedError.malformed(line: 2, detail: "I: unresourced=3 is more than open=1"))")
        }
        XCTAssertThrowsError(try FeedEncoder().incidentLine(
            IncidentReport(grade: "a b", area: "urban", open: 0, unresourced: 0, oldestUnresourced: 0), line: 2))
    }

    func testPublisherCarriesIncidentsAndSplitsBetweenLines() throws {
        var publisher = FeedPublisher(publisher: "p", session: 1)
        let incidents = (0..<30).map {
            IncidentReport(grade: "grade\($0)", area: "urban", open: 5, unresourced: 1, oldestUnresourced: 60, targetSeconds: 900)
        }
        let datagrams = try publisher.datagrams(queues: [], staff: [], incidents: incidents, sentAtMilliseconds: 0)
        XCTAssertGreaterThan(datagrams.count, 1, "30 incident lines do not fit 1400 bytes")
        let decoded = try datagrams.flatMap { try FeedDecoder().decode($0).incidents }
        XCTAssertEqual(decoded, incidents)
    }

    func testFieldsFromJSONOrCSVMeetTheSameValidator() {
        XCTAssertThrowsError(try FeedRecord.parse(
            type: "I", fields: [("grade", "immediate"), ("area", "urban"), ("open", "1"), ("unresourced", "2"), ("oldest", "3")], line: 5)
        ) { error in
            XCTAssertEqual("\(error)", "\(FeedError.malformed(line: 5, detail: "I: unresourced=2 is more than open=1"))")
        }
    }
}
