import XCTest
import WallboardCore
@testable import WallboardRender

/// An acknowledged alarm's tile says so in words, whole, beside the reason (neither is cut), from a
/// 1080p wall to a 12-tile 7-inch 800×480 screen; the tile stays red with BREACH.
final class AcknowledgedTileTests: XCTestCase {
    func testAcknowledgementAndReasonAreDrawnWholeAtEverySize() throws {
        for (width, height, tiles) in [(1920, 1080, 6), (800, 480, 6), (800, 480, 12), (1920, 1080, 12)] {
            let (_, painter) = try render(FakeScenes.acknowledged(tiles: tiles), width: width, height: height, log: true)
            let drawn = painter.textLog ?? []
            let ack = try XCTUnwrap(drawn.first { $0.text == "ACKNOWLEDGED by alice 14:02" }, "\(width)x\(height)/\(tiles)")
            XCTAssertEqual(ack.shown, ack.text, "cut at \(width)x\(height)/\(tiles)")
            XCTAssertGreaterThanOrEqual(ack.size, 6, "legible at \(width)x\(height)/\(tiles)")
            let ink = try XCTUnwrap(ack.ink)
            XCTAssertTrue(ack.box.rect.contains(ink), "ink \(ink) outside \(ack.box.rect)")
            let reasons = drawn.filter { $0.text == "LONGEST WAIT 1:42 > 0:30" }
            XCTAssertFalse(reasons.isEmpty)
            for reason in reasons { XCTAssertEqual(reason.shown, reason.text, "reason cut at \(width)x\(height)/\(tiles)") }
            // The acknowledged tile's reason sits above the acknowledgement, not over it.
            let acknowledgedReason = try XCTUnwrap(reasons.first { $0.box.rect.maxY <= ack.box.rect.y })
            XCTAssertEqual(acknowledgedReason.box.rect.x, ack.box.rect.x)
            XCTAssertTrue(drawn.contains { $0.text == "BREACH" })
        }
    }

    /// Acknowledging repaints only the changed reason box, with the pixels a full paint gives.
    func testAcknowledgingUpdatesLikeAFullPaint() throws {
        let fonts = try TestFonts.fonts()
        let painter = Painter(fonts: fonts)
        let canvas = Canvas(width: 800, height: 480)
        painter.paint(scene: FakeScenes.board(tiles: 6), into: canvas)
        let damage = painter.paint(scene: FakeScenes.acknowledged(tiles: 6), into: canvas)
        XCTAssertFalse(damage.isEmpty)
        let (full, _) = try render(FakeScenes.acknowledged(tiles: 6), width: 800, height: 480)
        XCTAssertTrue(Array(canvas.pixels) == Array(full.pixels), "an update differs from a full paint")
        let back = painter.paint(scene: FakeScenes.board(tiles: 6), into: canvas)
        XCTAssertFalse(back.isEmpty)
        let (plain, _) = try render(FakeScenes.board(tiles: 6), width: 800, height: 480)
        XCTAssertTrue(Array(canvas.pixels) == Array(plain.pixels), "clearing the acknowledgement leaves a trace")
    }
}
