/// SHA-256 (FIPS 180-4), pure Swift, for the feed's HMAC signatures.
///
/// Written for throughput on a Raspberry Pi: whole blocks are hashed straight from the caller's
/// buffer, only a tail is copied, and the state is a value type so a precomputed HMAC pad state can
/// be copied per datagram without allocating.
public struct SHA256: Sendable {
    public static let blockSize = 64
    public static let digestSize = 32

    var state: SIMD8<UInt32> = SHA256.initialState
    /// Bytes of an incomplete block, waiting for more input (always < 64 of them in use).
    var tail: (SIMD32<UInt8>, SIMD32<UInt8>) = (.zero, .zero)
    var tailCount = 0
    var length: UInt64 = 0

    public init() {}

    /// One-shot digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        var h = SHA256()
        h.update(bytes)
        return h.finalize()
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        var remaining = data.count
        length &+= UInt64(remaining)
        if tailCount > 0 {
            let take = min(remaining, 64 - tailCount)
            withUnsafeMutableBytes(of: &tail) { t in
                t.baseAddress!.advanced(by: tailCount).copyMemory(from: p, byteCount: take)
            }
            tailCount += take
            p += take
            remaining -= take
            guard tailCount == 64 else { return }
            withUnsafeBytes(of: tail) { SHA256.compress(&state, $0.baseAddress!, blocks: 1) }
            tailCount = 0
        }
        let whole = remaining / 64
        if whole > 0 {
            SHA256.compress(&state, p, blocks: whole)
            p += whole * 64
            remaining -= whole * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &tail) { $0.baseAddress!.copyMemory(from: p, byteCount: remaining) }
            tailCount = remaining
        }
    }

    /// Pads, hashes the last block(s) and returns the digest. The hasher is spent afterwards.
    public mutating func finalize() -> SHA256Digest {
        let bitLength = length &* 8
        var pad: (SIMD64<UInt8>, SIMD64<UInt8>) = (.zero, .zero)
        let padBytes = tailCount < 56 ? 64 : 128
        withUnsafeMutableBytes(of: &pad) { b in
            withUnsafeBytes(of: tail) { t in b.baseAddress!.copyMemory(from: t.baseAddress!, byteCount: tailCount) }
            b[tailCount] = 0x80
            for i in 0..<8 { b[padBytes - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i))) }
            SHA256.compress(&state, b.baseAddress!, blocks: padBytes / 64)
        }
        return SHA256Digest(words: state)
    }

    static let initialState = SIMD8<UInt32>(
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)

    @inline(__always) static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}

typealias SHA256State = SIMD8<UInt32>
