import WallboardCore

extension Canvas {
    /// Blends `color` into the canvas through an 8-bit coverage mask placed at (`x`, `y`), clipped to
    /// `clip` and the canvas. Integer arithmetic, exact at 0 and 255.
    func blend(mask: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Int, y: Int, color: UInt32, clip: Rect) {
        let area = clip.intersection(bounds).intersection(Rect(x: x, y: y, width: width, height: height))
        guard !area.isEmpty, let maskBase = mask.baseAddress, let base = pixels.baseAddress else { return }
        let fr = color >> 16 & 0xFF, fg = color >> 8 & 0xFF, fb = color & 0xFF
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
                    for i in px..<px + 8 { Canvas.blend(row + i, UInt32(maskRow[i]), color, fr, fg, fb) }
                }
                px += 8
            }
            while px < end {
                Canvas.blend(row + px, UInt32(maskRow[px]), color, fr, fg, fb)
                px += 1
            }
        }
    }

    /// One pixel at `pixel` under coverage `a` of `color` (whose channels are `fr`, `fg`, `fb`).
    @inline(__always) static func blend(_ pixel: UnsafeMutablePointer<UInt32>, _ a: UInt32, _ color: UInt32, _ fr: UInt32, _ fg: UInt32, _ fb: UInt32) {
        if a == 255 {
            pixel.pointee = color
        } else if a != 0 {
            let bg = pixel.pointee
            let ia = 255 - a
            pixel.pointee = mix(fr, bg >> 16 & 0xFF, a, ia) << 16 | mix(fg, bg >> 8 & 0xFF, a, ia) << 8 | mix(fb, bg & 0xFF, a, ia)
        }
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
        let bg = pixels[i], ia = 255 - a
        pixels[i] = Canvas.mix(color >> 16 & 0xFF, bg >> 16 & 0xFF, a, ia) << 16
            | Canvas.mix(color >> 8 & 0xFF, bg >> 8 & 0xFF, a, ia) << 8
            | Canvas.mix(color & 0xFF, bg & 0xFF, a, ia)
    }
}
