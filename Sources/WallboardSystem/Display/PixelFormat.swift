/// How a framebuffer stores one pixel: its size and where each colour channel sits.
///
/// DRM dumb buffers here are always XRGB8888; fbdev reports its layout through
/// `fb_var_screeninfo` (16-bit RGB565 on many small panels, 32-bit on most others).
public struct PixelFormat: Sendable, Equatable, CustomStringConvertible {
    public var bitsPerPixel: Int
    public var redOffset: Int, redLength: Int
    public var greenOffset: Int, greenLength: Int
    public var blueOffset: Int, blueLength: Int

    public init(bitsPerPixel: Int, red: (offset: Int, length: Int), green: (offset: Int, length: Int),
                blue: (offset: Int, length: Int)) {
        self.bitsPerPixel = bitsPerPixel
        redOffset = red.offset; redLength = red.length
        greenOffset = green.offset; greenLength = green.length
        blueOffset = blue.offset; blueLength = blue.length
    }

    /// 0x00RRGGBB in a little-endian 32-bit word: the canvas' own layout, copied without conversion.
    public static let xrgb8888 = PixelFormat(
        bitsPerPixel: 32, red: (16, 8), green: (8, 8), blue: (0, 8))
    /// RRRRRGGG GGGBBBBB in a little-endian 16-bit word.
    public static let rgb565 = PixelFormat(
        bitsPerPixel: 16, red: (11, 5), green: (5, 6), blue: (0, 5))

    public var bytesPerPixel: Int { bitsPerPixel / 8 }

    /// True when canvas words can be copied as they are.
    public var isCanvasLayout: Bool { self == .xrgb8888 }

    /// Whether this code can write the format (16 or 32 bits per pixel, channels ≤ 8 bits).
    public var isSupported: Bool {
        (bitsPerPixel == 16 || bitsPerPixel == 32)
            && [redLength, greenLength, blueLength].allSatisfy { (1...8).contains($0) }
            && [redOffset + redLength, greenOffset + greenLength, blueOffset + blueLength]
                .allSatisfy { $0 <= bitsPerPixel }
    }

    /// Converts a canvas colour (0x00RRGGBB) to this format's word, keeping each channel's top bits.
    @inline(__always) public func encode(_ xrgb: UInt32) -> UInt32 {
        let r = (xrgb >> 16) & 0xFF, g = (xrgb >> 8) & 0xFF, b = xrgb & 0xFF
        return (r >> UInt32(8 - redLength)) << UInt32(redOffset)
            | (g >> UInt32(8 - greenLength)) << UInt32(greenOffset)
            | (b >> UInt32(8 - blueLength)) << UInt32(blueOffset)
    }

    public var description: String {
        if self == .xrgb8888 { return "XRGB8888" }
        if self == .rgb565 { return "RGB565" }
        return "\(bitsPerPixel)bpp r\(redLength)@\(redOffset) g\(greenLength)@\(greenOffset) b\(blueLength)@\(blueOffset)"
    }
}
