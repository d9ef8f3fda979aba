import XCTest
@testable import WallboardCore

/// The decoder's fast paths give the verdicts of the slow, obvious forms they replace: the name-byte
/// masks against the grammar's character list, the one-pass UTF-8 scan against
/// `String(validating:)` and `ControlCharacters.firstUnshowable`, the scanner's two tight loops
/// against its byte-at-a-time loop.
final class FeedFastPathTests: XCTestCase {
    func testNameByteMasksAreTheGrammarsCharacters() {
        for c in 0...255 {
            let b = UInt8(c)
            let grammar = (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39)
                || b == 0x5f || b == 0x2e || b == 0x2d
            XCTAssertEqual(FeedLineScanner.isNameByte(b), grammar, "byte 0x\(String(c, radix: 16))")
        }
    }

    /// Every 1- and 2-byte sequence, every 3-byte one under the lead bytes whose rules differ
    /// (and around C1 and the direction controls), 4-byte ones at the range boundaries, then
    /// random mixes of the interesting pieces.
    func testUTF8ScanAgreesWithStringValidationAndControlCharacters() {
        var checked = 0
        func check(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
            checked += 1
            let scan = bytes.withUnsafeBufferPointer { FeedText.scanUTF8($0) }
            let text = String(validating: bytes, as: UTF8.self)
            guard scan.valid == (text != nil) else {
                return XCTFail("validity of \(bytes.map { String($0, radix: 16) }): scan \(scan.valid)", file: file, line: line)
            }
            if let text, scan.unshowable != ControlCharacters.firstUnshowable(in: text) {
                XCTFail("first unshowable in \(bytes.map { String($0, radix: 16) }): scan \(String(describing: scan.unshowable))",
                        file: file, line: line)
            }
        }
        let all = (0...255).map { UInt8($0) }
        for a in all {
            check([a])
            for b in all { check([a, b]) }
        }
        for lead: UInt8 in [0x1f, 0x7f, 0xc2, 0xdf, 0xe0, 0xe1, 0xe2, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5] {
            for b in all { for c in all { check([lead, b, c]) } }
        }
        let edges: [UInt8] = [0x00, 0x41, 0x7f, 0x80, 0x81, 0x8f, 0x90, 0x9f, 0xa0, 0xa6, 0xaa, 0xae, 0xbf, 0xc0, 0xc2, 0xe2, 0xff]
        for lead: UInt8 in [0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8] {
            for b in edges { for c in edges { for d in edges { check([lead, b, c, d]) } } }
        }
        let pieces: [[UInt8]] = [
            [0x41], [0x20], [0x00], [0x09], [0x1b], [0x7f], [0xc2, 0x80], [0xc2, 0x85], [0xc2, 0x9f], [0xc2, 0xa0],
            [0xe2, 0x80, 0xa9], [0xe2, 0x80, 0xaa], [0xe2, 0x80, 0xae], [0xe2, 0x80, 0xaf], [0xe2, 0x81, 0xa5],
            [0xe2, 0x81, 0xa6], [0xe2, 0x81, 0xa9], [0xe2, 0x81, 0xaa], [0xe2, 0x80, 0x93], [0xc3, 0xa9],
            [0xf0, 0x9f, 0x98, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2], [0xe2, 0x80],
            [0x80], [0xbf], [0xff], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
        ]
        var state: UInt64 = 0x2545_f491_4f6c_dd1d
        for _ in 0..<100_000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var r = state
            for _ in 0..<(1 + Int(r % 6)) {
                r /= 6
                bytes += pieces[Int(r % UInt64(pieces.count))]
                r /= UInt64(pieces.count)
            }
            check(bytes)
        }
        XCTAssertGreaterThan(checked, 1_000_000)
    }

    /// Fields of every shape (good, control bytes, '=' first, no '=', bad names, empty values,
    /// spaces at the ends): `next` and the byte-at-a-time `slowField` agree on each field and error.
    func testScannerFastLoopsAgreeWithTheSlowLoop() {
        let pieces: [String] = ["id", "x.a", "name", "=", "==", "7", "12.5", " ", "  ", "\t", "\r", "\u{1}", "\u{7f}", "%20",
                                "é", "\u{85}", "a_b", "-", ".", "/", ":", "@", "[", "~", "\u{202e}"]
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            var line = ""
            for _ in 0..<(1 + Int(state % 8)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let bytes = Array(line.utf8)
            bytes.withUnsafeBytes { data in
                var fast = FeedLineScanner(data: data, from: 0, to: data.count, line: 2, record: "Q")
                var slow = fast
                while true {
                    let f: String, s: String
                    do { f = try fast.next().map { "\(Array($0.name)) \(Array($0.value))" } ?? "end" } catch { f = "\(error)" }
                    do {
                        if slow.position < slow.end {
                            let field = try slow.slowField(from: slow.position)
                            s = "\(Array(field.name)) \(Array(field.value))"
                        } else {
                            s = "end"
                        }
                    } catch { s = "\(error)" }
                    XCTAssertEqual(f, s, "line \(bytes)")
                    guard f == s, fast.position == slow.position, f.hasPrefix("[") else { break }
                }
            }
        }
    }
}
