import Foundation
import WallboardCore
import XCTest

/// `A` records through the real `wallboard-publish send` in each input format, received on a real
/// multicast socket and decoded as a board would.
extension FeedPublishEndToEndTests {
    static let expectedHandlers = [
        HandlerReport(id: "4711", name: "Priya Patel", state: .onBreak, reason: "Meal break", since: 912, scope: "999"),
        HandlerReport(id: "4712", name: "Ben Davies", state: .onCall, since: 74),
    ]

    func testSendLinesCarryHandlerRecordsAndRefuseABadOneNamingTheField() throws {
        let input = """
            Q id=999 waiting=1 oldest=2
            A id=4711 name=Priya%20Patel state=break reason=Meal%20break since=912 scope=999
            A id=4712 name=Ben%20Davies state=oncall since=74

            Q id=999 waiting=2 oldest=3
            A id=4713 state=On%20Call

            """
        let (r, applied, raw) = try sendFormat("line", input, expectDatagrams: 1)
        XCTAssertEqual(r.status, 1)
        // The snapshot holding the bad A line is not sent at all (nothing half-published).
        XCTAssertTrue(r.stderr.contains("stdin:6: A: state='On%20Call' is not a state word"), r.stderr)
        XCTAssertTrue(r.stderr.contains("(snapshot not sent)"), r.stderr)
        XCTAssertEqual(applied.count, 1, "\(raw)")
        XCTAssertEqual(applied.last?.handlers, Self.expectedHandlers, "\(raw)")
    }

    func testSendJSONAndCSVCarryHandlers() throws {
        let json = """
            {"queues":[{"id":"999","waiting":1,"oldest":2}],"handlers":[{"id":"4711","name":"Priya Patel","state":"break","reason":"Meal break","since":912,"scope":"999"},{"id":"4712","name":"Ben Davies","state":"oncall","since":74}]}

            """
        let (rj, appliedJSON, rawJSON) = try sendFormat("json", json, expectDatagrams: 1)
        XCTAssertEqual(rj.status, 0, rj.stderr)
        XCTAssertEqual(appliedJSON.last?.handlers, Self.expectedHandlers, "\(rawJSON)")

        let csv = """
            record,id,name,state,reason,since,scope,waiting,oldest
            Q,999,,,,,,1,2
            A,4711,Priya Patel,break,Meal break,912,999,,
            A,4712,Ben Davies,oncall,,74,,,

            """
        let (rc, appliedCSV, rawCSV) = try sendFormat("csv", csv, expectDatagrams: 1)
        XCTAssertEqual(rc.status, 0, rc.stderr)
        XCTAssertEqual(appliedCSV.last?.handlers, Self.expectedHandlers, "\(rawCSV)")
    }
}
