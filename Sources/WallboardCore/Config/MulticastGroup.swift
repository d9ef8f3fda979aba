/// Which multicast group texts the config accepts: IPv4 224.0.0.0/4 in dotted-quad form, or IPv6
/// ff00::/8 in RFC 4291 text form (`ff15::99`, `ff02::1:ff00:1`, with an optional embedded IPv4
/// tail). The receiver opens whichever family the text names; this is the one judge of the text.
enum MulticastGroup {
    enum Family: Equatable { case v4, v6 }

    /// The family of a valid multicast group, nil for anything else (unicast, malformed, zone ids).
    static func family(of text: String) -> Family? {
        if let octets = ipv4(Substring(text)) { return octets[0] >> 4 == 0xe ? .v4 : nil }
        if let bytes = ipv6(text) { return bytes[0] == 0xff ? .v6 : nil }
        return nil
    }

    /// The 4 bytes of a strict dotted quad (no leading `+`, at most 3 digits per part).
    static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.utf8.count), part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let n = UInt8(part)
            else { return nil }
            octets.append(n)
        }
        return octets
    }

    /// The 16 bytes of an IPv6 address in text form: up to eight groups of 1–4 hex digits, at most
    /// one `::`, and an IPv4 dotted quad allowed as the last 32 bits.
    static func ipv6(_ text: String) -> [UInt8]? {
        guard text.utf8.count <= 45, text.contains(":") else { return nil }
        let halves = text.splitAtDoubleColons()
        guard halves.count <= 2 else { return nil }
        func groups(_ part: Substring, last: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() {
                if last, i == pieces.count - 1, piece.contains(".") {
                    guard let v4 = ipv4(piece) else { return nil }
                    result += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                    continue
                }
                guard (1...4).contains(piece.utf8.count), piece.allSatisfy(\.isHexDigit), let g = UInt16(piece, radix: 16)
                else { return nil }
                result.append(g)
            }
            return result
        }
        let all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], last: false), let tail = groups(halves[1], last: true),
                head.count + tail.count <= 7
            else { return nil }
            all = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let only = groups(halves[0], last: true), only.count == 8 else { return nil }
            all = only
        }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}

extension String {
    /// Splits at each `::` (a `:::` is left inside a part, where it fails as an empty group).
    fileprivate func splitAtDoubleColons() -> [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        var i = startIndex
        while i < endIndex {
            let next = index(after: i)
            if self[i] == ":", next < endIndex, self[next] == ":" {
                parts.append(self[start..<i])
                i = index(after: next)
                start = i
            } else {
                i = next
            }
        }
        parts.append(self[start...])
        return parts
    }
}
