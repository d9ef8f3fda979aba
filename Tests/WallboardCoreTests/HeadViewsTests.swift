import XCTest
@testable import WallboardCore

/// `[display] views`: one queue list per connector, checked with file:line:column like every key,
/// and `Scene.view(showing:)`, which keeps only a head's tiles, in its order.
final class HeadViewsTests: XCTestCase {
    func testViewsParseOneListPerConnector() throws {
        let config = try WallboardConfig(parsing: "[display]\nconnector = HDMI-A-1, HDMI-A-2\nviews = 999, 101 | crime,online\n")
        XCTAssertEqual(config.display.views, [["999", "101"], ["crime", "online"]])
        XCTAssertEqual(try WallboardConfig(parsing: "[display]\n").display.views, [], "default: every head shows every queue")
        // Order of keys does not matter: views may come before connector.
        let reversed = try WallboardConfig(parsing: "[display]\nviews = 999 | 101\nconnector = HDMI-A-1, HDMI-A-2\n")
        XCTAssertEqual(reversed.display.views, [["999"], ["101"]])
        // One connector (or none named) takes one view: a single screen showing a subset.
        XCTAssertEqual(try WallboardConfig(parsing: "[display]\nviews = 101, 999\n").display.views, [["101", "999"]])
    }

    func testBadViewsNameLineColumnAndExpectation() {
        let shape = "one queue list per connector, separated by |, like 999, 101 | crime, online"
        let table: [(String, String, UInt)] = [
            ("[display]\nconnector = A-1, A-2\nviews = 999 | | 101\n",
             "t.conf:3:9: 'views': '999 | | 101' is not \(shape) (at most two screens)", #line),
            ("[display]\nconnector = A-1, A-2\nviews = 999 | \n",
             "t.conf:3:9: 'views': '999 |' is not \(shape)", #line),
            ("[display]\nconnector = A-1, A-2\nviews = 999, 101, 999 | crime\n",
             "t.conf:3:9: 'views': '999, 101, 999 | crime' is not \(shape) ('999' appears twice in one view)", #line),
            ("[display]\nconnector = A-1, A-2\nviews = 999\n",
             "t.conf:3:9: 'views' gives 1 view(s) but 'connector' names 2 screen(s); give one queue list per connector, separated by |", #line),
            ("[display]\nviews = 999 | 101\n",
             "t.conf:2:9: 'views' gives 2 view(s) but 'connector' names 1 screen(s); give one queue list per connector, separated by |", #line),
            ("[display]\nveiws = 999\n",
             "t.conf:2:1: unknown key 'veiws' in [display]; did you mean 'views'?", #line),
        ]
        for (text, expected, line) in table {
            XCTAssertThrowsError(try WallboardConfig(parsing: text, file: "t.conf"), line: line) { error in
                XCTAssertEqual((error as? ConfigErrors)?.errors.first?.description, expected, line: line)
            }
        }
    }

    func testViewKeepsOnlyItsTilesInItsOrder() throws {
        var engine = BoardEngine(config: try WallboardConfig(parsing: "[board]\nqueues = 999, 101, crime\n"), startedAt: 0)
        let scene = engine.scene(now: 1, wallTime: WallTime(secondsOfDay: 0))
        XCTAssertEqual(scene.tiles.map(\.id), ["999", "101", "crime"])
        XCTAssertEqual(scene.view(showing: nil), scene, "no view: every tile")
        let view = scene.view(showing: ["crime", "999", "online"])
        XCTAssertEqual(view.tiles.map(\.id), ["crime", "999"], "the view's order; a queue without a tile is absent")
        XCTAssertEqual(view.header, scene.header)
        XCTAssertEqual(view.footer, scene.footer)
    }
}

/// `[display] views` lists incident tiles by GRADE/AREA beside queues, and a tile no head lists is
/// never hidden silently: the footer names it, and in breach it is on every screen's ALSO IN
/// BREACH strip.
final class HeadViewsIncidentTests: XCTestCase {
    func engine(_ views: String) throws -> BoardEngine {
        let config = try WallboardConfig(parsing: "[display]\nconnector = HDMI-A-1, HDMI-A-2\nviews = \(views)\n")
        var engine = BoardEngine(config: config, startedAt: 0, heads: 2)
        let incidents = [
            IncidentReport(grade: "immediate", area: "urban", open: 3, unresourced: 1, oldestUnresourced: 60, targetSeconds: 900),
            IncidentReport(grade: "immediate", area: "rural", open: 2, unresourced: 1, oldestUnresourced: 1300, targetSeconds: 1200),
        ]
        engine.apply(FeedMessage(
            publisher: "p", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2,
            queues: ["999", "101", "crime"].map { QueueReport(id: $0, name: $0, waiting: 1, longestWait: 1) }, incidents: incidents), at: 1)
        return engine
    }

    func testAViewListsIncidentTilesByGradeAndArea() throws {
        var engine = try engine("999, immediate/urban | 101, crime, immediate/rural")
        let scene = engine.scene(now: 1, wallTime: WallTime(secondsOfDay: 0))
        let first = scene.view(showing: engine.view(head: 0))
        XCTAssertEqual(first.tiles.map(\.title), ["999", "IMMEDIATE URBAN"])
        XCTAssertEqual(scene.view(showing: engine.view(head: 1)).tiles.map(\.title), ["101", "crime", "IMMEDIATE RURAL"])
        XCTAssertFalse(scene.footer.feed.contains("not on any screen"), scene.footer.feed)
        XCTAssertEqual(scene.hiddenBreaches, [])
    }

    func testATileOnNoScreenIsNamedAndItsBreachStaysOnTheWall() throws {
        var engine = try engine("999, immediate/urban | 101")
        let scene = engine.scene(now: 1, wallTime: WallTime(secondsOfDay: 0))
        XCTAssertTrue(scene.footer.feed.contains("not on any screen: crime, immediate/rural"), scene.footer.feed)
        for head in 0..<2 {
            let view = scene.view(showing: engine.view(head: head))
            XCTAssertEqual(view.hiddenBreaches, ["IMMEDIATE RURAL"], "the rural breach (21:40 > 20:00) is named on screen \(head)")
            XCTAssertEqual(view.currentPage().hiddenBreaches, ["IMMEDIATE RURAL"])
        }
        // A queue id shaped like GRADE/AREA is listed with queue: in front.
        XCTAssertEqual(AlarmSubject(name: "queue:immediate/urban").tileID, "immediate/urban")
    }
}
