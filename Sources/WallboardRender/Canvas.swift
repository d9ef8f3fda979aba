#if canImport(Glibc)
import CWideChar
import Glibc
#endif
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

    /// Fills `rect` (clipped to the canvas) with one colour: rows that span the canvas are one
    /// run, and every run goes through `Canvas.fill(_:_:count:)`.
    public func fill(_ rect: Rect, with color: UInt32) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty, let base = pixels.baseAddress else { return }
        if r.width == width { return Canvas.fill(base + r.y * width, color, count: r.area) }
        for y in r.y..<r.maxY { Canvas.fill(base + y * width + r.x, color, count: r.width) }
    }

    /// `count` pixels from `start` set to `color`, by glibc's wmemset (wchar_t is 32 bits on
    /// Linux): it picks the widest vector stores the CPU has at run time (32 bytes with AVX2),
    /// where Swift's own loop is compiled for baseline x86-64 and stores 16 bytes at a time.
    @inline(__always) static func fill(_ start: UnsafeMutablePointer<UInt32>, _ color: UInt32, count: Int) {
        #if canImport(Glibc)
        start.withMemoryRebound(to: wchar_t.self, capacity: count) { _ = wmemset($0, wchar_t(bitPattern: color), count) }
        #else
        start.update(repeating: color, count: count)
        #endif
    }

    /// Copies the pixels of `rect` (inside the canvas) to `saved`, row after row, `rect.area` of them.
    func save(_ rect: Rect, to saved: UnsafeMutablePointer<UInt32>) {
        guard let base = pixels.baseAddress else { return }
        // memcpy, not `update(from:count:)`, which copies element by element.
        let rowBytes = rect.width * MemoryLayout<UInt32>.stride
        for y in 0..<rect.height { memcpy(saved + y * rect.width, base + (rect.y + y) * width + rect.x, rowBytes) }
    }

    /// The bounding box of the pixels of `rect` that differ from `saved` (as `save` left it), nil
    /// when none do. memcmp does the comparing: whole rows from the top and from the bottom, for the
    /// first and last rows that differ; in the rows between, only the parts left and right of the
    /// box found so far, which are all that could widen it, until the box is the rectangle's width
    /// (a repainted glyph's bitmap usually gets there in its first rows).
    func changedBounds(_ rect: Rect, since saved: UnsafePointer<UInt32>) -> Rect? {
        guard let base = pixels.baseAddress, !rect.isEmpty else { return nil }
        let w = rect.width
        let first = UnsafePointer(base + rect.y * width + rect.x)
        @inline(__always) func row(_ y: Int) -> UnsafePointer<UInt32> { first + y * width }
        @inline(__always) func old(_ y: Int) -> UnsafePointer<UInt32> { saved + y * w }
        var top = 0
        while top < rect.height && Canvas.same(row(top), old(top), w) { top += 1 }
        guard top < rect.height else { return nil }
        var bottom = rect.height - 1
        while bottom > top && Canvas.same(row(bottom), old(bottom), w) { bottom -= 1 }
        var minX = w, maxX = -1
        for y in top...bottom {
            if let x = Canvas.firstDifference(row(y), old(y), minX) { minX = x }
            if let x = Canvas.lastDifference(row(y) + maxX + 1, old(y) + maxX + 1, w - maxX - 1) { maxX += 1 + x }
            if minX == 0 && maxX == w - 1 { break }
        }
        return Rect(x: rect.x + minX, y: rect.y + top, width: maxX - minX + 1, height: bottom - top + 1)
    }

    @inline(__always) static func same(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, _ count: Int) -> Bool {
        count <= 0 || memcmp(a, b, count * MemoryLayout<UInt32>.stride) == 0
    }

    /// Pixels compared a chunk at a time, the chunks by memcmp (measured per update: 256 costs
    /// 4,500 fewer instructions than 32, 128 4,300 fewer: fewer calls, and a chunk found to differ
    /// is scanned a pair at a time anyway).
    static let chunk = 256
    /// Runs this short or shorter are scanned directly: a memcmp call costs more than the scan
    /// (measured: 8 and 16 cost more per update than 32).
    static let inlineRun = 32

    /// The index of the first of `count` pixels where `a` and `b` differ, nil if none does.
    @inline(__always) static func firstDifference(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, _ count: Int) -> Int? {
        if count <= inlineRun { return firstInRun(a, b, count) }
        var start = 0
        while start < count {
            let n = min(chunk, count - start)
            if !same(a + start, b + start, n) { return firstInRun(a + start, b + start, n).map { start + $0 } }
            start += n
        }
        return nil
    }

    /// The index of the last of `count` pixels where `a` and `b` differ, nil if none does.
    @inline(__always) static func lastDifference(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, _ count: Int) -> Int? {
        if count <= inlineRun { return lastInRun(a, b, count) }
        var end = count
        while end > 0 {
            let n = min(chunk, end)
            if !same(a + end - n, b + end - n, n) { return lastInRun(a + end - n, b + end - n, n).map { end - n + $0 } }
            end -= n
        }
        return nil
    }

    /// Two pixels as one 64-bit word; on a little-endian machine the low 32 bits are the first.
    @inline(__always) static func pair(_ p: UnsafePointer<UInt32>) -> UInt64 {
        UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
    }

    /// `firstDifference` within one run, two pixels per step: the XOR of two pairs is nonzero
    /// where they differ, and its trailing zero bits say whether the first pixel (the low half) does.
    @inline(__always) static func firstInRun(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, _ count: Int) -> Int? {
        var i = 0
        while i + 1 < count {
            let x = pair(a + i) ^ pair(b + i)
            if x != 0 { return i + (x.trailingZeroBitCount >> 5) }
            i += 2
        }
        return i < count && a[i] != b[i] ? i : nil
    }

    /// `lastDifference` within one run, two pixels per step from the end: the XOR's leading zero
    /// bits say whether the second pixel (the high half) differs.
    @inline(__always) static func lastInRun(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, _ count: Int) -> Int? {
        var end = count
        while end >= 2 {
            let x = pair(a + end - 2) ^ pair(b + end - 2)
            if x != 0 { return end - 1 - (x.leadingZeroBitCount >> 5) }
            end -= 2
        }
        return end == 1 && a[0] != b[0] ? 0 : nil
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
