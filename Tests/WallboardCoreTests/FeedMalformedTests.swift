import XCTest
@testable import WallboardCore

/// A table of bad datagrams, each rejected with the right reason and a useful detail.
final class FeedMalformedTests: XCTestCase {
    static let h = "WB 1 pub=a session=1 seq=1 sent=0"

    func testTableOfMalformedInputs() {
        let h = Self.h
        // (input, expected error)
        let table: [(String, FeedError)] = [
            ("", .malformed(line: 1, detail: "empty datagram")),
            ("Q id=1 waiting=1 oldest=1", .malformed(line: 1, detail: "the first line must be the 'WB' header")),
            ("WB x pub=a", .malformed(line: 1, detail: "WB: the version must be a number")),
            ("WB 2 pub=a session=1 seq=1 sent=0", .unknownVersion("2")),
            ("WB 10 anything", .unknownVersion("10")),
            ("WB 1 session=1 seq=1 sent=0", .malformed(line: 1, detail: "WB: missing required field 'pub'")),
            ("WB 1 pub=a seq=1 sent=0", .malformed(line: 1, detail: "WB: missing required field 'session'")),
            ("WB 1 pub=a session=1 seq=1 sent=0 pub=b", .malformed(line: 1, detail: "WB: field 'pub' appears twice")),
            ("WB 1 pub=a session=xyz seq=1 sent=0", .malformed(line: 1, detail: "WB: session='xyz' is not 1–16 hex digits")),
            ("WB 1 pub=a session=12345678901234567 seq=1 sent=0",
             .malformed(line: 1, detail: "WB: session='12345678901234567' is not 1–16 hex digits")),
            ("WB 1 pub=a session=1 seq=18446744073709551616 sent=0",
             .malformed(line: 1, detail: "WB: seq='18446744073709551616' is not a whole number")),
            ("WB 1 pub=a session=1 seq=-1 sent=0", .malformed(line: 1, detail: "WB: seq='-1' is not a whole number")),
            ("WB 1 pub=a session=1 seq=1 sent=0 interval=0",
             .malformed(line: 1, detail: "WB: interval='0' is not a number of seconds above 0")),
            ("WB 1 pub=a  session=1 seq=1 sent=0",
             .malformed(line: 1, detail: "WB: empty field (two spaces, or a space at the end of the line)")),
            ("WB 1 pub=a session=1 seq=1 sent=0 ", .malformed(line: 1, detail: "WB: a space at the end of the line")),
            ("WB 1 pub=a\tsession=1 seq=1 sent=0",
             .malformed(line: 1, detail: "WB: tab character (fields are separated by one space)")),
            ("WB 1 pub=a session=1 seq=1 sent=0\r\n", .malformed(line: 1, detail: "WB: carriage return (lines end with LF only)")),
            ("WB 1 pub= session=1 seq=1 sent=0", .malformed(line: 1, detail: "WB: field 'pub' has an empty value")),
            ("WB 1 pub=a session=1 seq=1 sent=0 nonsense", .malformed(line: 1, detail: "WB: 'nonsense' is not a name=value field")),
            ("WB 1 pub=a session=1 seq=1 sent=0 b@d=1",
             .malformed(line: 1, detail: "WB: field name 'b@d' may only use letters, digits, '_', '.', '-'")),
            ("WB 1 pub=a%2 session=1 seq=1 sent=0", .malformed(line: 1, detail: "WB: pub a % must be followed by two hex digits")),
            ("WB 1 pub=a%FF session=1 seq=1 sent=0", .malformed(line: 1, detail: "WB: pub is not valid UTF-8")),
            ("WB 1 pub=\(String(repeating: "p", count: 65)) session=1 seq=1 sent=0",
             .malformed(line: 1, detail: "WB: pub is longer than 64 bytes")),
            ("WB 1 pub=a\u{1}b session=1 seq=1 sent=0", .malformed(line: 1, detail: "WB: control character 0x1")),
            ("\(h)\n\nQ id=1 waiting=1 oldest=1", .malformed(line: 2, detail: "empty line")),
            ("\(h)\nq id=1", .malformed(line: 2, detail: "record type must be upper-case letters and digits, got 'q'")),
            ("\(h)\nQ waiting=1 oldest=1", .malformed(line: 2, detail: "Q: missing required field 'id'")),
            ("\(h)\nQ id=1 oldest=1", .malformed(line: 2, detail: "Q: missing required field 'waiting'")),
            ("\(h)\nQ id=1 waiting=1", .malformed(line: 2, detail: "Q: missing required field 'oldest'")),
            ("\(h)\nQ id=1 waiting=-1 oldest=1", .malformed(line: 2, detail: "Q: waiting='-1' is not a whole number (0 or more)")),
            ("\(h)\nQ id=1 waiting=1.5 oldest=1", .malformed(line: 2, detail: "Q: waiting='1.5' is not a whole number (0 or more)")),
            ("\(h)\nQ id=1 waiting=1 oldest=1e3", .malformed(line: 2, detail: "Q: oldest='1e3' is not a number of seconds")),
            ("\(h)\nQ id=1 waiting=1 oldest=-4", .malformed(line: 2, detail: "Q: oldest='-4' is not a number of seconds")),
            ("\(h)\nQ id=1 waiting=1 oldest=4.", .malformed(line: 2, detail: "Q: oldest='4.' is not a number of seconds")),
            ("\(h)\nQ id=1 waiting=1 oldest=.4", .malformed(line: 2, detail: "Q: oldest='.4' is not a number of seconds")),
            ("\(h)\nQ id=1 waiting=1 oldest=nan", .malformed(line: 2, detail: "Q: oldest='nan' is not a number of seconds")),
            ("\(h)\nQ id=1 waiting=1 oldest=1 asa=1.1234567890",
             .malformed(line: 2, detail: "Q: asa='1.1234567890' is not a number of seconds")),
            ("\(h)\nQ id=1 waiting=1 oldest=1 offered=1000000000000000",
             .malformed(line: 2, detail: "Q: offered='1000000000000000' is not a whole number (0 or more)")),
            ("\(h)\nQ id=1 waiting=1 waiting=2 oldest=1", .malformed(line: 2, detail: "Q: field 'waiting' appears twice")),
            ("\(h)\nQ id=1 waiting=1 oldest=1 x.=3", .malformed(line: 2, detail: "Q: extra figure 'x.' needs a name")),
            ("\(h)\nQ id=1 waiting=1 oldest=1 x.a=--3", .malformed(line: 2, detail: "Q: x.a='--3' is not a decimal number")),
            ("\(h)\nQ id=1 waiting=1 oldest=1 x.a=1 x.a=2", .malformed(line: 2, detail: "Q: field 'x.a' appears twice")),
            ("\(h)\nQ id=1 waiting=1 oldest=1\nQ id=1 waiting=2 oldest=1", .malformed(line: 3, detail: "Q: queue '1' appears twice")),
            ("\(h)\nS available=1 oncall=1 wrap=1", .malformed(line: 2, detail: "S: missing required field 'break'")),
            ("\(h)\nS available=1 oncall=1 wrap=1 break=x",
             .malformed(line: 2, detail: "S: break='x' is not a whole number (0 or more)")),
            ("\(h)\nS available=1 oncall=1 wrap=1 break=1\nS available=1 oncall=1 wrap=1 break=1",
             .malformed(line: 3, detail: "S: staff for the floor appear twice")),
            ("\(h)\nWB 1 pub=a session=1 seq=1 sent=0", .malformed(line: 2, detail: "WB header may appear only on the first line")),
            ("\(h)\nSIG key=k1 hmac=\(String(repeating: "0", count: 64))\nQ id=1 waiting=1 oldest=1",
             .malformed(line: 2, detail: "SIG must be the last line")),
            ("\(h)\nSIG key=k1 hmac=abc", .malformed(line: 2, detail: "SIG: hmac must be 64 lower-case hex digits")),
            ("\(h)\nSIG key=k1 hmac=\(String(repeating: "A", count: 64))",
             .malformed(line: 2, detail: "SIG: hmac must be 64 lower-case hex digits")),
            ("\(h)\nSIG hmac=\(String(repeating: "a", count: 64))", .malformed(line: 2, detail: "SIG: missing required field 'key'")),
            ("\(h)\nQ id=1 waiting=1 oldest=1\nSIG key=k1", .malformed(line: 3, detail: "SIG: missing required field 'hmac'")),
            (h + "\nQ id=1 waiting=1 oldest=1 period=" + String(repeating: "x", count: 1400), .tooLarge(bytes: 1467)),
        ]
        for (input, expected) in table {
            XCTAssertThrowsError(try FeedDecoder().decode(Array(input.utf8)), input) { error in
                XCTAssertEqual(error as? FeedError, expected, input)
            }
        }
    }

