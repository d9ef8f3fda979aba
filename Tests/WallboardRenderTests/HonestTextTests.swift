import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardRender

/// Text on the wall as a room reads it: figures never cut, names at one size and cut only when they
/// really do not fit, characters B612 lacks drawn from a fallback font, and every word from the
/// Scene. Checked on the PNG the board writes, read back.
final class HonestTextTests: XCTestCase {
    /// Paints `scene`, writes it as PNG, reads the file back and returns that image and the log.
    func paintedPNG(_ scene: Scene, width: Int, height: Int) throws -> (Canvas, [DrawnText], Painter) {
        let (canvas, painter) = try render(scene, width: width, height: height, log: true)
        let path = NSTemporaryDirectory() + "wallboard-honest-\(getpid()).png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(PNGWriter.encode(canvas)).write(to: URL(fileURLWithPath: path))
        let back = try PNGReader.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        XCTAssertEqual(back.differences(from: canvas).count, 0, "the PNG holds exactly what was painted")
        return (back, painter.textLog ?? [], painter)
    }

    /// Inked pixels (differing from `background`) inside `rect`.
    func inked(_ image: Canvas, _ rect: Rect, background: UInt32) -> Int {
        image.pixels.count > 0 ? rect.area - image.count(background, in: rect) : 0
    }

    func boardWith(waiting values: [Int]) -> Scene {
        var board = BoardState(startedAt: 0)
        board.apply(FeedMessage(
            publisher: "p", session: 1, sequence: 1, sentAtMilliseconds: 0, interval: 2, floor: "FLOOR",
            queues: (0..<12).map { i in
                QueueReport(id: "q\(i)", name: "Queue \(i)", waiting: i < values.count ? values[i] : i, longestWait: i < values.count ? 3_600_000 : 5)
            },
            staff: [StaffReport(available: 1_234_567, onCall: 3, wrapUp: 0, onBreak: 0)]), at: 0)
        var evaluator = AlarmEvaluator()
        let config = WallboardConfig()
        return SceneBuilder(config: config).build(
            board: board, alarms: evaluator.evaluate(board: board, config: config, at: 1), now: 1, wallTime: WallTime(secondsOfDay: 0))
    }

    /// The independent publisher's cases: `waiting=1234567` showed `123…`, `999999999999999` `999…`.
    func testANumberIsNeverCutItShrinksOrShowsATrueOverflowForm() throws {
        let scene = boardWith(waiting: [1_234_567, 999_999_999_999_999])
        for (width, height) in [(1920, 1080), (800, 480)] {
            let (image, log, painter) = try paintedPNG(scene, width: width, height: height)
            let layout = try XCTUnwrap(painter.layout)
            for (index, tile) in scene.tiles.prefix(2).enumerated() {
                let forms = [tile.waiting] + tile.waitingOverflow
                let drawn = try XCTUnwrap(log.first { $0.text == tile.waiting }, "\(width)x\(height) \(tile.waiting)")
                XCTAssertFalse(drawn.shown.contains("…"), "\(width)x\(height): \(drawn.shown)")
                XCTAssertTrue(forms.contains(drawn.shown), "\(drawn.shown) is one of \(forms)")
                let ink = try XCTUnwrap(drawn.ink)
                XCTAssertTrue(layout.tiles[index].waiting.rect.contains(ink), "every pixel of \(drawn.shown) inside its box")
                XCTAssertGreaterThan(inked(image, ink, background: Palette().tile), 0)
                let longest = try XCTUnwrap(log.first { $0.text == tile.longestWait && $0.box == layout.tiles[index].longestWait })
                XCTAssertFalse(longest.shown.contains("…"), longest.shown)
                XCTAssertTrue(layout.tiles[index].longestWait.rect.contains(try XCTUnwrap(longest.ink)), "\(longest.shown) \(String(describing: longest.ink)) in \(layout.tiles[index].longestWait.rect)")
            }
            let staff = try XCTUnwrap(log.first { $0.text == "1234567" && $0.box == layout.staff?.cells[0].value })
            XCTAssertFalse(staff.shown.contains("…"), staff.shown)
        }
        XCTAssertEqual(scene.tiles[0].waitingOverflow, [">1.2M", ">1M"])
        XCTAssertEqual(scene.tiles[1].waitingOverflow, [">999T"])
        XCTAssertEqual(scene.tiles[0].longestWaitOverflow, [">1000h", ">41d", ">99h"])
    }

    func testOneNameSizeAcrossTheBoardAndNoCutWhileTheTileHasRoom() throws {
        var scene = FakeScenes.board(tiles: 6)
        // Forty characters: more than the name box holds even at 60 %, less than the name box plus the
        // room a short "OK" leaves in the state area.
        scene.tiles[0].title = "Heddlu Dyfed-Powys Police Contact Centre"
        XCTAssertEqual(scene.tiles[0].status, "OK")
        let (_, log, painter) = try paintedPNG(scene, width: 800, height: 480)
        let titles = Set(scene.tiles.map(\.title))
        let drawn = log.filter { titles.contains($0.text) }
        XCTAssertEqual(drawn.count, scene.tiles.count)
        XCTAssertEqual(Set(drawn.map(\.size)).count, 1, "one name size: \(drawn.map { "\($0.text)=\($0.size)" })")
        let long = try XCTUnwrap(drawn.first { $0.text == scene.tiles[0].title })
        XCTAssertEqual(long.shown, long.text, "not cut: the tile had room")
        let tile = try XCTUnwrap(painter.layout?.tiles[0])
        let word = try XCTUnwrap(log.first { $0.text == "OK" && tile.level.contains($0.box.rect) })
        XCTAssertLessThan(try XCTUnwrap(long.ink).maxX, try XCTUnwrap(word.ink).x, "the name stays clear of the state word")

        scene.tiles[0].title = String(repeating: "Dyfed-Powys ", count: 8)
        let (_, cutLog, _) = try paintedPNG(scene, width: 800, height: 480)
        XCTAssertTrue(try XCTUnwrap(cutLog.first { $0.text == scene.tiles[0].title }).shown.hasSuffix("…"), "really too long: cut")
    }

