import XCTest
@testable import WallboardRender

/// The blend weighs all three channels in one multiply (`Canvas.mixed`); it must give exactly what
/// blending channel by channel (`Canvas.mix`) gives, or every golden image would move.
final class CanvasBlendTests: XCTestCase {
    func testAllChannelsAtOnceEqualsChannelByChannelForEveryCoverage() {
        var rng = SystemRandomNumberGenerator()
        let edges: [UInt32] = [0, 1, 127, 128, 254, 255]
        for a in UInt32(1)...254 {
            var colors: [(UInt32, UInt32)] = []
            for f in edges { for b in edges { colors.append((f << 16 | b << 8 | f, b << 16 | f << 8 | b)) } }
            for _ in 0..<200 { colors.append((UInt32.random(in: 0...0xFF_FFFF, using: &rng), UInt32.random(in: 0...0xFF_FFFF, using: &rng))) }
            for (color, bg) in colors {
                let expected = Canvas.mix(color >> 16 & 0xFF, bg >> 16 & 0xFF, a, 255 - a) << 16
                    | Canvas.mix(color >> 8 & 0xFF, bg >> 8 & 0xFF, a, 255 - a) << 8
                    | Canvas.mix(color & 0xFF, bg & 0xFF, a, 255 - a)
                XCTAssertEqual(Canvas.mixed(Canvas.spread(color), bg, a), expected, "a \(a), color \(color), bg \(bg)")
            }
        }
    }

    /// Over a known background (a glyph cell), the background's terms are worked out once
    /// (`Canvas.Solid`); the wrapping arithmetic borrows between lanes on the way, and must still
    /// land on `mixed`'s result exactly, for every coverage, 0 and 255 included.
    func testMixingOverAKnownBackgroundEqualsMixingOverThePixel() {
        var rng = SystemRandomNumberGenerator()
        let edges: [UInt32] = [0, 1, 127, 128, 254, 255]
        var colors: [(UInt32, UInt32)] = []
        for f in edges { for b in edges { colors.append((f << 16 | b << 8 | f, b << 16 | f << 8 | b)) } }
        for _ in 0..<500 { colors.append((UInt32.random(in: 0...0xFF_FFFF, using: &rng), UInt32.random(in: 0...0xFF_FFFF, using: &rng))) }
        for (color, bg) in colors {
            let fs = Canvas.spread(color), solid = Canvas.Solid(fs, bg)
            for a in UInt32(0)...255 {
                XCTAssertEqual(solid.mixed(a), Canvas.mixed(fs, bg, a), "a \(a), color \(color), bg \(bg)")
            }
        }
    }
}
