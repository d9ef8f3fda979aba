/// Why a deflate/zlib stream could not be decoded, with the byte offset where it went wrong.
public enum InflateError: Error, Equatable, CustomStringConvertible {
    case truncated(offset: Int)
    case badBlockType(offset: Int)
    case storedLengthMismatch(offset: Int)
    case badCode(offset: Int, detail: String)
    case distanceTooFar(offset: Int)
    case badZlibHeader
    case checksumMismatch(expected: UInt32, actual: UInt32)

    public var description: String {
        switch self {
        case .truncated(let o): return "deflate stream ends early at byte \(o)"
        case .badBlockType(let o): return "deflate block at byte \(o) has reserved type 3"
        case .storedLengthMismatch(let o): return "stored block at byte \(o): LEN and NLEN disagree"
        case .badCode(let o, let d): return "deflate stream at byte \(o): \(d)"
        case .distanceTooFar(let o): return "deflate stream at byte \(o): match reaches before the start of the data"
        case .badZlibHeader: return "zlib header is not deflate with a valid check value"
        case .checksumMismatch(let e, let a):
            return "zlib Adler-32 mismatch: stream says \(String(e, radix: 16)), data gives \(String(a, radix: 16))"
        }
    }
}

/// A deflate (RFC 1951) decompressor for stored, fixed and dynamic blocks, and zlib (RFC 1950)
/// framing. Checks everything; never traps on bad input.
public enum Inflate {
    public static func zlib(_ stream: [UInt8]) throws(InflateError) -> [UInt8] {
        guard stream.count >= 6, stream[0] & 0x0F == 8, (UInt16(stream[0]) << 8 | UInt16(stream[1])) % 31 == 0,
              stream[1] & 0x20 == 0
        else { throw .badZlibHeader }
        var reader = BitReader(stream, offset: 2)
        let data = try inflate(&reader)
        reader.alignToByte()
        let at = reader.byteOffset
        guard at + 4 <= stream.count else { throw .truncated(offset: at) }
        let expected = UInt32(stream[at]) << 24 | UInt32(stream[at + 1]) << 16 | UInt32(stream[at + 2]) << 8 | UInt32(stream[at + 3])
        let actual = Adler32.checksum(data)
        guard expected == actual else { throw .checksumMismatch(expected: expected, actual: actual) }
        return data
    }

    public static func raw(_ stream: [UInt8]) throws(InflateError) -> [UInt8] {
        var reader = BitReader(stream, offset: 0)
        return try inflate(&reader)
    }

