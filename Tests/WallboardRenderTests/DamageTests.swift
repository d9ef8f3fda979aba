import XCTest
import WallboardCore
@testable import WallboardRender

/// The painter's damage rectangles against the truth: paint, change the scene, paint again, diff.
final class DamageTests: XCTestCase {
    /// Paints `before` then `after` and checks the damage covers exactly the changed pixels (each
    /// rectangle is the tight box of changes in one element) and that the result equals a full paint.
    @discardableResult
    func checkUpdate(_ before: Scene, _ after: Scene, width: Int = 960, height: Int = 540, file: StaticString = #filePath,
                     line: UInt = #line) throws -> (damage: [Rect], changed: Int, painter: Painter) {
        let (canvas, painter) = try render(before, width: width, height: height)
        let old = canvas.copy()
        let damage = painter.paint(scene: after, into: canvas)
        let changed = canvas.differences(from: old)
        for p in changed {
            XCTAssertTrue(damage.contains { $0.contains(Rect(x: p.x, y: p.y, width: 1, height: 1)) },
                          "changed pixel \(p) outside the damage \(damage)", file: file, line: line)
            if !damage.contains(where: { $0.contains(Rect(x: p.x, y: p.y, width: 1, height: 1)) }) { break }
        }
        let changedSet = Set(changed.map { $0.y * width + $0.x })
        for rect in damage {
            XCTAssertFalse(rect.isEmpty, file: file, line: line)
            let top = (rect.x..<rect.maxX).contains { changedSet.contains(rect.y * width + $0) }
            let bottom = (rect.x..<rect.maxX).contains { changedSet.contains((rect.maxY - 1) * width + $0) }
            let left = (rect.y..<rect.maxY).contains { changedSet.contains($0 * width + rect.x) }
            let right = (rect.y..<rect.maxY).contains { changedSet.contains($0 * width + rect.maxX - 1) }
            XCTAssertTrue(top && bottom && left && right, "damage \(rect) is not tight round its changes", file: file, line: line)
        }
        let (full, _) = try render(after, width: width, height: height)
        XCTAssertEqual(canvas.differences(from: full).count, 0, "incremental paint differs from a full paint", file: file, line: line)
        return (damage, changed.count, painter)
    }

    func testClockTickRepaintsOnlyTheChangedDigits() throws {
        let a = FakeScenes.board(clock: "14:02:33"), b = FakeScenes.board(clock: "14:02:34")
        let (damage, changed, painter) = try checkUpdate(a, b)
        XCTAssertEqual(damage.count, 1)
        let clock = try XCTUnwrap(painter.layout?.clock)
        XCTAssertTrue(clock.rect.contains(damage[0]))
        let digitCell = (painter.fonts.bold.digitCell(size: clock.size) + 63) >> 6
        XCTAssertLessThanOrEqual(damage[0].width, digitCell, "one digit changed, one digit cell repainted")
        XCTAssertGreaterThan(changed, 10)
    }

    func testTypicalSecondTouchesAFewDigits() throws {
        // Clock and a longest wait tick; one queue's waiting count changes.
        let a = FakeScenes.board()
        var b = FakeScenes.board(clock: "14:02:34")
        b.tiles[0].longestWait = "0:01"
        b.tiles[3].waiting = "19"
        let (damage, _, _) = try checkUpdate(a, b)
        XCTAssertEqual(damage.count, 3)
        XCTAssertLessThan(damage.map(\.area).reduce(0, +), 960 * 540 / 50)
    }

    /// The new elements repaint alone and exactly: a page turn, the breach strip, a name on a tile
    /// that may use its state area's free room, and the old figures under FEED LOST.
    func testPagesStripNamesAndFeedLostTilesUpdateExactly() throws {
        var turned = FakeScenes.paged()
        turned.paging.turn = 1
        try checkUpdate(FakeScenes.paged(), turned)
        var strip = FakeScenes.paged()
        strip.hiddenBreaches = ["Online & Web Chat", "Crime Recording"]
        let (damage, _, painter) = try checkUpdate(FakeScenes.paged(), strip)
        XCTAssertEqual(damage.count, 1)
        XCTAssertTrue(try XCTUnwrap(painter.layout?.alert).contains(damage[0]))
        var renamed = FakeScenes.board()
        renamed.tiles[0].title = "Heddlu Dyfed-Powys Police Contact Centre"
        var longer = renamed
        longer.tiles[0].title = "Heddlu Dyfed-Powys Police Contact Centres"
        try checkUpdate(renamed, longer, width: 800, height: 480)
        var tick = FakeScenes.feedLost(clock: "14:05:11", detail: "NO DATA FOR 2:16")
        for i in tick.tiles.indices { tick.tiles[i].stale = "NO DATA 2:16" }
        try checkUpdate(FakeScenes.feedLost(), tick, width: 800, height: 480)
    }

