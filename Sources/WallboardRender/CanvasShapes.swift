import WallboardCore

/// The few shapes the board needs: hatching, outlines and alarm icons. All are functions of absolute
/// pixel position, so repainting any part of a shape reproduces exactly the same pixels.
extension Canvas {
    /// Diagonal stripes of `a` and `b`, `stripe` pixels wide, over `rect` ∩ `clip`. The pattern is
    /// anchored at `origin`, so a burn-in shift moves the stripes with everything else.
    func hatch(_ rect: Rect, _ a: UInt32, _ b: UInt32, stripe: Int, clip: Rect, origin: (x: Int, y: Int) = (0, 0)) {
        let r = rect.intersection(clip).intersection(bounds)
        guard !r.isEmpty, let base = pixels.baseAddress else { return }
        let period = max(2, stripe * 2), s = max(1, stripe)
        for y in r.y..<r.maxY {
            let row = base + y * width
            var phase = ((r.x - origin.x + y - origin.y) % period + period) % period
            for x in r.x..<r.maxX {
                row[x] = phase < s ? a : b
                phase += 1
                if phase == period { phase = 0 }
            }
        }
    }

    /// The band of width `thickness` just inside `rect`'s edge, as four rectangles.
    static func frameBands(_ rect: Rect, thickness t: Int) -> [Rect] {
        let t = max(0, min(t, min(rect.width, rect.height) / 2))
        guard t > 0 else { return [] }
        return [
            Rect(x: rect.x, y: rect.y, width: rect.width, height: t),
            Rect(x: rect.x, y: rect.maxY - t, width: rect.width, height: t),
            Rect(x: rect.x, y: rect.y + t, width: t, height: rect.height - 2 * t),
            Rect(x: rect.maxX - t, y: rect.y + t, width: t, height: rect.height - 2 * t),
        ]
    }

    func strokeRect(_ rect: Rect, thickness: Int, color: UInt32, clip: Rect) {
        for band in Canvas.frameBands(rect, thickness: thickness) { fill(band.intersection(clip), with: color) }
    }

    /// An antialiased filled disc inscribed in `rect`.
    func disc(in rect: Rect, color: UInt32, clip: Rect) {
        let r = rect.intersection(clip).intersection(bounds)
        guard !r.isEmpty else { return }
        let cx = Double(rect.x) + Double(rect.width) / 2, cy = Double(rect.y) + Double(rect.height) / 2
        let radius = Double(min(rect.width, rect.height)) / 2
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                let coverage = radius - (dx * dx + dy * dy).squareRoot() + 0.5
                if coverage > 0 { blendPixel(x: x, y: y, color: color, alpha: UInt32(min(1, coverage) * 255)) }
            }
        }
    }

    /// An antialiased upward triangle inscribed in `rect` (4×4 supersampling).
    func triangle(in rect: Rect, color: UInt32, clip: Rect) {
        let r = rect.intersection(clip).intersection(bounds)
        guard !r.isEmpty else { return }
        let top = Double(rect.y), bottom = Double(rect.maxY)
        let cx = Double(rect.x) + Double(rect.width) / 2, half = Double(rect.width) / 2
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                var hits: UInt32 = 0
                for sy in 0..<4 {
                    let py = Double(y) + (Double(sy) + 0.5) / 4
                    let reach = half * (py - top) / (bottom - top)
                    for sx in 0..<4 where abs(Double(x) + (Double(sx) + 0.5) / 4 - cx) <= reach { hits += 1 }
                }
                blendPixel(x: x, y: y, color: color, alpha: hits * 255 / 16)
            }
        }
    }
}
