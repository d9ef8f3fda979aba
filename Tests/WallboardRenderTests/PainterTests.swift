import XCTest
import WallboardCore
@testable import WallboardRender

final class PainterTests: XCTestCase {
    let palette = Palette()

    func scene(_ tiles: [TileScene], staff: StaffScene? = nil, footer: FooterScene = FooterScene(feed: "FEED OK")) -> Scene {
        Scene(header: HeaderScene(title: "FLOOR", clock: "10:00:00"), tiles: tiles, staff: staff, footer: footer)
    }

    func testAlarmLevelsShowColourWordIconAndBorder() throws {
        let tiles = [FakeScenes.tile(0), FakeScenes.tile(1, level: .amber), FakeScenes.tile(2, level: .red)]
        let (canvas, painter) = try render(scene(tiles), width: 1200, height: 500, log: true)
        let layout = try XCTUnwrap(painter.layout)
        let words = painter.textLog!.map(\.text)
        for word in ["OK", "WARNING", "BREACH"] { XCTAssertTrue(words.contains(word), "\(word) drawn") }
        XCTAssertTrue(words.contains("LONGEST WAIT 1:42 > 0:30"), "the reason is said in words")

        let (normal, amber, red) = (layout.tiles[0], layout.tiles[1], layout.tiles[2])
        // Colour: each tile has its own level's fill and accent, and none of the others'.
        XCTAssertGreaterThan(canvas.count(palette.tile, in: normal.frame), normal.frame.area / 2)
        XCTAssertGreaterThan(canvas.count(palette.amberTile, in: amber.frame), amber.frame.area / 2)
        XCTAssertGreaterThan(canvas.count(palette.redTile, in: red.frame), red.frame.area / 2)
        XCTAssertGreaterThan(canvas.count(palette.ok, in: normal.level), 20)
        XCTAssertEqual(canvas.count(palette.red, in: normal.frame) + canvas.count(palette.amber, in: normal.frame), 0)
        XCTAssertEqual(canvas.count(palette.red, in: amber.frame), 0)
        // Border weight: amber's solid band is thicker than normal's hairline; red's band is hatched
        // with black stripes across its whole width.
        let edgeRow = { (tile: TileLayout, color: UInt32) in (0..<tile.border).filter { canvas[tile.frame.x + $0, tile.frame.midY] == color }.count }
        XCTAssertGreaterThan(edgeRow(amber, palette.amber), edgeRow(normal, palette.tileEdge))
        let band = Rect(x: red.frame.x, y: red.frame.y, width: red.frame.width, height: red.border)
        XCTAssertGreaterThan(canvas.count(palette.hazardDark, in: band), band.area / 4)
        XCTAssertGreaterThan(canvas.count(palette.red, in: band), band.area / 4)
        // Icon: the red tile's square icon is solid; the amber triangle is narrower at its top.
        XCTAssertGreaterThan(canvas.count(palette.redBright, in: red.level), red.levelIcon.area / 2)
        let icon = amber.levelIcon
        let amberIcon = try XCTUnwrap((amber.level.x..<amber.level.maxX).first { canvas[$0, icon.maxY - 1] == palette.amber })
        let topRow = (amberIcon..<amberIcon + icon.width).filter { canvas[$0, icon.y + 1] != palette.amberTile }.count
        let bottomRow = (amberIcon..<amberIcon + icon.width).filter { canvas[$0, icon.maxY - 1] != palette.amberTile }.count
        XCTAssertLessThan(topRow * 3, bottomRow, "a triangle, pointing up")
    }

    func testAlarmedFiguresStandOnAPill() throws {
        var tile = FakeScenes.tile(0)
        tile.figures[1].level = .amber
        let (canvas, painter) = try render(scene([tile]), width: 1280, height: 720)
        let value = try XCTUnwrap(painter.layout?.tiles[0].figureValues[1])
        XCTAssertGreaterThan(canvas.count(palette.amber, in: value.rect), 100)
        XCTAssertGreaterThan(canvas.count(0x000000, in: value.rect), 20, "black figures on the pill")
    }