    func testNothingChangedPaintsNothing() throws {
        let (canvas, painter) = try render(FakeScenes.board(), width: 800, height: 480)
        let before = canvas.copy()
        XCTAssertEqual(painter.paint(scene: FakeScenes.board(), into: canvas), [])
        XCTAssertEqual(canvas.differences(from: before).count, 0)
    }

    func testEveryKindOfChangeIsExact() throws {
        let base = FakeScenes.board()
        var changes: [(String, Scene)] = []
        var s = base; s.tiles[0].level = .red; s.tiles[0].reason = "WAITING 30 > 20"; changes.append(("level", s))
        s = base; s.tiles[2].stale = "NO DATA 0:31"; changes.append(("stale", s))
        s = base; s.tiles[4].stale = "NO DATA 0:46"; changes.append(("stale tick", s))
        s = base; s.tiles[1].figures[0].level = .red; changes.append(("figure level", s))
        s = base; s.tiles[1].figures[2].value = "0:10"; changes.append(("figure value", s))
        s = base; s.tiles[0].title = "999 EMERGENCY"; changes.append(("title", s))
        s = base; s.staff?.onCall = 29; s.staff?.available = 6; changes.append(("staff", s))
        s = base; s.staff?.level = .red; changes.append(("staff level", s))
        s = base; s.footer = FooterScene(feed: "FEED LATE · last 0:09 ago", warning: true); changes.append(("footer", s))
        s = base; s.banner = "All clear"; changes.append(("banner", s))
        s = base; s.header.title = "NORTH CONTROL"; changes.append(("header title", s))
        s = base; s.pulse = 0.5; changes.append(("pulse", s))
        for (name, changed) in changes {
            let (damage, pixels, _) = try checkUpdate(base, changed)
            XCTAssertFalse(damage.isEmpty, name)
            XCTAssertGreaterThan(pixels, 0, name)
            XCTAssertLessThan(damage.map(\.area).reduce(0, +), 960 * 540 / 3, "\(name): an update, not a full repaint")
        }
    }

    /// The reason line and the stale age tick every second: only their changed glyphs are repainted
    /// (hatching included, for the stale strip), and the result is a full paint's, pixel for pixel.
    func testReasonAndStaleAgeTickRepaintOnlyTheirChangedGlyphs() throws {
        let base = FakeScenes.board()
        var reason = base
        reason.tiles[2].reason = "LONGEST WAIT 1:43 > 0:30"
        var stale = base
        stale.tiles[4].stale = "NO DATA 0:46"
        for (name, changed, tile) in [("reason", reason, 2), ("stale age", stale, 4)] {
            let (damage, _, painter) = try checkUpdate(base, changed)
            let layout = try XCTUnwrap(painter.layout?.tiles[tile])
            XCTAssertEqual(damage.count, 1, name)
            XCTAssertTrue(layout.reason.rect.contains(damage[0]), "\(name): \(damage) outside \(layout.reason.rect)")
            let region = painter.reasonRegion(from: base.tiles[tile], to: changed.tiles[tile], layout)
            XCTAssertTrue(region.contains(damage[0]), name)
            XCTAssertLessThan(region.width, layout.reason.rect.width / 4, "\(name): one glyph's cell, not the whole line")
        }
    }

    func testSparklineShiftRepaintsOnlyTheSparkline() throws {
        let a = FakeScenes.board(tiles: 2)
        var b = a
        b.tiles[0].sparkline = Array(a.tiles[0].sparkline.dropFirst()) + [9]
        let (damage, _, painter) = try checkUpdate(a, b)
        let spark = try XCTUnwrap(painter.layout?.tiles[0].sparkline, "big tiles show the sparkline")
        XCTAssertEqual(damage.count, 1)
        XCTAssertTrue(spark.contains(damage[0]))
    }

    func testFeedLostTicksOnlyItsNumbers() throws {
        let a = FakeScenes.feedLost(clock: "14:05:10", detail: "NO DATA FOR 2:15")
        let b = FakeScenes.feedLost(clock: "14:05:11", detail: "NO DATA FOR 2:16")
        let (damage, _, _) = try checkUpdate(a, b)
        XCTAssertEqual(damage.count, 2)
    }

    func testShapeChangesRepaintEverything() throws {
        let (canvas, painter) = try render(FakeScenes.board(tiles: 6), width: 800, height: 480)
        XCTAssertEqual(painter.paint(scene: FakeScenes.board(tiles: 7), into: canvas), [canvas.bounds])
        XCTAssertEqual(painter.paint(scene: FakeScenes.feedLost(), into: canvas), [canvas.bounds])
        XCTAssertEqual(painter.paint(scene: FakeScenes.feedLost(), into: canvas), [])
        XCTAssertEqual(painter.paint(scene: FakeScenes.board(tiles: 7), into: canvas), [canvas.bounds])
        let other = Canvas(width: 800, height: 480)
        XCTAssertEqual(painter.paint(scene: FakeScenes.board(tiles: 7), into: other), [other.bounds], "a new canvas is painted whole")
    }
}
