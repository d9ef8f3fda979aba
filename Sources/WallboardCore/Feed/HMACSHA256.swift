/// HMAC-SHA256 (RFC 2104) with the key's inner and outer pad states computed once, so each
/// datagram costs its own blocks plus one outer block.
public struct HMACSHA256: Sendable {
    let inner: SHA256
    let outer: SHA256

    public init(key: [UInt8]) {
        var block = key.count > SHA256.blockSize ? SHA256.hash(key).bytes : key
        block += [UInt8](repeating: 0, count: SHA256.blockSize - block.count)
        var inner = SHA256(), outer = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    public func authenticationCode(for data: UnsafeRawBufferPointer) -> SHA256Digest {
        var h = inner
        h.update(data)
        var digest = h.finalize().words.bigEndianBytes
        var o = outer
        withUnsafeBytes(of: &digest) { o.update($0) }
        return o.finalize()
    }

    public func authenticationCode(for bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { authenticationCode(for: $0) }
    }

    /// Byte-array comparison in constant time for equal lengths (lengths are not secret).
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var acc: UInt8 = 0
        for i in 0..<a.count { acc |= a[i] ^ b[i] }
        return acc == 0
    }
}

extension SIMD8 where Scalar == UInt32 {
    /// The words as they lie in memory big-endian (a SIMD value, so no allocation).
    var bigEndianBytes: SIMD8<UInt32> {
        SIMD8(self[0].bigEndian, self[1].bigEndian, self[2].bigEndian, self[3].bigEndian,
              self[4].bigEndian, self[5].bigEndian, self[6].bigEndian, self[7].bigEndian)
    }
}
