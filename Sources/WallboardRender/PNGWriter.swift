import WallboardCore

/// Encodes a canvas (or a region of it) as a PNG: 8-bit RGB, no dependency.
///
/// The zlib stream uses stored (uncompressed) deflate blocks: simple and fast, at the cost of
/// size. Good enough for snapshots; see `Deflate` if a smaller file is needed.
public enum PNGWriter {
    public static func encode(_ canvas: Canvas) -> [UInt8] {
        encode(width: canvas.width, height: canvas.height) { x, y in canvas[x, y] }
    }

    /// Encodes `width`×`height` pixels read through `pixel(x, y)` (XRGB8888).
    public static func encode(width: Int, height: Int, pixel: (Int, Int) -> UInt32) -> [UInt8] {
        var raw = [UInt8]()
        raw.reserveCapacity(height * (1 + width * 3))
        for y in 0..<height {
            raw.append(0)  // filter: none
            for x in 0..<width {
                let c = pixel(x, y)
                raw.append(RGB.red(c))
                raw.append(RGB.green(c))
                raw.append(RGB.blue(c))
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr = [UInt8]()
        ihdr.appendBigEndian(UInt32(width))
        ihdr.appendBigEndian(UInt32(height))
        ihdr += [8, 2, 0, 0, 0]  // depth 8, colour type RGB, deflate, adaptive filter, no interlace
        appendChunk("IHDR", ihdr, to: &png)
        appendChunk("IDAT", zlibStored(raw), to: &png)
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
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < bytes.count {
            let end = min(i + 5552, bytes.count)  // largest run before the sums can overflow
            while i < end {
                a &+= UInt32(bytes[i]); b &+= a
                i += 1
            }
            a %= 65_521; b %= 65_521
        }
        return b << 16 | a
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF))
        append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }
}
