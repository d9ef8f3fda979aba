import XCTest
import WallboardCore
@testable import WallboardRender

/// Layout never overlaps and never clips text, from 800×480 to 3840×2160, landscape and portrait.
final class LayoutTests: XCTestCase {
    static let sizes = [(800, 480), (480, 800), (1920, 1080), (3840, 2160), (2160, 3840)]

    func assertDisjoint(_ rects: [Rect], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        // One assertion per call, not per pair: XCTest assertions are slow in bulk.
        let nonEmpty = rects.filter { !$0.isEmpty }
        var overlaps: [String] = []
        for i in nonEmpty.indices {
            for j in nonEmpty.indices where j > i && nonEmpty[i].intersects(nonEmpty[j]) {
                overlaps.append("\(nonEmpty[i]) overlaps \(nonEmpty[j])")
            }
        }
        if !overlaps.isEmpty { XCTFail("\(what): \(overlaps.joined(separator: "; "))", file: file, line: line) }
    }

    func testRegionsTilesAndBoxesNeverOverlapAndHoldTheirText() {
        let metrics = FontMetrics.b612
        for (w, h) in LayoutTests.sizes {
            for count in 0...13 {
                for (banner, staff) in [(false, false), (true, false), (false, true), (true, true)] {
                    // Paged (page marker and ALSO IN BREACH strip) in two of the four shapes.
                    let paged = banner != staff
                    let layout = BoardLayout(width: w, height: h, tileCount: count, hasBanner: banner, hasStaff: staff,
                                             hasAlert: paged, hasPageMarker: paged)
                    let label = "\(w)x\(h) tiles \(count) banner \(banner) staff \(staff) paged \(paged)"
                    let canvas = Rect(x: 0, y: 0, width: w, height: h)
                    let regions = [layout.header, layout.banner ?? Rect(x: 0, y: 0, width: 0, height: 0),
                                   layout.alert ?? Rect(x: 0, y: 0, width: 0, height: 0), layout.tilesArea,
                                   layout.staff?.frame ?? Rect(x: 0, y: 0, width: 0, height: 0), layout.footer]
                    for r in regions { XCTAssertTrue(canvas.contains(r), "\(label): \(r) off screen") }
                    assertDisjoint(regions, label)
                    XCTAssertEqual(layout.tiles.count, min(count, 12), label)
                    XCTAssertEqual(layout.banner != nil, banner)
                    XCTAssertEqual(layout.staff != nil, staff)
                    assertDisjoint(layout.tiles.map(\.frame), label + " tiles")
                    XCTAssertEqual(layout.alert != nil, paged)
                    assertDisjoint([layout.title.rect, layout.clock.rect, layout.pageMarker?.rect ?? Rect(x: 0, y: 0, width: 0, height: 0)],
                                   label + " header")
                    if let marker = layout.pageMarker { XCTAssertTrue(layout.header.contains(marker.rect), label) }
                    for tile in layout.tiles {
                        XCTAssertTrue(layout.tilesArea.contains(tile.frame), label)
                        let boxes = tile.textBoxes.filter { !$0.rect.isEmpty }
                        for box in boxes {
                            XCTAssertTrue(tile.content.contains(box.rect), "\(label): \(box.rect) outside tile content \(tile.content)")
                            XCTAssertLessThanOrEqual(Double(box.size) * metrics.lineHeight, Double(box.rect.height) + 1, "\(label): text taller than box")
                        }
                        assertDisjoint(boxes.map(\.rect).filter { !tile.level.contains($0) } + [tile.level, tile.sparkline ?? .init(x: 0, y: 0, width: 0, height: 0)],
                                       label + " tile")
                        XCTAssertTrue(tile.level.contains(tile.levelWord.rect))
                        XCTAssertGreaterThanOrEqual(tile.waiting.size, 20, "\(label): calls waiting must stay big")
                        XCTAssertGreaterThanOrEqual(tile.longestWait.size, 16, label)
                        XCTAssertGreaterThanOrEqual(tile.reason.size, 9, label)
                    }
                    if let staffLayout = layout.staff {
                        assertDisjoint(staffLayout.cells.map(\.frame) + [staffLayout.bar], label + " staff")
                        for cell in staffLayout.cells {
                            assertDisjoint([cell.swatch, cell.label.rect, cell.value.rect], label + " staff cell")
                            XCTAssertTrue(cell.frame.contains(cell.value.rect) && cell.frame.contains(cell.label.rect), label)
                            XCTAssertGreaterThan(cell.value.size, 8, label)
                        }
                    }
                    let lost = layout.feedLost
                    assertDisjoint(lost.textBoxes.map(\.rect), label + " feed lost")
                    for box in lost.textBoxes { XCTAssertTrue(lost.frame.insetBy(lost.band).contains(box.rect), label) }
                    XCTAssertGreaterThan(lost.headline.size, min(w, h) / 10, label)
                }
            }
        }
    }

