import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardRender

/// The handler grid painted with the real fonts (FreeType): 60 realistic names fit 1920×1080 whole,
/// every state shows its word, alarms their word, and a smaller screen pages instead of cutting.
final class HandlerGridRenderTests: XCTestCase {
    func drawn(_ scene: Scene, width: Int, height: Int) throws -> (Painter, [DrawnText]) {
        let (_, painter) = try render(scene, width: width, height: height, log: true)
        return (painter, painter.textLog ?? [])
    }

    func testSixtyRealisticNamesFitFullHDWholeAndLegible() throws {
        let scene = try FakeHandlerScenes.scene()
        let (painter, log) = try drawn(scene, width: 1920, height: 1080)
        let grid = try XCTUnwrap(painter.layout?.handlerGrid)
        XCTAssertEqual(grid.cells.count, 60, "all 60 on one page")
        XCTAssertEqual(grid.size, 19, "the size README.md states")
        XCTAssertGreaterThanOrEqual(grid.size, HandlerGridLayout.smallestSize(painter.layout!.minimumLegibleSize))
        for name in FakeHandlerScenes.names {
            let entry = try XCTUnwrap(log.first { $0.text == name }, "\(name) not drawn")
            XCTAssertEqual(entry.shown, name, "\(name) shortened at 1080p")
            let ink = try XCTUnwrap(entry.ink)
            XCTAssertTrue(entry.box.rect.contains(ink), "\(name): ink \(ink) outside its box \(entry.box.rect)")
            XCTAssertGreaterThanOrEqual(entry.size, entry.box.size * 8 / 10, "\(name) shrunk below 80 %")
        }
        // From the data: break (i % 9 == 4) or not ready (5) for 640 s or more (i % 4 ≥ 1), and not stale (i % 13 == 12).
        let alarmed = (0..<60).filter { [4, 5].contains($0 % 9) && $0 % 4 >= 1 && $0 % 13 != 12 }.count
        XCTAssertTrue(log.contains { $0.shown == "HANDLERS 1–60 OF 60 · \(alarmed) NOT READY TOO LONG · 4 NO DATA" },
                      log.map(\.shown).filter { $0.hasPrefix("HANDLERS") }.description)
        for word in ["AVAILABLE", "ON CALL", "WRAP-UP", "BREAK", "NOT READY", "OFFLINE", "TRAINING", "WARNING", "BREACH", "NO DATA"] {
            XCTAssertTrue(log.contains { $0.shown == word }, "\(word) not on the wall")
        }
        // Every figure (times) whole: never an ellipsis anywhere on the grid.
        XCTAssertFalse(log.contains { $0.shown.hasSuffix("…") && !FakeHandlerScenes.reasons.contains($0.text) }, "\(log.filter { $0.shown.hasSuffix("…") }.map(\.shown))")
    }

    func testSmallScreenPagesTheHandlersAndSaysSo() throws {
        let whole = try FakeHandlerScenes.scene()
        var seen: Set<String> = []
        var pages = 0
        var turn = 0
        repeat {
            var scene = whole
            scene.paging.turn = turn
            let (painter, log) = try drawn(scene, width: 800, height: 480)
            let grid = try XCTUnwrap(painter.layout?.handlerGrid)
            pages = Int(log.first { $0.shown.hasPrefix("PAGE ") }?.shown.split(separator: "/").last ?? "1") ?? 1
            XCTAssertGreaterThan(pages, 1, "60 handlers do not fit 800×480 legibly: they page")
            XCTAssertTrue(log.contains { $0.shown.hasPrefix("HANDLERS ") && $0.shown.contains(" OF 60") })
            for cell in grid.cells { XCTAssertTrue(cell.textBoxes.allSatisfy { cell.frame.contains($0.rect) }) }
            for entry in log where FakeHandlerScenes.names.contains(entry.text) {
                seen.insert(entry.text)
                XCTAssertFalse(entry.shown.hasSuffix("…"), "a name is never cut: \(entry.shown)")
            }
            turn += 1
        } while turn < pages
        XCTAssertEqual(seen, Set(FakeHandlerScenes.names), "every handler is on some page")
    }

    func testAQueueInBreachIsNamedWhileTheGridIsUp() throws {
        var scene = try FakeHandlerScenes.scene()
        scene.tiles[0].level = .red
        let (painter, log) = try drawn(scene, width: 1920, height: 1080)
        XCTAssertNotNil(painter.layout?.handlerGrid)
        XCTAssertTrue(log.contains { $0.shown == "ALSO IN BREACH: 999 Emergency" }, log.map(\.shown).prefix(8).description)
    }

    func testATickingTimeRepaintsItsCellAloneAndMatchesAFullPaint() throws {
        let a = try FakeHandlerScenes.scene(now: 100), b = try FakeHandlerScenes.scene(now: 101)
        let painter = Painter(fonts: try TestFonts.fonts())
        let canvas = Canvas(width: 1920, height: 1080)
        painter.paint(scene: a, into: canvas)
        let damage = painter.paint(scene: b, into: canvas)
        XCTAssertFalse(damage.isEmpty)
        XCTAssertFalse(damage.contains(canvas.bounds), "an update, not a full repaint")
        let (full, _) = try render(b, width: 1920, height: 1080)
        XCTAssertTrue(canvas.differences(from: full).isEmpty, "the update gives exactly the pixels of a full paint")
    }
}

extension GoldenImageTests {
    func testHandlerGrid() throws {
        try check("handlers-1920x1080", try FakeHandlerScenes.scene(), width: 1920, height: 1080)
        try check("handlers-800x480", try FakeHandlerScenes.scene(), width: 800, height: 480)
    }
}
