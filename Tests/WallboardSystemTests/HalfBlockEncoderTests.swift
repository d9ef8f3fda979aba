import WallboardCore
import WallboardRender
import XCTest

@testable import WallboardSystem

final class HalfBlockEncoderTests: XCTestCase {
    func testEachCellIsAnUpperHalfBlockWithTopAsForegroundAndBottomAsBackground() {
        let canvas = Canvas(width: 2, height: 2)
        canvas[0, 0] = RGB.pack(255, 0, 0); canvas[1, 0] = RGB.pack(255, 0, 0)
        canvas[0, 1] = RGB.pack(0, 0, 255); canvas[1, 1] = RGB.pack(0, 255, 0)
        let text = String(decoding: HalfBlockEncoder.encode(canvas, columns: 2, rows: 1), as: UTF8.self)
        // Same foreground in the second cell: not repeated.
        XCTAssertEqual(text, "\u{1B}[H\u{1B}[38;2;255;0;0m\u{1B}[48;2;0;0;255m▀\u{1B}[48;2;0;255;0m▀\u{1B}[0m")
    }

    func testDownscalingAveragesAndKeepsTheAspectRatio() {
        let canvas = Canvas(width: 160, height: 90, fill: RGB.pack(200, 100, 0))
        canvas.fill(Rect(x: 0, y: 0, width: 80, height: 90), with: RGB.pack(0, 0, 0))
        // 80 columns × 24 rows = 80×48 pixels; 16:9 fits as 80×45 → 23 rows (45 pixel rows, one padding).
        XCTAssertTrue(HalfBlockEncoder.fit(width: 160, height: 90, columns: 80, rows: 24) == (80, 23))
        // Tall terminal, wide picture: width limits.
        XCTAssertTrue(HalfBlockEncoder.fit(width: 1920, height: 1080, columns: 40, rows: 100) == (40, 12))
        let text = String(decoding: HalfBlockEncoder.encode(canvas, columns: 80, rows: 24), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 23)
        XCTAssertTrue(lines.allSatisfy { $0.components(separatedBy: "▀").count - 1 == 80 })
        XCTAssertTrue(lines[0].hasPrefix("\u{1B}[H\u{1B}[38;2;0;0;0m\u{1B}[48;2;0;0;0m"), "left half black")
        XCTAssertTrue(lines[0].contains("\u{1B}[38;2;200;100;0m"), "right half orange")
        // The last row's bottom pixel is padding (45 rows of pixels): black background there.
        XCTAssertTrue(lines[22].contains("\u{1B}[48;2;0;0;0m"))
    }

    func testAPixelSourceOtherThanACanvasWorks() {
        // wallboardctl preview encodes frames it received, not canvases.
        let bytes = HalfBlockEncoder.encode(width: 4, height: 4, columns: 2, rows: 1) { x, _ in x < 2 ? 0xFFFFFF : 0 }
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            "\u{1B}[H\u{1B}[38;2;255;255;255m\u{1B}[48;2;255;255;255m▀\u{1B}[38;2;0;0;0m\u{1B}[48;2;0;0;0m▀\u{1B}[0m")
    }
}