    func testRedPulseIsGentleAndOnlyTouchesTheBorder() throws {
        var s = scene([FakeScenes.tile(0, level: .red)])
        let (canvas, painter) = try render(s, width: 1280, height: 720)
        let before = canvas.copy()
        s.pulse = 1
        let damage = painter.paint(scene: s, into: canvas)
        let tile = try XCTUnwrap(painter.layout?.tiles[0])
        let changed = canvas.differences(from: before)
        XCTAssertFalse(changed.isEmpty)
        let inner = tile.frame.insetBy(tile.border)
        XCTAssertTrue(changed.allSatisfy { !inner.contains(Rect(x: $0.x, y: $0.y, width: 1, height: 1)) }, "only the border band")
        XCTAssertTrue(damage.allSatisfy { !$0.intersects(inner) })
        XCTAssertEqual(canvas[changed[0].x, changed[0].y], palette.redBright, "peak of the pulse")
    }

    func testStaleTileIsGreyedWithItsAge() throws {
        let tiles = [FakeScenes.tile(0, level: .red, stale: "NO DATA 0:45")]
        let (canvas, painter) = try render(scene(tiles), width: 1280, height: 720, log: true)
        let tile = try XCTUnwrap(painter.layout?.tiles[0])
        let texts = painter.textLog!.map(\.text)
        XCTAssertTrue(texts.contains("NO DATA 0:45") && texts.contains("STALE"))
        XCTAssertFalse(texts.contains("BREACH"), "a stale tile shows staleness, not an alarm it cannot know")
        for colour in [palette.red, palette.amber, palette.ok, palette.text, palette.redTile] {
            XCTAssertEqual(canvas.count(colour, in: tile.frame), 0, String(colour, radix: 16))
        }
        var saturated = 0
        for y in tile.frame.y..<tile.frame.maxY {
            for x in tile.frame.x..<tile.frame.maxX {
                let c = canvas[x, y]
                let r = Int(c >> 16 & 0xFF), g = Int(c >> 8 & 0xFF), b = Int(c & 0xFF)
                if max(r, g, b) - min(r, g, b) > 8 { saturated += 1 }
            }
        }
        XCTAssertEqual(saturated, 0, "greyed: no colour at all in a stale tile")
    }

    func testFeedLostTakesOverTheScreen() throws {
        let (canvas, painter) = try render(FakeScenes.feedLost(), width: 1920, height: 1080, log: true)
        let texts = painter.textLog!.map(\.text)
        XCTAssertTrue(texts.contains("FEED LOST") && texts.contains("NO DATA FOR 2:15"))
        let yellow = canvas.count(palette.hazard), black = canvas.count(palette.hazardDark)
        XCTAssertGreaterThan(Double(yellow) / Double(canvas.pixels.count), 0.08, "hazard stripes and headline")
        XCTAssertGreaterThan(Double(yellow + black) / Double(canvas.pixels.count), 0.5)
        let headline = try XCTUnwrap(painter.textLog!.first { $0.text == "FEED LOST" })
        XCTAssertGreaterThan(headline.size, 1080 / 10, "huge")
        // Corners are striped: someone glancing at any edge of the screen sees the hazard frame.
        XCTAssertTrue([canvas[5, 5], canvas[1914, 1074], canvas[5, 1074]].contains(palette.hazard)
                      || [canvas[20, 5], canvas[1900, 1074]].contains(palette.hazard))
    }

