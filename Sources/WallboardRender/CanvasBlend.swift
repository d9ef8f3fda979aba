import WallboardCore

extension Canvas {
    /// Blends `color` into the canvas through an 8-bit coverage mask placed at (`x`, `y`), clipped to
    /// `clip` and the canvas. Integer arithmetic, exact at 0 and 255.
    func blend(mask: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Int, y: Int, color: UInt32, clip: Rect) {
        let area = clip.intersection(bounds).intersection(Rect(x: x, y: y, width: width, height: height))
        guard !area.isEmpty, let maskBase = mask.baseAddress, let base = pixels.baseAddress else { return }
        let fs = Canvas.spread(color)
        let end = area.maxX
        for py in area.y..<area.maxY {
            let maskRow = maskBase + (py - y) * width - x
            let row = base + py * self.width
            var px = area.x
            // Glyphs are mostly runs of no ink and full ink: take eight coverage bytes at a time, and
            // go pixel by pixel only through the eight that mix them (the antialiased edges).
            while px + 8 <= end {
                let word = UnsafeRawPointer(maskRow + px).loadUnaligned(as: UInt64.self)
                if word == ~0 {
                    (row + px).update(repeating: color, count: 8)
                } else if word != 0 {
                    for i in px..<px + 8 { Canvas.blend(row + i, UInt32(maskRow[i]), color, fs) }
                }
                px += 8
            }
            while px < end {
                Canvas.blend(row + px, UInt32(maskRow[px]), color, fs)
                px += 1
            }
        }
    }

    /// One pixel at `pixel` under coverage `a` of `color` (`spread(color)` in `fs`).
    @inline(__always) static func blend(_ pixel: UnsafeMutablePointer<UInt32>, _ a: UInt32, _ color: UInt32, _ fs: UInt64) {
        if a == 255 {
            pixel.pointee = color
        } else if a != 0 {
            pixel.pointee = mixed(fs, pixel.pointee, a)
        }
    }

    /// The three channels of `c` in 16-bit lanes of one word (blue, red, green from the bottom), so
    /// that one multiply weighs all three.
    @inline(__always) static func spread(_ c: UInt32) -> UInt64 { UInt64(c & 0x00FF_00FF) | UInt64(c & 0x0000_FF00) << 24 }

    /// `mix` of every channel at once, in the lanes of `spread`: each lane's sum stays below 2¹⁶
    /// (255·255 + 128 + 255), so no lane carries into the next and the result is `mix`'s, bit for bit.
    @inline(__always) static func mixed(_ fs: UInt64, _ bg: UInt32, _ a: UInt32) -> UInt32 {
        let lanes: UInt64 = 0x0000_00FF_00FF_00FF
        let t = fs &* UInt64(a) &+ spread(bg) &* UInt64(255 - a) &+ 0x0000_0080_0080_0080
        let u = (t &+ (t >> 8 & lanes)) >> 8 & lanes
        return UInt32(truncatingIfNeeded: u & 0x00FF_00FF) | UInt32(truncatingIfNeeded: u >> 24) & 0xFF00
    }

    /// (f·a + b·(255−a)) / 255, rounded, without a division.
    @inline(__always) static func mix(_ f: UInt32, _ b: UInt32, _ a: UInt32, _ ia: UInt32) -> UInt32 {
        let t = f * a + b * ia + 128
        return (t + (t >> 8)) >> 8
    }

    /// Blends one pixel with coverage `a` (0–255).
    @inline(__always) func blendPixel(x: Int, y: Int, color: UInt32, alpha a: UInt32) {
        guard a > 0 else { return }
        let i = y * width + x
        if a >= 255 { pixels[i] = color; return }
        pixels[i] = Canvas.mixed(Canvas.spread(color), pixels[i], a)
    }
}
