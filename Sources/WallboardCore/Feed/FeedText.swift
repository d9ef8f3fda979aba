/// `%XX` escaping of text values (PROTOCOL.md, Grammar).
enum FeedText {
    /// Appends `text` to `out` as a field value: space, `%`, control characters and DEL escaped.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789ABCDEF"
        for c in text.utf8 {
            if c <= 0x20 || c == 0x25 || c == 0x7f {
                out.append(0x25)
                out.append(digits.utf8Start[Int(c >> 4)])
                out.append(digits.utf8Start[Int(c & 15)])
            } else {
                out.append(c)
            }
        }
    }

    /// Decodes a raw value into text, or a reason it is not valid.
    static func decode(_ raw: UnsafeRawBufferPointer) -> Result<String, TextError> {
        var plain = true
        for c in raw where c == 0x25 || c >= 0x80 {
            plain = false
            break
        }
        if plain { return .success(String(decoding: raw, as: UTF8.self)) }
        // Escapes only shrink the text: decode into a stack buffer of the raw size, no allocation.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { buffer in
            var n = 0
            var i = 0
            while i < raw.count {
                let c = raw[i]
                if c == 0x25 {
                    guard i + 2 < raw.count, let hi = hexValue(raw[i + 1]), let lo = hexValue(raw[i + 2]) else {
                        return .failure(.badEscape)
                    }
                    buffer[n] = hi << 4 | lo
                    i += 3
                } else {
                    buffer[n] = c
                    i += 1
                }
                n += 1
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[0..<n])
            let (valid, unshowable) = scanUTF8(bytes)
            guard valid else { return .failure(.notUTF8) }
            if n > FeedDecoder.maximumTextBytes { return .failure(.tooLong) }
            // Raw, such bytes are refused by the line scanner; escaped (%1B) or as UTF-8 (C1, bidi)
            // they would reach the wall and the log: the field is refused, never drawn or cleaned.
            if let unshowable { return .failure(.control(unshowable)) }
            return .success(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// One pass over decoded text: whether it is valid UTF-8 — by the same rule as
    /// `String(validating:)` (Unicode's well-formed byte sequences: no overlong forms, no
    /// surrogates, nothing above U+10FFFF) — and the first scalar
    /// `ControlCharacters.firstUnshowable` would find, read off the bytes instead of decoding
    /// scalars (the generic validator and the scalar walk cost ten times this loop). Exact because
    /// in valid UTF-8 a byte below 0x80 is a whole scalar and a lead byte's continuation bytes
    /// follow it: C0 and DEL are the bytes 00–1F and 7F; C1 (U+0080–009F) is C2 80–9F; the
    /// direction controls U+202A–202E are E2 80 AA–AE and U+2066–2069 are E2 81 A6–A9.
    /// `unshowable` means nothing when `valid` is false.
    static func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, unshowable: Unicode.Scalar?) {
        guard let p = bytes.baseAddress else { return (true, nil) }
        let n = bytes.count
        var unshowable: Unicode.Scalar?
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 {
                if c < 0x20 || c == 0x7f, unshowable == nil { unshowable = Unicode.Scalar(c) }
                i += 1
                continue
            }
            // The lead byte fixes the length and the range of the first continuation byte (Unicode
            // Table 3-7); the other continuation bytes are 80–BF.
            var low: UInt8 = 0x80, high: UInt8 = 0xbf
            let length: Int
            switch c {
            case 0xc2...0xdf: length = 2
            case 0xe0: length = 3; low = 0xa0
            case 0xed: length = 3; high = 0x9f
            case 0xe1...0xef: length = 3
            case 0xf0: length = 4; low = 0x90
            case 0xf4: length = 4; high = 0x8f
            case 0xf1...0xf3: length = 4
            default: return (false, nil)
            }
            guard n - i >= length else { return (false, nil) }
            let c1 = p[i + 1]
            guard c1 >= low, c1 <= high else { return (false, nil) }
            if length > 2 {
                guard p[i + 2] & 0xc0 == 0x80 else { return (false, nil) }
                if length > 3 { guard p[i + 3] & 0xc0 == 0x80 else { return (false, nil) } }
            }
            if unshowable == nil {
                if c == 0xc2, c1 < 0xa0 {
                    unshowable = Unicode.Scalar(c1)
                } else if c == 0xe2 {
                    let c2 = p[i + 2]
                    if (c1 == 0x80 && c2 >= 0xaa && c2 <= 0xae) || (c1 == 0x81 && c2 >= 0xa6 && c2 <= 0xa9) {
                        unshowable = Unicode.Scalar(0x2000 | UInt32(c1 & 0x01) << 6 | UInt32(c2 & 0x3f))
                    }
                }
            }
            i += length
        }
        return (true, unshowable)
    }

    enum TextError: Error {
        case badEscape, notUTF8, tooLong
        /// A control character (C0, DEL, C1) or a bidirectional control, escaped or not.
        case control(Unicode.Scalar)

        var detail: String {
            switch self {
            case .badEscape: "a % must be followed by two hex digits"
            case .notUTF8: "is not valid UTF-8"
            case .tooLong: "is longer than \(FeedDecoder.maximumTextBytes) bytes"
            case .control(let scalar):
                "contains the control character \(ControlCharacters.name(scalar)); text fields are printable text only"
            }
        }
    }
}
