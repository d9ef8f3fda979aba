/// A deflate (RFC 1951) compressor: LZ77 over a 32 KiB window with hash chains, then one dynamic
/// Huffman block per chunk of symbols (or a stored block when that is smaller). Written for board
/// images — long runs of flat colour — where it is both fast and small.
public enum Deflate {
    /// Longest hash chain followed per position: more finds slightly better matches, slower.
    static let maxChain = 24
    static let window = 32_768
    /// Symbols per block: each block gets Huffman codes fitted to its own content.
    static let blockSymbols = 1 << 16

    /// Compresses `data` into a raw deflate stream.
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        // Symbols: a literal byte (< 256) or a match, packed as 1 << 31 | length << 16 | distance.
        var symbols: [UInt32] = []
        symbols.reserveCapacity(min(data.count, blockSymbols) + 1)
        var blockStart = 0
        data.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var head = [Int32](repeating: -1, count: 1 << 15)
            var prev = [Int32](repeating: -1, count: window)
            @inline(__always) func hash(_ i: Int) -> Int {
                (Int(bytes[i]) << 10 ^ Int(bytes[i + 1]) << 5 ^ Int(bytes[i + 2])) & 0x7FFF
            }
            @inline(__always) func insert(_ i: Int) {
                guard i + 2 < n else { return }
                let h = hash(i)
                prev[i & (window - 1)] = head[h]
                head[h] = Int32(i)
            }
            var i = 0
            while i < n {
                var bestLength = 0, bestDistance = 0
                if i + 2 < n {
                    var candidate = Int(head[hash(i)])
                    var chain = maxChain
                    let limit = min(258, n - i)
                    while candidate >= 0 && i - candidate <= window && chain > 0 {
                        if bytes[candidate + bestLength] == bytes[i + bestLength] {
                            var length = 0
                            while length < limit && bytes[candidate + length] == bytes[i + length] { length += 1 }
                            if length > bestLength {
                                bestLength = length
                                bestDistance = i - candidate
                                if length == limit { break }
                            }
                        }
                        let next = Int(prev[candidate & (window - 1)])
                        if next >= candidate { break }  // stale entry from an older window position
                        candidate = next
                        chain -= 1
                    }
                }
                if bestLength >= 3 {
                    symbols.append(1 << 31 | UInt32(bestLength) << 16 | UInt32(bestDistance))
                    // Index the start of a match fully but only a few positions of a long one: runs
                    // of flat colour are found again from any recent position, and this keeps
                    // compression of a 6 MB frame linear and fast.
                    if bestLength <= 32 {
                        for j in i..<(i + bestLength) { insert(j) }
                    } else {
                        for j in i..<(i + 8) { insert(j) }
                        for j in (i + bestLength - 4)..<(i + bestLength) { insert(j) }
                    }
                    i += bestLength
                } else {
                    symbols.append(UInt32(bytes[i]))
                    insert(i)
                    i += 1
                }
                if symbols.count >= blockSymbols {
                    writeBlock(symbols, raw: bytes[blockStart..<i], final: false, to: &out)
                    symbols.removeAll(keepingCapacity: true)
                    blockStart = i
                }
            }
            writeBlock(symbols, raw: bytes[blockStart..<n], final: true, to: &out)
        }
        return out.finish()
    }

    /// A zlib (RFC 1950) stream: header, deflate data, Adler-32 of the data.
    public static func zlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x9C]  // 32 KiB window, default compression, check bits
        out += compress(data)
        out.appendBigEndian(Adler32.checksum(data))
        return out
    }

    private static func writeBlock(_ symbols: [UInt32], raw: Slice<UnsafeBufferPointer<UInt8>>, final: Bool, to out: inout BitWriter) {
        var litFreq = [Int](repeating: 0, count: 286), distFreq = [Int](repeating: 0, count: 30)
        for s in symbols {
            if s < 256 {
                litFreq[Int(s)] += 1
            } else {
                let length = Int(s >> 16 & 0x7FFF), distance = Int(s & 0xFFFF)
                litFreq[257 + Int(DeflateTables.lengthSymbol[length])] += 1
                distFreq[DeflateTables.distanceSymbol(distance)] += 1
            }
        }
        litFreq[256] = 1
        if distFreq.allSatisfy({ $0 == 0 }) { distFreq[0] = 1 }
        let litLengths = Huffman.lengths(litFreq, limit: 15)
        let distLengths = Huffman.lengths(distFreq, limit: 15)
        let header = dynamicHeader(litLengths, distLengths)

        // Cost in bits of the dynamic block, to compare with storing the bytes as they are.
        var bits = header.bits
        for (symbol, f) in litFreq.enumerated() where f > 0 {
            bits += f * Int(litLengths[symbol]) + (symbol > 256 ? f * DeflateTables.lengthExtra[symbol - 257] : 0)
        }
        for (symbol, f) in distFreq.enumerated() where f > 0 {
            bits += f * (Int(distLengths[symbol]) + DeflateTables.distanceExtra[symbol])
        }
        let storedBits = (raw.count / 65_535 + 1) * 40 + raw.count * 8 + 7
        if storedBits < bits + 3 {
            writeStored(raw, final: final, to: &out)
            return
        }
        out.write(final ? 1 : 0, 1)
        out.write(2, 2)  // dynamic Huffman
        header.write(&out)
        let litCodes = Huffman.reversedCodes(litLengths), distCodes = Huffman.reversedCodes(distLengths)
        for s in symbols {
            if s < 256 {
                out.write(litCodes[Int(s)], Int(litLengths[Int(s)]))
            } else {
                let length = Int(s >> 16 & 0x7FFF), distance = Int(s & 0xFFFF)
                let l = Int(DeflateTables.lengthSymbol[length])
                out.write(litCodes[257 + l], Int(litLengths[257 + l]))
                out.write(UInt32(length - DeflateTables.lengthBase[l]), DeflateTables.lengthExtra[l])
                let d = DeflateTables.distanceSymbol(distance)
                out.write(distCodes[d], Int(distLengths[d]))
                out.write(UInt32(distance - DeflateTables.distanceBase[d]), DeflateTables.distanceExtra[d])
            }
        }
        out.write(litCodes[256], Int(litLengths[256]))
    }

    private static func writeStored(_ raw: Slice<UnsafeBufferPointer<UInt8>>, final: Bool, to out: inout BitWriter) {
        var offset = raw.startIndex
        repeat {
            let n = min(65_535, raw.endIndex - offset)
            let last = offset + n == raw.endIndex
            out.write(final && last ? 1 : 0, 1)
            out.write(0, 2)
            out.alignToByte()
            out.write(UInt32(n), 16)
            out.write(UInt32(~n & 0xFFFF), 16)
            for b in raw[offset..<offset + n] { out.write(UInt32(b), 8) }
            offset += n
        } while offset < raw.endIndex
    }

    /// The code-length header of a dynamic block: both codes' lengths, run-length coded with
    /// symbols 16 (repeat previous), 17 and 18 (runs of zeros), themselves Huffman coded.
    struct DynamicHeader {
        var hlit: Int, hdist: Int, hclen: Int
        var items: [(symbol: Int, extra: UInt32, extraBits: Int)]
        var clLengths: [UInt8]
        var clCodes: [UInt32]
        var bits: Int

        func write(_ out: inout BitWriter) {
            out.write(UInt32(hlit - 257), 5)
            out.write(UInt32(hdist - 1), 5)
            out.write(UInt32(hclen - 4), 4)
            for i in 0..<hclen { out.write(UInt32(clLengths[DeflateTables.codeLengthOrder[i]]), 3) }
            for item in items {
                out.write(clCodes[item.symbol], Int(clLengths[item.symbol]))
                if item.extraBits > 0 { out.write(item.extra, item.extraBits) }
            }
        }
    }

    static func dynamicHeader(_ litLengths: [UInt8], _ distLengths: [UInt8]) -> DynamicHeader {
        var hlit = 286
        while hlit > 257 && litLengths[hlit - 1] == 0 { hlit -= 1 }
        var hdist = 30
        while hdist > 1 && distLengths[hdist - 1] == 0 { hdist -= 1 }
        let all = Array(litLengths[0..<hlit]) + Array(distLengths[0..<hdist])
        var items: [(symbol: Int, extra: UInt32, extraBits: Int)] = []
        var i = 0
        while i < all.count {
            let value = all[i]
            var run = 1
            while i + run < all.count && all[i + run] == value { run += 1 }
            if value == 0 && run >= 3 {
                let n = min(run, 138)
                items.append(n >= 11 ? (18, UInt32(n - 11), 7) : (17, UInt32(n - 3), 3))
                i += n
            } else if value != 0 && run >= 4 {
                items.append((Int(value), 0, 0))
                let n = min(run - 1, 6)
                items.append((16, UInt32(n - 3), 2))
                i += 1 + n
            } else {
                items.append((Int(value), 0, 0))
                i += 1
            }
        }
        var clFreq = [Int](repeating: 0, count: 19)
        for item in items { clFreq[item.symbol] += 1 }
        let clLengths = Huffman.lengths(clFreq, limit: 7)
        var hclen = 19
        while hclen > 4 && clLengths[DeflateTables.codeLengthOrder[hclen - 1]] == 0 { hclen -= 1 }
        var bits = 3 + 14 + hclen * 3
        for item in items { bits += Int(clLengths[item.symbol]) + item.extraBits }
        return DynamicHeader(hlit: hlit, hdist: hdist, hclen: hclen, items: items, clLengths: clLengths,
                             clCodes: Huffman.reversedCodes(clLengths), bits: bits)
    }
}

/// Writes bits least-significant first, as deflate packs them.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    @inline(__always) mutating func write(_ value: UInt32, _ bits: Int) {
        guard bits > 0 else { return }
        buffer |= UInt64(value & UInt32(truncatingIfNeeded: (1 << bits) - 1)) << UInt64(count)
        count += bits
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    mutating func alignToByte() {
        if count > 0 { write(0, 8 - count) }
    }

    mutating func finish() -> [UInt8] {
        alignToByte()
        return bytes
    }
}
