/// A SHA-256 or HMAC-SHA256 result: 32 bytes, kept as eight big-endian words.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    public let words: SIMD8<UInt32>

    public init(words: SIMD8<UInt32>) { self.words = words }

    /// Parses 64 hexadecimal digits (either case); nil for anything else.
    public init?(hex: some Collection<UInt8>) {
        guard hex.count == 64 else { return nil }
        // Accumulate in plain integers: inserting into SIMD lanes byte by byte is slow.
        var w: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var i = 0
        var acc: UInt32 = 0
        for c in hex {
            guard let v = hexValue(c) else { return nil }
            acc = acc << 4 | UInt32(v)
            i += 1
            if i & 7 == 0 {
                switch i >> 3 {
                case 1: w.0 = acc
                case 2: w.1 = acc
                case 3: w.2 = acc
                case 4: w.3 = acc
                case 5: w.4 = acc
                case 6: w.5 = acc
                case 7: w.6 = acc
                default: w.7 = acc
                }
                acc = 0
            }
        }
        words = SIMD8(w.0, w.1, w.2, w.3, w.4, w.5, w.6, w.7)
    }

    public init?(hex: String) { self.init(hex: Array(hex.utf8)) }

    /// The 32 bytes, most significant first.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for i in 0..<8 { for s in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: words[i] >> UInt32(s))) } }
        return out
    }

    /// Lower-case hex, as the feed's `SIG` line carries it.
    public var hex: String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        let digits = Array("0123456789abcdef".utf8)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// Equality whose running time does not depend on where the digests differ, so a forger cannot
    /// learn a correct signature byte by byte from timing.
    public func constantTimeEquals(_ other: SHA256Digest) -> Bool {
        let x = words ^ other.words
        var acc: UInt32 = 0
        for i in 0..<8 { acc |= x[i] }
        return acc == 0
    }
}

/// The value of one ASCII hexadecimal digit.
@inline(__always) func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c &- UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c &- UInt8(ascii: "a") &+ 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c &- UInt8(ascii: "A") &+ 10
    default: return nil
    }
}
