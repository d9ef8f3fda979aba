import WallboardCore
import WallboardRender
import XCTest

@testable import WallboardSystem

final class FrameCopierTests: XCTestCase {
    /// A canvas whose every pixel is distinct: 0x00XXXYYY-like (x in the high bits, y in the low).
    private func numbered(_ w: Int, _ h: Int) -> Canvas {
        let c = Canvas(width: w, height: h)
        for y in 0..<h { for x in 0..<w { c[x, y] = UInt32(x << 12 | y) } }
        return c
    }

    /// Copies the whole canvas into memory for each rotation and checks where known pixels land.
    func testRotationsPutTheCornersWhereAMountedPanelNeedsThem() {
        let canvas = numbered(6, 4)  // logical 6 wide, 4 tall
        let tl = canvas[0, 0], tr = canvas[5, 0], bl = canvas[0, 3], br = canvas[5, 3]
        // (rotation, physical size, physical corners TL, TR, BL, BR)
        let cases: [(Rotation, Int, Int, [UInt32])] = [
            (.none, 6, 4, [tl, tr, bl, br]),
            (.quarter, 4, 6, [bl, tl, br, tr]),  // 90° clockwise: the left edge becomes the top
            (.half, 6, 4, [br, bl, tr, tl]),
            (.threeQuarter, 4, 6, [tr, br, tl, bl]),
        ]
        for (rotation, pw, ph, corners) in cases {
            var memory = [UInt32](repeating: 0xDEAD, count: pw * ph)
            memory.withUnsafeMutableBytes { raw in
                let target = FrameTarget(base: raw.baseAddress!, width: pw, height: ph, stride: pw * 4, format: .xrgb8888)
                FrameCopier.copy(canvas, rect: canvas.bounds, rotation: rotation, into: target)
            }
            XCTAssertEqual([memory[0], memory[pw - 1], memory[(ph - 1) * pw], memory[ph * pw - 1]], corners, "\(rotation)")
            XCTAssertFalse(memory.contains(0xDEAD), "\(rotation): every physical pixel written")
            XCTAssertEqual(Set(memory).count, 24, "\(rotation): a permutation, nothing duplicated")
        }
    }

    /// A damaged rectangle writes exactly its mapped physical rectangle, nothing else, honouring stride.
    func testPartialCopyWritesOnlyTheMappedRectangleAndRespectsStride() {
        let canvas = numbered(8, 5)
        let rect = Rect(x: 1, y: 2, width: 3, height: 2)
        for rotation in Rotation.allCases {
            let (pw, ph) = rotation.logicalSize(width: 8, height: 5)  // symmetric: swaps back
            let strideWords = pw + 3  // padding at each row's end
            var memory = [UInt32](repeating: 0xDEAD, count: strideWords * ph)
            memory.withUnsafeMutableBytes { raw in
                let target = FrameTarget(base: raw.baseAddress!, width: pw, height: ph, stride: strideWords * 4, format: .xrgb8888)
                FrameCopier.copy(canvas, rect: rect, rotation: rotation, into: target)
            }
            let phys = FrameCopier.physicalRect(rect, rotation: rotation, logicalWidth: 8, logicalHeight: 5)
            XCTAssertEqual(phys.area, rect.area)
            for py in 0..<ph {
                for px in 0..<strideWords {
                    let value = memory[py * strideWords + px]
                    if px < pw && phys.intersects(Rect(x: px, y: py, width: 1, height: 1)) {
                        let l = FrameCopier.logicalPoint(px: px, py: py, rotation: rotation, logicalWidth: 8, logicalHeight: 5)
                        XCTAssertTrue(rect.intersects(Rect(x: l.x, y: l.y, width: 1, height: 1)), "\(rotation) maps inside the damage")
                        XCTAssertEqual(value, canvas[l.x, l.y], "\(rotation) (\(px),\(py))")
                    } else {
                        XCTAssertEqual(value, 0xDEAD, "\(rotation) (\(px),\(py)) outside the damage untouched")
                    }
                }
            }
        }
    }

    func testRGB565ConversionKeepsTheTopBitsOfEachChannel() {
        XCTAssertEqual(PixelFormat.rgb565.encode(0xFF0000), 0xF800)
        XCTAssertEqual(PixelFormat.rgb565.encode(0x00FF00), 0x07E0)
        XCTAssertEqual(PixelFormat.rgb565.encode(0x0000FF), 0x001F)
        XCTAssertEqual(PixelFormat.rgb565.encode(0x808080), 0x8410)
        // A BGR 32-bit framebuffer swaps red and blue.
        let bgr = PixelFormat(bitsPerPixel: 32, red: (0, 8), green: (8, 8), blue: (16, 8))
        XCTAssertEqual(bgr.encode(0x112233), 0x332211)
        XCTAssertFalse(PixelFormat(bitsPerPixel: 24, red: (16, 8), green: (8, 8), blue: (0, 8)).isSupported)
    }

    func testDisplayModeParsing() throws {
        XCTAssertEqual(try DisplayMode(parsing: "1920x1080@60"), DisplayMode(width: 1920, height: 1080, refresh: 60))
        XCTAssertEqual(try DisplayMode(parsing: "1280x720"), DisplayMode(width: 1280, height: 720))
        for bad in ["1920", "x1080", "1920x1080@", "1920x-1@60", "axb", "1920x1080@60@1"] {
            XCTAssertThrowsError(try DisplayMode(parsing: bad)) { error in
                XCTAssertEqual("\(error)", "display mode '\(bad)' is not WIDTHxHEIGHT or WIDTHxHEIGHT@HZ (e.g. 1920x1080@60)")
            }
        }
        XCTAssertTrue(DisplayMode(width: 1920, height: 1080).matches(width: 1920, height: 1080, refresh: 50))
        XCTAssertFalse(DisplayMode(width: 1920, height: 1080, refresh: 60).matches(width: 1920, height: 1080, refresh: 50))
    }
}
