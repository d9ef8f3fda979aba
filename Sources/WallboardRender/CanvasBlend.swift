#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

extension Canvas {
    /// Blends `color` into the canvas through an 8-bit coverage mask placed at (`x`, `y`), clipped to
    /// `clip` and the canvas. Integer arithmetic, exact at 0 and 255.
    func blend(mask: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Int, y: Int, color: UInt32, clip: Rect) {
        let area = clip.intersection(bounds).intersection(Rect(x: x, y: y, width: width, height: height))
        guard !area.isEmpty, let maskBase = mask.baseAddress else { return }
        blend(mask: maskBase, width: width, x: x, y: y, color: color, area: area)
    }

    /// `blend(mask:…)` of the part `area` of the mask's box (inside the canvas, not empty).
    func blend(mask: UnsafePointer<UInt8>, width: Int, x: Int, y: Int, color: UInt32, area: Rect) {
        guard let base = pixels.baseAddress else { return }
        Canvas.blend(into: base + area.y * self.width + area.x, stride: self.width,
                     mask: mask + (area.y - y) * width + (area.x - x), maskStride: width,
                     width: area.width, height: area.height, color: color)
    }

    /// The blend itself, on any rows of pixels: the canvas's, or a glyph cell's (`GlyphInk`),
    /// which must come out exactly as the canvas would. `over`: the colour every target pixel
    /// holds, when known (a cell), which takes the background's half of each mix out of the loop.
    /// Inlined into its two callers, so that each loop is compiled for its own case.
    @inline(__always) static func blend(
        into target: UnsafeMutablePointer<UInt32>, stride: Int, mask: UnsafePointer<UInt8>, maskStride: Int,
        width: Int, height: Int, color: UInt32, over background: UInt32? = nil
    ) {
        let fs = Canvas.spread(color)
        let solid = background.map { Canvas.Solid(fs, $0) }
        for y in 0..<height {
            let maskRow = mask + y * maskStride
            let row = target + y * stride
            var px = 0
            // Glyphs are mostly runs of no ink and full ink: take eight coverage bytes at a time, and
            // go pixel by pixel only through the eight that mix them (the antialiased edges).
            while px + 8 <= width {
                let word = UnsafeRawPointer(maskRow + px).loadUnaligned(as: UInt64.self)
                if word == ~0 {
                    (row + px).update(repeating: color, count: 8)
                } else if word != 0 {
                    for i in px..<px + 8 { Canvas.blend(row + i, UInt32(maskRow[i]), color, fs, solid) }
                }
                px += 8
            }
            while px < width {
                Canvas.blend(row + px, UInt32(maskRow[px]), color, fs, solid)
                px += 1
            }
        }
    }

    /// Copies the part `area` (inside the canvas, not empty) of a cell of ready pixels
    /// (`GlyphInk.cell`), `width` pixels a row, placed at (`x`, `y`): a row at a time, by memcpy.
    func copy(cell: UnsafePointer<UInt32>, width: Int, x: Int, y: Int, area: Rect) {
        guard let base = pixels.baseAddress else { return }
        var source = cell + (area.y - y) * width + (area.x - x)
        var target = base + area.y * self.width + area.x
        // memcpy itself: `update(from:)` checks for overlap, which a cell and the canvas never have.
        let bytes = area.width * MemoryLayout<UInt32>.stride
        for _ in 0..<area.height {
            memcpy(target, source, bytes)
            source += width
            target += self.width
        }
    }

    /// True when every pixel of `rect` (clipped to the canvas) is `color`: what a caller promises
    /// when it hands `TextLine.draw` a background, checked by debug builds (so by the tests).
    func isSolid(_ rect: Rect, _ color: UInt32) -> Bool {
        let r = rect.intersection(bounds)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX where self[x, y] != color { return false } }
        return true
    }

    /// One pixel at `pixel` under coverage `a` of `color` (`spread(color)` in `fs`), over what it
    /// holds, or over `solid`'s background when given (which it must then hold).
    @inline(__always) static func blend(
        _ pixel: UnsafeMutablePointer<UInt32>, _ a: UInt32, _ color: UInt32, _ fs: UInt64, _ solid: Solid? = nil
    ) {
        if a == 255 {
            pixel.pointee = color
        } else if a != 0 {
            pixel.pointee = solid.map { $0.mixed(a) } ?? mixed(fs, pixel.pointee, a)
        }
    }

    /// `mixed(fs, background, a)` for one background, with the background's terms worked out
    /// once: fs·a + b·(255−a) + ½ = (fs−b)·a + (255·b + ½), the same integer (< 2⁴⁸, so the
    /// wrapping arithmetic, whose lanes borrow from one another on the way, lands on it exactly).
    struct Solid {
        let difference: UInt64
        let constant: UInt64

        @inline(__always) init(_ fs: UInt64, _ background: UInt32) {
            let bs = Canvas.spread(background)
            difference = fs &- bs
            constant = bs &* 255 &+ 0x0000_0080_0080_0080
        }

        @inline(__always) func mixed(_ a: UInt32) -> UInt32 { Canvas.packed(difference &* UInt64(a) &+ constant) }
    }

    /// The three channels of `c` in 16-bit lanes of one word (blue, red, green from the bottom), so
    /// that one multiply weighs all three.
    @inline(__always) static func spread(_ c: UInt32) -> UInt64 { UInt64(c & 0x00FF_00FF) | UInt64(c & 0x0000_FF00) << 24 }

    /// `mix` of every channel at once, in the lanes of `spread`: each lane's sum stays below 2¹⁶
    /// (255·255 + 128 + 255), so no lane carries into the next and the result is `mix`'s, bit for bit.
    @inline(__always) static func mixed(_ fs: UInt64, _ bg: UInt32, _ a: UInt32) -> UInt32 {
        packed(fs &* UInt64(a) &+ spread(bg) &* UInt64(255 - a) &+ 0x0000_0080_0080_0080)
    }

    /// Each lane of `t` divided by 255, rounded (`mix`'s last step), packed back into a pixel.
    @inline(__always) static func packed(_ t: UInt64) -> UInt32 {
        let lanes: UInt64 = 0x0000_00FF_00FF_00FF
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