    func testTileGridUsesTheScreenShape() {
        let wide = BoardLayout(width: 1920, height: 1080, tileCount: 4, hasBanner: false, hasStaff: true)
        let tall = BoardLayout(width: 1080, height: 1920, tileCount: 4, hasBanner: false, hasStaff: true)
        XCTAssertGreaterThanOrEqual(wide.columns, wide.rows)
        XCTAssertGreaterThanOrEqual(tall.rows, tall.columns)
        let twelve = BoardLayout(width: 3840, height: 2160, tileCount: 12, hasBanner: true, hasStaff: true)
        XCTAssertEqual(twelve.columns * twelve.rows, 12)
    }

    func testViewingDistanceTradesDetailForSize() {
        let near = BoardLayout(width: 1920, height: 1080, tileCount: 8, hasBanner: false, hasStaff: true,
                               options: LayoutOptions(viewingDistance: 2))
        let far = BoardLayout(width: 1920, height: 1080, tileCount: 8, hasBanner: false, hasStaff: true,
                              options: LayoutOptions(viewingDistance: 15))
        XCTAssertGreaterThan(far.minimumLegibleSize, near.minimumLegibleSize)
        XCTAssertGreaterThan(near.tiles[0].detail, far.tiles[0].detail, "far away: fewer, larger things")
        XCTAssertGreaterThanOrEqual(far.tiles[0].waiting.size, near.tiles[0].waiting.size)
    }

    /// Worst-case text on every tile, drawn with the real font: every piece of ink stays in its box,
    /// and no two pieces of text touch.
    func testRealTextIsNeverClippedAtTheExtremes() throws {
        for (w, h, count) in [(800, 480, 12), (800, 480, 1), (480, 800, 7), (3840, 2160, 12), (2160, 3840, 5), (1920, 1080, 9)] {
            var scene = FakeScenes.board(tiles: count, clock: "23:59:59", banner: "SUPERVISOR: ALL STAFF TO BRIEFING ROOM AT 15:00 — 101 QUEUE CLOSED UNTIL FURTHER NOTICE, DIVERT ONLINE REPORTS TO CRIME DESK")
            for i in scene.tiles.indices {
                scene.tiles[i].title = i % 2 == 0 ? "LOST PROPERTY ENQUIRIES" : "999"
                scene.tiles[i].waiting = "188"
                scene.tiles[i].longestWait = "59:59"
                scene.tiles[i].figures[0].value = "100%"
            }
            scene.staff = StaffScene(available: 888, onCall: 888, wrapUp: 888, onBreak: 888, other: 888, level: .red)
            let (_, painter) = try render(scene, width: w, height: h, log: true)
            let log = try XCTUnwrap(painter.textLog)
            XCTAssertGreaterThan(log.count, count * 6)
            for drawn in log {
                guard let ink = drawn.ink else { continue }
                XCTAssertTrue(drawn.box.rect.contains(ink), "\(w)x\(h): '\(drawn.text)' ink \(ink) clipped by \(drawn.box.rect)")
                XCTAssertGreaterThanOrEqual(drawn.size, drawn.box.size * 6 / 10, "\(w)x\(h): '\(drawn.text)'")
            }
            assertDisjoint(log.compactMap(\.ink), "\(w)x\(h) ink")
            let banner = try XCTUnwrap(log.first { $0.text.hasPrefix("SUPERVISOR") })
            XCTAssertTrue(banner.size < banner.box.size, "the over-long banner shrinks")
            if w <= 800 { XCTAssertTrue(banner.shown.hasSuffix("…"), "and on a small screen is cut, visibly: \(banner.shown)") }
        }
    }
}