    func testCharactersB612LacksAreDrawnFromAFallbackFontNeverAsBoxes() throws {
        let fonts = try TestFonts.fonts()
        XCTAssertFalse(fonts.bold.fallbacks.isEmpty,
                       "no fallback font found: Deploy/install-build-deps.sh --test installs fonts-dejavu-core, fonts-droid-fallback, fonts-symbola")
        for text in ["Αθήνα", "Москва", "東京 警察", "🚓🚨"] {
            for font in [fonts.bold, fonts.regular] {
                let line = TextLine(text, size: 40, font: font)
                let missing = zip(text.unicodeScalars.filter { $0 != " " }, line.glyphs.filter { $0.glyph.width > 0 }).filter { $0.1.index == 0 }
                XCTAssertTrue(missing.isEmpty, "\(text): drawn as boxes: \(missing.map { String($0.0) })")
                XCTAssertTrue(line.glyphs.contains { $0.face != font.face.id }, "\(text) comes from a fallback face")
            }
        }
        // On the wall: a Greek and a Japanese name are inked, and not as the missing-glyph box.
        var scene = FakeScenes.board(tiles: 2)
        scene.tiles[0].title = "東京"
        scene.tiles[1].title = "\u{E000}\u{E001}"  // private use: no font has these; drawn as boxes
        let (image, log, _) = try paintedPNG(scene, width: 800, height: 480)
        let tokyo = try XCTUnwrap(log.first { $0.text == "東京" }?.ink)
        let boxes = try XCTUnwrap(log.first { $0.text == "\u{E000}\u{E001}" }?.ink)
        XCTAssertNotEqual(tokyo.width, boxes.width, "東京 is not two missing-glyph boxes")
        XCTAssertGreaterThan(inked(image, tokyo, background: Palette().tile), tokyo.area / 8)
    }

    /// The painter knows no domain words: everything it writes comes from the Scene.
    func testEveryWordOnTheWallComesFromTheScene() throws {
        var scene = FakeScenes.board(tiles: 2)
        for i in scene.tiles.indices {
            scene.tiles[i].waitingLabel = "EN ATTENTE"
            scene.tiles[i].longestWaitLabel = "ATTENTE MAX"
        }
        scene.staff?.labels = ["LIBRES", "EN LIGNE", "APRÈS", "PAUSE", "AUTRE"]
        let texts = try paintedPNG(scene, width: 1920, height: 1080).1.map(\.text)
        for word in ["EN ATTENTE", "ATTENTE MAX", "LIBRES", "APRÈS"] { XCTAssertTrue(texts.contains(word), word) }
        for word in ["WAITING", "LONGEST WAIT", "AVAILABLE", "WRAP-UP"] { XCTAssertFalse(texts.contains(word), word) }
        var lost = FakeScenes.feedLost()
        lost.feedLost?.headline = "FLUX PERDU"
        let lostTexts = try paintedPNG(lost, width: 800, height: 480).1.map(\.text)
        XCTAssertTrue(lostTexts.contains("FLUX PERDU"))
        XCTAssertFalse(lostTexts.contains("FEED LOST"))
    }

    /// A 14-queue floor on one screen: a page of tiles, "PAGE 1/2", and the breach on the other
    /// page named on a strip, all in the PNG.
    func testAPagedBoardShowsItsPageAndNamesTheBreachOffIt() throws {
        var scene = FakeScenes.board(tiles: 14)
        scene.paging = PagingScene(size: 12, turn: 0)
        for i in scene.tiles.indices where scene.tiles[i].level == .red { scene.tiles[i].level = .amber }
        scene.tiles[13].level = .red  // on page 2 only if it were not pinned
        scene.tiles[13].stale = nil
        scene.paging.size = 2  // pinning takes one slot of two: 13 others over 13 pages
        let (image, log, painter) = try paintedPNG(scene, width: 800, height: 480)
        let texts = log.map(\.text)
        XCTAssertTrue(texts.contains("PAGE 1/13"))
        XCTAssertEqual(painter.layout?.tiles.count, 2)
        XCTAssertTrue(texts.contains(scene.tiles[13].title), "the breach is pinned")
        scene.paging.size = 12
        scene.tiles[12].level = .red
        scene.tiles[11].level = .red
        scene.tiles[10].level = .red
        scene.tiles[9].level = .red
        scene.tiles[8].level = .red
        scene.tiles[7].level = .red
        scene.tiles[6].level = .red
        scene.tiles[6].stale = nil
        let (strip, stripLog, stripPainter) = try paintedPNG(scene, width: 800, height: 480)
        let alert = try XCTUnwrap(stripPainter.layout?.alert)
        let text = try XCTUnwrap(stripLog.first { $0.text.hasPrefix("ALSO IN BREACH: ") })
        XCTAssertEqual(text.text, scene.currentPage().hiddenBreachesText)
        XCTAssertGreaterThan(strip.count(Palette().red, in: alert), 0, "the strip is vermillion-hatched")
        XCTAssertGreaterThan(inked(image, try XCTUnwrap(painter.layout?.pageMarker?.rect), background: Palette().panel), 0)
    }
}
