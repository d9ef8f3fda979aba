import XCTest
import WallboardCore
@testable import WallboardRender

/// The canvas's fast paths against the plain per-pixel definition they replace.
final class CanvasTests: XCTestCase {
    /// `changedBounds` is the tight box of the pixels that differ, for changes anywhere: at the
    /// edges, inside memcmp chunks and across them, in a rectangle not at the canvas origin.
    func testChangedBoundsIsTheTightBoxOfTheDifferences() {
        var rng = SystemRandomNumberGenerator()
        let canvas = Canvas(width: 150, height: 40, fill: 0x102030)
        for trial in 0..<300 {
            canvas.fill(canvas.bounds, with: 0x102030)
            let rect = Rect(x: Int.random(in: 0..<20, using: &rng), y: Int.random(in: 0..<10, using: &rng),
                            width: Int.random(in: 1...130, using: &rng), height: Int.random(in: 1...30, using: &rng))
            var saved = [UInt32](repeating: 0, count: rect.area)
            saved.withUnsafeMutableBufferPointer { canvas.save(rect, to: $0.baseAddress!) }
            var expected: Rect?
            for _ in 0..<(trial % 6) {
                let x = rect.x + Int.random(in: 0..<rect.width, using: &rng), y = rect.y + Int.random(in: 0..<rect.height, using: &rng)
                canvas[x, y] = UInt32.random(in: 0...0xFFFFFF, using: &rng) | 1 << 24
                let pixel = Rect(x: x, y: y, width: 1, height: 1)
                expected = expected.map { $0.union(pixel) } ?? pixel
            }
            // A change outside the rectangle is not its business.
            if rect.maxX < canvas.width { canvas[rect.maxX, rect.y] = 0xFFFFFF }
            let found = saved.withUnsafeBufferPointer { canvas.changedBounds(rect, since: $0.baseAddress!) }
            XCTAssertEqual(found, expected, "trial \(trial), rect \(rect)")
        }
    }

    /// `firstDifference` / `lastDifference` (memcmp chunks, then two pixels per 64-bit XOR, short
    /// runs without memcmp) find the same pixels as a plain per-pixel scan, for runs of every length
    /// around the chunk and inline sizes, differences at odd and even places and in any single bit.
    func testDifferenceScansMatchThePerPixelScan() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<9000 {
            let count = trial % 600  // across several memcmp chunks
            let a = (0..<count + 1).map { _ in UInt32.random(in: 0...0xFFFFFF, using: &rng) }
            var b = a
            for _ in 0..<Int.random(in: 0...3, using: &rng) where count > 0 {
                b[Int.random(in: 0..<count, using: &rng)] ^= 1 << UInt32.random(in: 0...31, using: &rng)
            }
            // The pixel just past the run differs: it must never be reported.
            b[count] ^= 1
            let first = (0..<count).first { a[$0] != b[$0] }, last = (0..<count).last { a[$0] != b[$0] }
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    XCTAssertEqual(Canvas.firstDifference(pa.baseAddress!, pb.baseAddress!, count), first, "trial \(trial)")
                    XCTAssertEqual(Canvas.lastDifference(pa.baseAddress!, pb.baseAddress!, count), last, "trial \(trial)")
                }
            }
        }
    }

    /// `fill` (rows by wmemset, rows spanning the canvas as one run) sets exactly the clipped
    /// rectangle to the colour, whatever its place and size, and not one pixel around it.
    func testFillSetsExactlyTheClippedRectangle() {
        var rng = SystemRandomNumberGenerator()
        let canvas = Canvas(width: 70, height: 20)
        for trial in 0..<400 {
            for p in 0..<canvas.pixels.count { canvas.pixels[p] = UInt32(truncatingIfNeeded: p &* 2_654_435_761) >> 8 }
            let before = canvas.copy()
            let x = trial % 3 == 0 ? Int.random(in: -3...0, using: &rng) : Int.random(in: -10...69, using: &rng)
            let width = trial % 3 == 0 ? Int.random(in: 70...80, using: &rng) : Int.random(in: 0...80, using: &rng)
            let rect = Rect(x: x, y: Int.random(in: -5...19, using: &rng), width: width, height: Int.random(in: 0...25, using: &rng))
            let color = UInt32.random(in: 0...0xFFFFFF, using: &rng) | 0xFF00_0000 * UInt32(trial % 2)
            canvas.fill(rect, with: color)
            let inside = rect.intersection(canvas.bounds)
            for y in 0..<canvas.height {
                for x in 0..<canvas.width {
                    let expected = inside.contains(Rect(x: x, y: y, width: 1, height: 1)) ? color : before[x, y]
                    if canvas[x, y] != expected { return XCTFail("trial \(trial), rect \(rect): pixel \(x),\(y)") }
                }
            }
        }
    }

    /// Blending through a mask with runs of 0 and 255 (taken eight at a time) and partial coverage
    /// gives exactly the per-pixel formula, at any alignment and clip.
    func testBlendMatchesThePerPixelFormula() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<200 {
            let width = Int.random(in: 1...40, using: &rng), height = Int.random(in: 1...6, using: &rng)
            var mask = [UInt8](repeating: 0, count: width * height)
            var i = 0
            while i < mask.count {
                let run = Int.random(in: 1...12, using: &rng)
                let value: UInt8 = [0, 255, UInt8.random(in: 0...255, using: &rng)][Int.random(in: 0...2, using: &rng)]
                for j in i..<min(mask.count, i + run) { mask[j] = value }
                i += run
            }
            let canvas = Canvas(width: 64, height: 10), reference = Canvas(width: 64, height: 10)
            for p in 0..<canvas.pixels.count {
                let c = UInt32.random(in: 0...0xFFFFFF, using: &rng)
                canvas.pixels[p] = c
                reference.pixels[p] = c
            }
            let x = Int.random(in: -5...30, using: &rng), y = Int.random(in: -2...6, using: &rng)
            let clip = Rect(x: Int.random(in: 0...10, using: &rng), y: 0, width: Int.random(in: 1...64, using: &rng), height: 10)
            let color = UInt32.random(in: 0...0xFFFFFF, using: &rng)
            mask.withUnsafeBufferPointer { canvas.blend(mask: $0, width: width, height: height, x: x, y: y, color: color, clip: clip) }
            let area = clip.intersection(reference.bounds).intersection(Rect(x: x, y: y, width: width, height: height))
            for py in area.y..<area.maxY {
                for px in area.x..<area.maxX {
                    reference.blendPixel(x: px, y: py, color: color, alpha: UInt32(mask[(py - y) * width + px - x]))
                }
            }
            XCTAssertEqual(Array(canvas.pixels), Array(reference.pixels), "trial \(trial)")
        }
    }
}