    static func inflate(_ reader: inout BitReader) throws(InflateError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(reader.remaining * 4)
        var final = false
        while !final {
            final = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0:
                reader.alignToByte()
                let length = Int(try reader.bits(16)), check = Int(try reader.bits(16))
                guard length == ~check & 0xFFFF else { throw .storedLengthMismatch(offset: reader.byteOffset) }
                for _ in 0..<length { out.append(UInt8(try reader.bits(8))) }
            case 1:
                try decodeBlock(&reader, &out, HuffmanDecoder(DeflateTables.fixedLiteralLengths),
                                HuffmanDecoder(DeflateTables.fixedDistanceLengths))
            case 2:
                let (lit, dist) = try readDynamicCodes(&reader)
                try decodeBlock(&reader, &out, lit, dist)
            default:
                throw .badBlockType(offset: reader.byteOffset)
            }
        }
        return out
    }

    private static func readDynamicCodes(_ reader: inout BitReader) throws(InflateError) -> (HuffmanDecoder, HuffmanDecoder) {
        let hlit = Int(try reader.bits(5)) + 257, hdist = Int(try reader.bits(5)) + 1, hclen = Int(try reader.bits(4)) + 4
        guard hlit <= 286, hdist <= 30 else { throw .badCode(offset: reader.byteOffset, detail: "too many codes") }
        var clLengths = [UInt8](repeating: 0, count: 19)
        for i in 0..<hclen { clLengths[DeflateTables.codeLengthOrder[i]] = UInt8(try reader.bits(3)) }
        let cl = HuffmanDecoder(clLengths)
        var lengths: [UInt8] = []
        while lengths.count < hlit + hdist {
            let symbol = try cl.decode(&reader)
            switch symbol {
            case 0..<16: lengths.append(UInt8(symbol))
            case 16:
                guard let last = lengths.last else { throw .badCode(offset: reader.byteOffset, detail: "repeat with nothing before") }
                lengths += repeatElement(last, count: 3 + Int(try reader.bits(2)))
            case 17: lengths += repeatElement(0, count: 3 + Int(try reader.bits(3)))
            default: lengths += repeatElement(0, count: 11 + Int(try reader.bits(7)))
            }
        }
        guard lengths.count == hlit + hdist else { throw .badCode(offset: reader.byteOffset, detail: "code lengths overrun") }
        guard lengths[256] > 0 else { throw .badCode(offset: reader.byteOffset, detail: "no end-of-block code") }
        return (HuffmanDecoder(Array(lengths[0..<hlit])), HuffmanDecoder(Array(lengths[hlit...])))
    }

    private static func decodeBlock(
        _ reader: inout BitReader, _ out: inout [UInt8], _ lit: HuffmanDecoder, _ dist: HuffmanDecoder
    ) throws(InflateError) {
        while true {
            let symbol = try lit.decode(&reader)
            if symbol < 256 {
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let l = symbol - 257
                guard l < 29 else { throw .badCode(offset: reader.byteOffset, detail: "length symbol \(symbol)") }
                let length = DeflateTables.lengthBase[l] + Int(try reader.bits(DeflateTables.lengthExtra[l]))
                let d = try dist.decode(&reader)
                guard d < 30 else { throw .badCode(offset: reader.byteOffset, detail: "distance symbol \(d)") }
                let distance = DeflateTables.distanceBase[d] + Int(try reader.bits(DeflateTables.distanceExtra[d]))
                guard distance <= out.count else { throw .distanceTooFar(offset: reader.byteOffset) }
                let start = out.count - distance
                for k in 0..<length { out.append(out[start + k]) }
            }
        }
    }
}

/// Decodes canonical Huffman codes one bit at a time (as zlib's `puff`): small and obviously right.
struct HuffmanDecoder {
    private var counts = [Int](repeating: 0, count: 16)
    private var symbols: [Int] = []

    init(_ lengths: [UInt8]) {
        for l in lengths { counts[Int(l)] += 1 }
        counts[0] = 0
        var offsets = [Int](repeating: 0, count: 16)
        for bits in 1..<16 { offsets[bits] = offsets[bits - 1] + counts[bits - 1] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, l) in lengths.enumerated() where l > 0 {
            symbols[offsets[Int(l)]] = symbol
            offsets[Int(l)] += 1
        }
    }

    func decode(_ reader: inout BitReader) throws(InflateError) -> Int {
        var code = 0, first = 0, index = 0
        for bits in 1..<16 {
            code |= Int(try reader.bits(1))
            let count = counts[bits]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .badCode(offset: reader.byteOffset, detail: "no code matches")
    }
}

/// Reads bits least-significant first.
struct BitReader {
    private let bytes: [UInt8]
    private(set) var byteOffset: Int
    private var buffer: UInt32 = 0
    private var count = 0

    init(_ bytes: [UInt8], offset: Int) {
        self.bytes = bytes
        byteOffset = offset
    }

    var remaining: Int { bytes.count - byteOffset }

    @inline(__always) mutating func bits(_ n: Int) throws(InflateError) -> UInt32 {
        while count < n {
            guard byteOffset < bytes.count else { throw .truncated(offset: byteOffset) }
            buffer |= UInt32(bytes[byteOffset]) << UInt32(count)
            byteOffset += 1
            count += 8
        }
        let value = n == 32 ? buffer : buffer & ((1 << UInt32(n)) - 1)
        buffer = n == 32 ? 0 : buffer >> UInt32(n)
        count -= n
        return value
    }

    /// Drops the bits left in the current byte.
    mutating func alignToByte() {
        buffer = 0
        count = 0
    }
}
