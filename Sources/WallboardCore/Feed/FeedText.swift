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
            guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
            if n > FeedDecoder.maximumTextBytes { return .failure(.tooLong) }
            // Raw, such bytes are refused by the line scanner; escaped (%1B) or as UTF-8 (C1, bidi)
            // they would reach the wall and the log: the field is refused, never drawn or cleaned.
            if let scalar = ControlCharacters.firstUnshowable(in: text) { return .failure(.control(scalar)) }
            return .success(text)
        }
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
