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

    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always) static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

    /// The compression function over `blocks` consecutive 64-byte blocks at `p`.
    static func compress(_ state: inout SHA256State, _ p: UnsafeRawPointer, blocks: Int) {
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var block = p
                for _ in 0..<blocks {
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
                    }
                    for i in 16..<64 {
                        let x = w[i &- 15], y = w[i &- 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
                        w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
                    }
                    var a = state[0], b = state[1], c = state[2], d = state[3]
                    var e = state[4], f = state[5], g = state[6], h = state[7]
                    for i in 0..<64 {
                        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        h = g; g = f; f = e; e = d &+ t1
                        d = c; c = b; b = a; a = t1 &+ s0 &+ maj
                    }
                    state &+= SIMD8(a, b, c, d, e, f, g, h)
                    block += 64
                }
            }
        }
    }
}

typealias SHA256State = SIMD8<UInt32>
