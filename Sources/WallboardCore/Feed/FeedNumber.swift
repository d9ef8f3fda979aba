/// The feed's number forms (PROTOCOL.md, Grammar): parsed straight from bytes, no exponents.
enum FeedNumber {
    /// A count: 1–15 decimal digits.
    static func count(_ raw: UnsafeRawBufferPointer) -> Int? {
        guard raw.count >= 1, raw.count <= 15 else { return nil }
        var n = 0
        for c in raw {
            let d = c &- 0x30
            guard d < 10 else { return nil }
            n = n &* 10 &+ Int(d)
        }
        return n
    }

    /// A decimal 64-bit whole number (`seq`, `sent`).
    static func unsigned64(_ raw: UnsafeRawBufferPointer) -> UInt64? {
        guard raw.count >= 1, raw.count <= 20 else { return nil }
        var n: UInt64 = 0
        for c in raw {
            let d = c &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(d))
            guard !o1, !o2 else { return nil }
            n = s
        }
        return n
    }

    /// 1–16 hex digits (`session`).
    static func hex64(_ raw: UnsafeRawBufferPointer) -> UInt64? {
        guard raw.count >= 1, raw.count <= 16 else { return nil }
        var n: UInt64 = 0
        for c in raw {
            guard let v = hexValue(c) else { return nil }
            n = n << 4 | UInt64(v)
        }
        return n
    }

    /// A decimal with optional sign (when `signed`) and fraction: ≤15 integer and ≤9 fraction digits.
    /// Mantissa ÷ power of ten, both exact, so the result is the correctly rounded double.
    static func decimal(_ raw: UnsafeRawBufferPointer, signed: Bool) -> Double? {
        var i = 0
        var negative = false
        if signed, raw.count > 0, raw[0] == 0x2d {
            negative = true
            i = 1
        }
        var mantissa: UInt64 = 0
        var intDigits = 0, fracDigits = 0
        var seenPoint = false
        while i < raw.count {
            let c = raw[i]
            if c == 0x2e {
                guard !seenPoint, intDigits > 0 else { return nil }
                seenPoint = true
            } else {
                let d = c &- 0x30
                guard d < 10 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(d)
                if seenPoint { fracDigits += 1 } else { intDigits += 1 }
            }
            i += 1
        }
        guard intDigits >= 1, intDigits <= 15, fracDigits <= 9, !(seenPoint && fracDigits == 0) else { return nil }
        // Up to 24 digits overflow 64 bits: fall back to the slower exact-enough path.
        var value: Double
        if intDigits + fracDigits <= 19 {
            value = Double(mantissa) / powersOfTen[fracDigits]
        } else {
            guard let text = String(validating: UnsafeRawBufferPointer(rebasing: raw[(negative ? 1 : 0)...]), as: UTF8.self),
                  let v = Double(text) else { return nil }
            value = v
        }
        if negative { value = -value }
        return value
    }

    static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// Appends a decimal with at most three fraction digits (milliseconds), no exponent.
    /// Returns false for values the grammar cannot carry (NaN, infinite, ≥ 1e15).
    static func appendDecimal(_ value: Double, to out: inout [UInt8]) -> Bool {
        guard value.isFinite, abs(value) < 1e15 else { return false }
        let thousandths = (value * 1000).rounded()
        guard abs(thousandths) < 9e18 else {
            out += Array(String(Int64(value.rounded())).utf8)
            return true
        }
        var t = Int64(thousandths)
        if t < 0 {
            out.append(0x2d)
            t = -t
        }
        out += Array(String(t / 1000).utf8)
        var frac = t % 1000
        if frac != 0 {
            out.append(0x2e)
            var digits = 3
            while frac % 10 == 0 {
                frac /= 10
                digits -= 1
            }
            let s = Array(String(frac).utf8)
            out += [UInt8](repeating: 0x30, count: digits - s.count) + s
        }
        return true
    }
}
