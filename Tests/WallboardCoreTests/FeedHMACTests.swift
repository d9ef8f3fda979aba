import XCTest
@testable import WallboardCore

/// SHA-256 against FIPS 180-4 examples, HMAC-SHA256 against RFC 4231.
final class FeedHMACTests: XCTestCase {
    func testSHA256FIPS180Vectors() {
        XCTAssertEqual(SHA256.hash(Array("abc".utf8)).hex,
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex,
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // The two-block example (896 bits): the padding spills into a second block.
        XCTAssertEqual(SHA256.hash(Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
                                          + "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8)).hex,
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(SHA256.hash([]).hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hex,
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testStreamingInAnyChunkSizeMatchesOneShot() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000] {
            let expected = SHA256.hash(Array(data[..<length]))
            for chunk in [1, 3, 63, 64, 65, 200] {
                var h = SHA256()
                var i = 0
                while i < length {
                    h.update(Array(data[i..<min(length, i + chunk)]))
                    i += chunk
                }
                XCTAssertEqual(h.finalize(), expected, "length \(length) chunk \(chunk)")
            }
        }
    }

    func testHMACRFC4231Vectors() {
        func mac(_ key: [UInt8], _ data: [UInt8]) -> String { HMACSHA256(key: key).authenticationCode(for: data).hex }
        XCTAssertEqual(mac([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8)),
                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        XCTAssertEqual(mac(Array("Jefe".utf8), Array("what do ya want for nothing?".utf8)),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        XCTAssertEqual(mac([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50)),
                       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
        XCTAssertEqual(mac(Array(1...25), [UInt8](repeating: 0xcd, count: 50)),
                       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        XCTAssertTrue(mac([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8))
            .hasPrefix("a3b6167473100ee06e0c796c2955552b"))
        let bigKey = [UInt8](repeating: 0xaa, count: 131)
        XCTAssertEqual(mac(bigKey, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
                       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        let long = "This is a test using a larger than block-size key and a larger than block-size data."
            + " The key needs to be hashed before being used by the HMAC algorithm."
        XCTAssertEqual(mac(bigKey, Array(long.utf8)),
                       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    func testConstantTimeComparisons() {
        let a = SHA256.hash(Array("a".utf8)), b = SHA256.hash(Array("b".utf8))
        XCTAssertTrue(a.constantTimeEquals(a))
        XCTAssertFalse(a.constantTimeEquals(b))
        var lastWordDiffers = a.words
        lastWordDiffers[7] ^= 1
        XCTAssertFalse(a.constantTimeEquals(SHA256Digest(words: lastWordDiffers)))
        XCTAssertTrue(HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(HMACSHA256.constantTimeEqual([1, 2, 3], [1, 2]))
    }

    func testDigestHexRoundTrip() {
        let d = SHA256.hash(Array("abc".utf8))
        XCTAssertEqual(SHA256Digest(hex: d.hex), d)
        XCTAssertEqual(SHA256Digest(hex: d.hex.uppercased()), d)
        XCTAssertNil(SHA256Digest(hex: String(d.hex.dropLast())))
        XCTAssertNil(SHA256Digest(hex: String(d.hex.dropLast()) + "g"))
        XCTAssertEqual(d.bytes.count, 32)
        XCTAssertEqual(d.bytes[0], 0xba)
    }
}
