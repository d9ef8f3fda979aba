import WallboardCore

/// An XRGB8888 pixel buffer in RAM (the shadow buffer): 0x00RRGGBB per pixel, row-major,
/// stride = width. Its memory layout matches DRM_FORMAT_XRGB8888 on little-endian machines,
/// so displays copy rows out of it without conversion.
public final class Canvas: @unchecked Sendable {
    public let width: Int
    public let height: Int
    public let pixels: UnsafeMutableBufferPointer<UInt32>

    public init(width: Int, height: Int, fill: UInt32 = 0) {
        precondition(width > 0 && height > 0, "canvas size must be positive")
        self.width = width
        self.height = height
        pixels = .allocate(capacity: width * height)
        pixels.initialize(repeating: fill)
    }

    deinit { pixels.deallocate() }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    @inline(__always) public subscript(x: Int, y: Int) -> UInt32 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Fills `rect` (clipped to the canvas) with one colour.
    public func fill(_ rect: Rect, with color: UInt32) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        guard let base = pixels.baseAddress else { return }
        for y in r.y..<r.maxY { (base + y * width + r.x).update(repeating: color, count: r.width) }
    }
}

/// Colour helpers for XRGB8888.
public enum RGB {
    @inline(__always) public static func pack(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt32 {
        UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
    }
    @inline(__always) public static func red(_ c: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: c >> 16) }
    @inline(__always) public static func green(_ c: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: c >> 8) }
    @inline(__always) public static func blue(_ c: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: c) }
}
