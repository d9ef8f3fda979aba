import WallboardCore
import WallboardRender

/// Pictures that exercise a PNG encoder: noise defeats LZ77 (stored blocks or literals); gradients
/// and flat areas exercise matches.
public enum TestImages {
    /// 211×97 by default: noise on top, a gradient in the middle, a flat band below.
    public static func noisyGradientFlat(width: Int = 211, height: Int = 97, seed start: UInt32 = 12345) -> Canvas {
        var seed = start
        let canvas = Canvas(width: width, height: height)
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                seed = seed &* 1_103_515_245 &+ 12345
                canvas[x, y] = y < 30 ? seed >> 8 : y < 60 ? RGB.pack(UInt8(truncatingIfNeeded: x), UInt8(truncatingIfNeeded: y), 40) : 0x0A0E13
            }
        }
        return canvas
    }
}
