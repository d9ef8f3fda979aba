import WallboardRender

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
        let at = reader.logicalByteOffset
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
        var out = OutputBuffer(capacity: max(1024, reader.remaining * 4))
        defer { out.free() }
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
        return out.array
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
        _ reader: inout BitReader, _ out: inout OutputBuffer, _ lit: HuffmanDecoder, _ dist: HuffmanDecoder
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
                out.copyMatch(distance: distance, length: length)
            }
        }
    }
}

/// Decodes canonical Huffman codes through a lookup table indexed by the next 15 input bits
/// (codes are at most 15 bits), so each symbol costs one peek and one table read.
struct HuffmanDecoder {
    static let maxBits = 15
    /// Per 15-bit pattern: symbol << 4 | code length; 0 where no code matches.
    private var table: [UInt32]

    init(_ lengths: [UInt8]) {
        let codes = Huffman.canonicalCodes(lengths)
        var table = [UInt32](repeating: 0, count: 1 << HuffmanDecoder.maxBits)
        for (symbol, l) in lengths.enumerated() where l > 0 {
            let length = Int(l)
            let c = codes[symbol]
            guard c < 1 << length else { continue }  // over-subscribed code: leave unmatched
            let reversed = Int(Huffman.reversed(c, length: length))
            let entry = UInt32(symbol) << 4 | UInt32(length)
            var index = reversed
            while index < table.count {
                table[index] = entry
                index += 1 << length
            }
        }
        self.table = table
    }

    @inline(__always) func decode(_ reader: inout BitReader) throws(InflateError) -> Int {
        let entry = table[Int(reader.peek15())]
        let length = Int(entry & 0xF)
        guard length > 0 else { throw .badCode(offset: reader.byteOffset, detail: "no code matches") }
        try reader.consume(length)
        return Int(entry >> 4)
    }
}

/// Growable output with match copies done in place (an Array would copy itself on every
/// self-referencing append in debug builds).
struct OutputBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `length` bytes starting `distance` back; overlapping copies repeat the pattern.
    mutating func copyMatch(distance: Int, length: Int) {
        reserve(length)
        let from = base + count - distance, to = base + count
        // The source region is periodic with period `distance`, so once `copied` is a multiple of
        // it, the first `distance + copied` source bytes are valid: copy spans double each time.
        var copied = 0
        while copied < length {
            let n = min(distance + copied, length - copied)
            (to + copied).update(from: from, count: n)
            copied += n
        }
        count += length
    }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
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

    /// The next 15 bits without consuming them (zeros past the end of the input).
    @inline(__always) mutating func peek15() -> UInt32 {
        while count < 15 {
            let byte: UInt32 = byteOffset < bytes.count ? UInt32(bytes[byteOffset]) : 0
            buffer |= byte << UInt32(count)
            byteOffset += 1
            count += 8
        }
        return buffer & 0x7FFF
    }

    /// Drops `n` bits that `peek15` has already loaded, failing if they lie past the end.
    @inline(__always) mutating func consume(_ n: Int) throws(InflateError) {
        // Bytes loaded beyond the input are padding: consuming into them means the stream is short.
        let padding = max(0, byteOffset - bytes.count) * 8
        guard n <= count - padding else { throw .truncated(offset: bytes.count) }
        buffer >>= UInt32(n)
        count -= n
    }

    @inline(__always) mutating func bits(_ n: Int) throws(InflateError) -> UInt32 {
        guard n > 0 else { return 0 }
        while count < n {
            guard byteOffset < bytes.count else { throw .truncated(offset: byteOffset) }
            buffer |= UInt32(bytes[byteOffset]) << UInt32(count)
            byteOffset += 1
            count += 8
        }
        let padding = max(0, byteOffset - bytes.count) * 8
        guard n <= count - padding else { throw .truncated(offset: bytes.count) }
        let value = buffer & ((1 << UInt32(n)) - 1)
        buffer >>= UInt32(n)
        count -= n
        return value
    }

    /// Drops the bits left in the current byte (whole bytes already loaded stay buffered).
    mutating func alignToByte() {
        let drop = count % 8
        buffer >>= UInt32(drop)
        count -= drop
    }

    /// The offset of the next unread byte, once aligned.
    var logicalByteOffset: Int { byteOffset - count / 8 }
}
