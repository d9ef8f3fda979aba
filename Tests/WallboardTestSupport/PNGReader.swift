import WallboardCore
import WallboardRender

/// Why a PNG could not be read; names the chunk or field at fault.
public enum PNGError: Error, Equatable, CustomStringConvertible {
    case notPNG
    case truncated(chunk: String)
    case badCRC(chunk: String)
    case missingHeader
    case unsupported(String)
    case badImageData(String)

    public var description: String {
        switch self {
        case .notPNG: return "not a PNG file (bad signature)"
        case .truncated(let chunk): return "PNG truncated in chunk \(chunk)"
        case .badCRC(let chunk): return "PNG chunk \(chunk) fails its CRC"
        case .missingHeader: return "PNG has no IHDR chunk before its image data"
        case .unsupported(let what): return "PNG not supported: \(what) (8-bit RGB or RGBA, not interlaced)"
        case .badImageData(let why): return "PNG image data is damaged: \(why)"
        }
    }
}

/// Reads 8-bit RGB and RGBA, non-interlaced PNGs (what `PNGWriter` and most tools write) into a
/// Canvas; alpha is dropped. For golden-image tests and snapshot checks: test-only, so it lives here,
/// not in the library (which only writes PNGs).
public enum PNGReader {
    public static func decode(_ png: [UInt8]) throws(PNGError) -> Canvas {
        guard png.count >= 8, Array(png[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw .notPNG }
        var offset = 8
        var width = 0, height = 0, channels = 0
        var idat: [UInt8] = []
        var sawEnd = false
        while offset + 8 <= png.count && !sawEnd {
            let length = Int(readBigEndian(png, offset))
            let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard length >= 0, offset + 12 + length <= png.count else { throw .truncated(chunk: type) }
            let body = png[(offset + 8)..<(offset + 8 + length)]
            guard CRC32.checksum(png[(offset + 4)..<(offset + 8 + length)]) == readBigEndian(png, offset + 8 + length)
            else { throw .badCRC(chunk: type) }
            switch type {
            case "IHDR":
                guard length == 13 else { throw .badImageData("IHDR length \(length)") }
                let b = Array(body)
                width = Int(readBigEndian(b, 0))
                height = Int(readBigEndian(b, 4))
                guard b[8] == 8 else { throw .unsupported("bit depth \(b[8])") }
                switch b[9] {
                case 2: channels = 3
                case 6: channels = 4
                default: throw .unsupported("colour type \(b[9])")
                }
                guard b[12] == 0 else { throw .unsupported("interlacing") }
                guard width > 0, height > 0, width <= 1 << 15, height <= 1 << 15 else {
                    throw .badImageData("size \(width)x\(height)")
                }
            case "IDAT":
                guard channels > 0 else { throw .missingHeader }
                idat += body
            case "IEND":
                sawEnd = true
            default:
                break  // ancillary chunks are ignored
            }
            offset += 12 + length
        }
        guard channels > 0 else { throw .missingHeader }
        let raw: [UInt8]
        do { raw = try Inflate.zlib(idat) } catch { throw .badImageData(error.description) }
        let stride = width * channels
        guard raw.count >= height * (stride + 1) else { throw .badImageData("\(raw.count) bytes for \(width)x\(height)") }
        let canvas = Canvas(width: width, height: height)
        var rows = raw  // unfiltered in place
        let zeros = [UInt8](repeating: 0, count: stride)
        let ok = rows.withUnsafeMutableBufferPointer { buffer -> Bool in
            zeros.withUnsafeBufferPointer { zero -> Bool in
                let bytes = buffer.baseAddress!, out = canvas.pixels.baseAddress!
                for y in 0..<height {
                    let start = y * (stride + 1)
                    let row = bytes + start + 1
                    let previous = y == 0 ? zero.baseAddress! : UnsafePointer(bytes + start - stride)
                    guard PNGUnfilter.undo(bytes[start], row: row, previous: previous, count: stride, bpp: channels) else { return false }
                    let pixels = out + y * width
                    var i = 0, x = 0
                    while x < width {
                        pixels[x] = UInt32(row[i]) << 16 | UInt32(row[i &+ 1]) << 8 | UInt32(row[i &+ 2])
                        i &+= channels
                        x &+= 1
                    }
                }
                return true
            }
        }
        guard ok else { throw .badImageData("unknown row filter") }
        return canvas
    }

    private static func readBigEndian<C: Collection>(_ bytes: C, _ at: Int) -> UInt32 where C.Element == UInt8, C.Index == Int {
        let i = bytes.startIndex + at
        return UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
    }
}
