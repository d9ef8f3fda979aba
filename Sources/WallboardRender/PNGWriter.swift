import WallboardCore

/// Encodes a canvas (or any pixel source) as a PNG: 8-bit RGB, no dependency.
///
/// Each row takes the PNG filter (None, Sub, Up, Paeth) that leaves the smallest residuals, and the
/// filtered rows are compressed with our own `Deflate` — a board image (flat panels, a few
/// antialiased edges) shrinks to a few percent of its raw size.
public enum PNGWriter {
    public static func encode(_ canvas: Canvas) -> [UInt8] {
        let width = canvas.width
        return encodeRows(width: width, height: canvas.height) { y, row in
            let source = canvas.pixels.baseAddress! + y * width
            for x in 0..<width {
                let c = source[x]
                row[x * 3] = UInt8(truncatingIfNeeded: c >> 16)
                row[x * 3 + 1] = UInt8(truncatingIfNeeded: c >> 8)
                row[x * 3 + 2] = UInt8(truncatingIfNeeded: c)
            }
        }
    }

    /// Encodes `width`×`height` pixels read through `pixel(x, y)` (XRGB8888).
    public static func encode(width: Int, height: Int, pixel: (Int, Int) -> UInt32) -> [UInt8] {
        encodeRows(width: width, height: height) { y, row in
            for x in 0..<width {
                let c = pixel(x, y)
                row[x * 3] = RGB.red(c)
                row[x * 3 + 1] = RGB.green(c)
                row[x * 3 + 2] = RGB.blue(c)
            }
        }
    }

    /// Encodes rows that `fill(y, row)` writes as RGB bytes into `row`.
    static func encodeRows(width: Int, height: Int, fill: (Int, UnsafeMutablePointer<UInt8>) -> Void) -> [UInt8] {
        let stride = width * 3
        var raw = [UInt8](repeating: 0, count: height * (1 + stride))
        let rows = UnsafeMutablePointer<UInt8>.allocate(capacity: stride * 2)
        rows.initialize(repeating: 0, count: stride * 2)
        defer { rows.deallocate() }
        raw.withUnsafeMutableBufferPointer { out in
            var previous = rows, current = rows + stride
            for y in 0..<height {
                fill(y, current)
                let base = out.baseAddress! + y * (1 + stride)
                base[0] = PNGFilter.filterBest(row: current, previous: previous, count: stride, into: base + 1)
                swap(&previous, &current)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr = [UInt8]()
        ihdr.appendBigEndian(UInt32(width))
        ihdr.appendBigEndian(UInt32(height))
        ihdr += [8, 2, 0, 0, 0]  // depth 8, colour type RGB, deflate, adaptive filter, no interlace
        appendChunk("IHDR", ihdr, to: &png)
        appendChunk("IDAT", Deflate.zlib(raw), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typeAndData = Array(type.utf8) + data
        png += typeAndData
        png.appendBigEndian(CRC32.checksum(typeAndData))
    }

    /// A zlib stream of stored deflate blocks (at most 65,535 bytes each).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let n = min(65_535, data.count - offset)
            let final: UInt8 = offset + n == data.count ? 1 : 0
            out.append(final)
            out.append(UInt8(n & 0xFF)); out.append(UInt8(n >> 8))
            out.append(UInt8(~n & 0xFF)); out.append(UInt8((~n >> 8) & 0xFF))
            out += data[offset..<offset + n]
            offset += n
        } while offset < data.count
        out.appendBigEndian(Adler32.checksum(data))
        return out
    }
}

/// CRC-32 (ISO-HDLC, as PNG and zlib's gzip use).
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// Adler-32, the zlib stream checksum.
public enum Adler32 {
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var a: UInt32 = 1, b: UInt32 = 0
            guard let p = buffer.baseAddress else { return 1 }
            let n = buffer.count
            var i = 0
            while i < n {
                let end = min(i + 5552, n)  // largest run before the sums can overflow
                while i < end {
                    a &+= UInt32(p[i]); b &+= a
                    i &+= 1
                }
                a %= 65_521; b %= 65_521
            }
            return b << 16 | a
        }
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF))
        append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }
}
