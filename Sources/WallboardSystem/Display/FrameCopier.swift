import WallboardCore
import WallboardRender

/// A destination for pixels: a mapped framebuffer (DRM dumb buffer, /dev/fb0) or any memory.
/// `width`×`height` is the panel's physical size; rows are `stride` bytes apart.
public struct FrameTarget {
    public var base: UnsafeMutableRawPointer
    public var width: Int
    public var height: Int
    public var stride: Int
    public var format: PixelFormat

    public init(base: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int, format: PixelFormat) {
        self.base = base
        self.width = width
        self.height = height
        self.stride = stride
        self.format = format
    }
}

/// Copies rectangles of the RAM canvas (logical orientation) into a framebuffer (physical
/// orientation), rotating and converting as it goes.
///
/// Mapped scanout memory is often uncached, so this only ever writes it, and writes each
/// destination row front to back so the CPU can combine the stores.
public enum FrameCopier {
    /// Maps a rectangle in logical (canvas) coordinates to the physical rectangle it lands on.
    /// `logicalWidth`×`logicalHeight` is the canvas size.
    public static func physicalRect(_ r: Rect, rotation: Rotation, logicalWidth: Int, logicalHeight: Int) -> Rect {
        switch rotation {
        case .none: return r
        case .quarter:  // clockwise: logical (x, y) → physical (H-1-y, x)
            return Rect(x: logicalHeight - r.maxY, y: r.x, width: r.height, height: r.width)
        case .half:
            return Rect(x: logicalWidth - r.maxX, y: logicalHeight - r.maxY, width: r.width, height: r.height)
        case .threeQuarter:  // logical (x, y) → physical (y, W-1-x)
            return Rect(x: r.y, y: logicalWidth - r.maxX, width: r.height, height: r.width)
        }
    }

    /// The canvas pixel shown at physical (px, py).
    @inline(__always) static func logicalPoint(
        px: Int, py: Int, rotation: Rotation, logicalWidth: Int, logicalHeight: Int
    ) -> (x: Int, y: Int) {
        switch rotation {
        case .none: return (px, py)
        case .quarter: return (py, logicalHeight - 1 - px)
        case .half: return (logicalWidth - 1 - px, logicalHeight - 1 - py)
        case .threeQuarter: return (logicalWidth - 1 - py, px)
        }
    }

    /// Copies `rect` (logical coordinates, clipped to the canvas) into `target`.
    /// The target's physical size must be the canvas size rotated by `rotation`; anything
    /// that falls outside the target is clipped rather than written.
    public static func copy(_ canvas: Canvas, rect: Rect, rotation: Rotation, into target: FrameTarget) {
        let logical = rect.intersection(canvas.bounds)
        guard !logical.isEmpty else { return }
        let phys = physicalRect(logical, rotation: rotation, logicalWidth: canvas.width, logicalHeight: canvas.height)
            .intersection(Rect(x: 0, y: 0, width: target.width, height: target.height))
        guard !phys.isEmpty else { return }
        let src = canvas.pixels.baseAddress!
        let format = target.format

        if rotation == .none && format.isCanvasLayout {
            // The common case: straight row copies.
            for py in phys.y..<phys.maxY {
                let dst = target.base + py * target.stride + phys.x * 4
                dst.copyMemory(from: src + (py * canvas.width + phys.x), byteCount: phys.width * 4)
            }
            return
        }
        let lw = canvas.width, lh = canvas.height
        for py in phys.y..<phys.maxY {
            let row = target.base + py * target.stride
            if format.bitsPerPixel == 32 {
                let out = row.assumingMemoryBound(to: UInt32.self)
                for px in phys.x..<phys.maxX {
                    let p = logicalPoint(px: px, py: py, rotation: rotation, logicalWidth: lw, logicalHeight: lh)
                    let c = src[p.y * lw + p.x]
                    out[px] = format.isCanvasLayout ? c : format.encode(c)
                }
            } else {
                let out = row.assumingMemoryBound(to: UInt16.self)
                for px in phys.x..<phys.maxX {
                    let p = logicalPoint(px: px, py: py, rotation: rotation, logicalWidth: lw, logicalHeight: lh)
                    out[px] = UInt16(truncatingIfNeeded: format.encode(src[p.y * lw + p.x]))
                }
            }
        }
    }
}