    /// The screen never lies: a control character or a direction override decoded from a text field
    /// (escaped, or raw UTF-8 for C1 and bidi) is refused, naming the field and the character, in
    /// every text field; the encoder refuses to send one. Printable text, escaped or not, still passes.
    func testControlCharactersInTextFieldsAreRefused() throws {
        let h = Self.h
        let c1 = "\u{9B}", rlo = "\u{202E}", lri = "\u{2066}"
        let table: [(String, String, String)] = [
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=A%1B[2JB", "Q: name", "U+001B"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=A%00B", "Q: name", "U+0000"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=A%0AB", "Q: name", "U+000A"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=A%09B", "Q: name", "U+0009"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=A%7FB", "Q: name", "U+007F"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=A%C2%9BB", "Q: name", "U+009B"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=A\(c1)B", "Q: name", "U+009B"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=\(rlo)21:0", "Q: name", "U+202E"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=%E2%80%AA999", "Q: name", "U+202A"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=\(lri)x", "Q: name", "U+2066"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 name=x%E2%81%A9", "Q: name", "U+2069"),
            ("\(h)\nQ id=9%1B9 waiting=1 oldest=1", "Q: id", "U+001B"),
            ("\(h)\nQ id=1 waiting=1 oldest=1 period=%1B", "Q: period", "U+001B"),
            ("\(h)\nS scope=a%07 available=1 oncall=1 wrap=1 break=1", "S: scope", "U+0007"),
            ("WB 1 pub=a%1B session=1 seq=1 sent=0", "WB: pub", "U+001B"),
            ("WB 1 pub=a session=1 seq=1 sent=0 floor=North\(rlo)", "WB: floor", "U+202E"),
        ]
        for (input, field, character) in table {
            let line = input.hasPrefix("WB") && !input.contains("\n") ? 1 : 2
            let detail = "\(field) contains the control character \(character); text fields are printable text only"
            XCTAssertThrowsError(try FeedDecoder().decode(Array(input.utf8)), input) { error in
                XCTAssertEqual(error as? FeedError, .malformed(line: line, detail: detail), input)
                XCTAssertEqual((error as? FeedError)?.reason, .malformed)
            }
        }
        // Printable text is untouched: escaped spaces and percent signs, raw UTF-8, a marks-free Welsh name.
        let fine = try FeedDecoder().decode(Array("\(h)\nQ id=1 waiting=1 oldest=1 name=Heddlu%20Dyfed%2DPowys%20%25%20–%20Ω".utf8))
        XCTAssertEqual(fine.queues.first?.name, "Heddlu Dyfed-Powys % – Ω")
        // The encoder refuses what the decoder would: a publisher is told, not every board.
        var m = FeedSamples.message()
        m.queues[0].name = "999\u{1B}[31m"
        XCTAssertThrowsError(try FeedEncoder().encode(m)) { error in
            guard case .malformed(_, let detail)? = error as? FeedError else { return XCTFail("\(error)") }
            XCTAssertEqual(detail, "name contains the control character U+001B; text fields are printable text only")
        }
    }

    func testSignaturePolicyWhenAKeyIsConfigured() throws {
        let keyed = FeedDecoder(keys: [FeedSamples.key])
        let m = FeedSamples.message()
        XCTAssertThrowsError(try keyed.decode(try FeedEncoder().encode(m))) { XCTAssertEqual($0 as? FeedError, .unsigned) }
        let other = FeedKey(id: "k2", secret: Array("other".utf8))
        XCTAssertThrowsError(try keyed.decode(try FeedEncoder(key: other).encode(m))) {
            XCTAssertEqual($0 as? FeedError, .unknownKey("k2"))
        }
        let wrongSecret = FeedKey(id: "k1", secret: Array("guess".utf8))
        XCTAssertThrowsError(try keyed.decode(try FeedEncoder(key: wrongSecret).encode(m))) {
            XCTAssertEqual($0 as? FeedError, .badSignature("HMAC does not match under key 'k1'"))
        }
        // Either of two configured keys (roll-over) verifies.
        XCTAssertEqual(try FeedDecoder(keys: [other, FeedSamples.key]).decode(try FeedEncoder(key: FeedSamples.key).encode(m)), m)
        // Changing any signed byte is caught, and so is moving bytes across the SIG line.
        let signed = try FeedEncoder(key: FeedSamples.key).encode(m)
        for i in stride(from: 0, to: signed.count - 66, by: 7) {
            var t = signed
            t[i] = t[i] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
            XCTAssertThrowsError(try keyed.decode(t), "byte \(i)")
        }
    }

    func testRandomAndMutatedBytesNeverCrash() {
        var rng = SplitMix64(seed: 42)
        let decoder = FeedDecoder(keys: [FeedSamples.key])
        let plainDecoder = FeedDecoder()
        let base = (try? FeedEncoder(key: FeedSamples.key).encode(FeedSamples.message())) ?? []
        XCTAssertFalse(base.isEmpty)
        var rejected = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = base
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    let i = Int(rng.next() % UInt64(bytes.count))
                    switch rng.next() % 3 {
                    case 0: bytes[i] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: bytes.remove(at: i)
                    default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: i)
                    }
                }
            } else {
                bytes = (0..<Int(rng.next() % 1500)).map { _ in UInt8(truncatingIfNeeded: rng.next() % 3 == 0 ? 0x20 : rng.next()) }
                if rng.next() % 2 == 0 { bytes = Array("WB 1 ".utf8) + bytes }
            }
            if (try? decoder.decode(bytes)) == nil { rejected += 1 }
            _ = try? plainDecoder.decode(bytes)
        }
        XCTAssertGreaterThan(rejected, 19_000, "mutations of a signed datagram must almost all be rejected")
    }
}

/// A small deterministic generator for the fuzz loop.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