    /// "Figures below are NOT current" must be true: the last figures are below, on greyed tiles
    /// that say STALE and how old they are, with no alarm or OK colour that could pass for live.
    func testFeedLostShowsTheLastFiguresMarkedOld() throws {
        var scene = FakeScenes.feedLost()
        scene.tiles[0].stale = nil  // even a tile the builder left live is drawn as old here
        let (canvas, painter) = try render(scene, width: 1920, height: 1080, log: true)
        let lost = try XCTUnwrap(painter.layout?.feedLost)
        XCTAssertEqual(lost.tiles.count, scene.tiles.count)
        let texts = painter.textLog!.map(\.text)
        for tile in scene.tiles { XCTAssertTrue(texts.contains(tile.waiting) && texts.contains(tile.title), tile.title) }
        XCTAssertEqual(texts.filter { $0 == "STALE" }.count, scene.tiles.count)
        XCTAssertEqual(texts.filter { $0.hasPrefix("NO DATA") }.count, scene.tiles.count + 1, "each tile, and the detail line")
        for tile in lost.tiles {
            var saturated = 0
            for y in stride(from: tile.frame.y, to: tile.frame.maxY, by: 2) {
                for x in stride(from: tile.frame.x, to: tile.frame.maxX, by: 2) {
                    let c = canvas[x, y]
                    let r = Int(c >> 16 & 0xFF), g = Int(c >> 8 & 0xFF), b = Int(c & 0xFF)
                    if max(r, g, b) - min(r, g, b) > 8 { saturated += 1 }
                }
            }
            XCTAssertEqual(saturated, 0, "greyed: no colour in a tile of old figures")
        }
    }

    func testStaffBarIsProportional() throws {
        let staff = StaffScene(available: 10, onCall: 30, wrapUp: 0, onBreak: 10, other: 0)
        let (canvas, painter) = try render(scene([FakeScenes.tile(0)], staff: staff), width: 1000, height: 600, log: true)
        let bar = try XCTUnwrap(painter.layout?.staff?.bar)
        let row = bar.y + bar.height / 2
        let widths = palette.staff.map { colour in (bar.x..<bar.maxX).filter { canvas[$0, row] == colour }.count }
        XCTAssertEqual(Double(widths[1]) / Double(widths[0]), 3, accuracy: 0.1)
        XCTAssertEqual(widths[0], widths[3], accuracy: 2)
        XCTAssertEqual(widths[2] + widths[4], 0)
        for number in ["10", "30", "0"] { XCTAssertTrue(painter.textLog!.contains { $0.text == number }) }
    }

    /// Counts off the network can be 15 digits: the bar's arithmetic must not overflow (it trapped).
    func testHugeStaffCountsDrawWithoutOverflow() throws {
        let huge = 999_999_999_999_999
        let staff = StaffScene(available: huge, onCall: huge, wrapUp: huge, onBreak: huge, other: huge)
        let (canvas, painter) = try render(scene([FakeScenes.tile(0)], staff: staff), width: 3840, height: 2160, log: true)
        let bar = try XCTUnwrap(painter.layout?.staff?.bar)
        let row = bar.y + bar.height / 2
        let widths = palette.staff.map { colour in (bar.x..<bar.maxX).filter { canvas[$0, row] == colour }.count }
        XCTAssertEqual(Double(widths.min()!), Double(widths.max()!), accuracy: 2, "five equal segments")
        XCTAssertFalse(painter.textLog!.contains { $0.shown.contains("…") }, "no count is cut")
    }

    func testBurnInShiftMovesTheWholePicture() throws {
        let s = FakeScenes.board(tiles: 3)
        let (a, _) = try render(s, width: 800, height: 480, options: LayoutOptions(burnInMargin: 4))
        let (b, _) = try render(s, width: 800, height: 480, options: LayoutOptions(burnInMargin: 4, shiftX: 3, shiftY: -2))
        var same = 0, total = 0
        for y in 10..<470 {
            for x in 10..<790 {
                total += 1
                if a[x, y] == b[x + 3, y - 2] { same += 1 }
            }
        }
        XCTAssertEqual(same, total, "the shifted image is the same image, moved")
        XCTAssertNotEqual(a.differences(from: b).count, 0)
        let walk = (0..<25).map { BurnInShift.offset(at: Double($0) * 120, period: 120, amplitude: 2) }
        XCTAssertEqual(Set(walk.map { "\($0.x),\($0.y)" }).count, 25, "visits every offset")
        for (p, q) in zip(walk, walk.dropFirst()) { XCTAssertEqual(abs(p.x - q.x) + abs(p.y - q.y), 1, "one pixel per step") }
    }
}

extension Rect {
    var midY: Int { y + height / 2 }
}
