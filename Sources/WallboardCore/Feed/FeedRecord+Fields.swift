extension FeedRecord {
    /// A record from named fields, for `wallboard-publish send` input that is not record lines
    /// (JSON, CSV). The fields are written as one record line (`%XX`-escaped) and read back by
    /// `FeedDecoder.parseRecord`, so every value meets the one validator the line format and the
    /// board use; errors are `FeedError.malformed` naming the field, at `line`.
    public static func parse(type: String, fields: [(name: String, value: String)], line: Int) throws -> FeedRecord {
        var bytes = Array(type.utf8)
        for (name, value) in fields {
            // A space or '=' in a name would split the line elsewhere: refuse it here, by the grammar's rule.
            guard isFieldName(name) else {
                throw FeedError.malformed(
                    line: line, detail: "\(type): field name '\(name)' may only use letters, digits, '_', '.', '-'")
            }
            bytes.append(0x20)
            bytes += name.utf8
            bytes.append(0x3d)
            FeedText.appendEscaped(value, to: &bytes)
        }
        return try FeedDecoder.parseRecord(bytes, line: line)
    }

    /// Whether `name` may be a field name by the grammar (letters, digits, `_`, `.`, `-`).
    public static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(FeedLineScanner.isNameByte)
    }

    /// A binary number (a JSON value) as a field value, in the form the encoder sends numbers
    /// (milliseconds, no exponent), so `6.233333333333333` from a computed average is `6.233`, as
    /// it would be on the wire, not refused for its 15 fraction digits. A number the grammar cannot
    /// carry keeps its Swift form, which the parser then refuses, naming the field.
    public static func fieldText(_ value: Double) -> String {
        var out: [UInt8] = []
        guard FeedNumber.appendDecimal(value, to: &out) else { return "\(value)" }
        return String(decoding: out, as: UTF8.self)
    }
}
