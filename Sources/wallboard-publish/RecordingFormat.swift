/// The `record` file format (PROTOCOL.md, "record files"): a header line, then
/// `SECONDS SENDER HEX` per datagram.
enum RecordingFormat {
    static let header = "# wallboard-feed-recording 1"

    struct Entry {
        var seconds: Double
        var sender: String
        var bytes: [UInt8]
    }

    static func line(seconds: Double, sender: String, bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(bytes.count * 2)
        for b in bytes {
            hex.append(digits[Int(b >> 4)])
            hex.append(digits[Int(b & 15)])
        }
        let us = Int((seconds * 1_000_000).rounded())
        let frac = String(us % 1_000_000)
        let padded = String(repeating: "0", count: 6 - frac.count) + frac
        return "\(us / 1_000_000).\(padded) \(sender) \(String(decoding: hex, as: UTF8.self))"
    }

    /// Parses a whole recording; errors name the line.
    static func parse(_ text: String, file: String) throws -> [Entry] {
        var entries: [Entry] = []
        var sawHeader = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = i + 1
            if raw.isEmpty { continue }
            if !sawHeader {
                guard raw == header else { throw PublishError("\(file):\(n): not a recording (the first line must be '\(header)')") }
                sawHeader = true
                continue
            }
            if raw.hasPrefix("#") { continue }
            let parts = raw.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 3, let seconds = Double(parts[0]), seconds >= 0, seconds.isFinite else {
                throw PublishError("\(file):\(n): expected 'SECONDS SENDER HEX'")
            }
            let hex = Array(parts[2].utf8)
            guard hex.count % 2 == 0 else { throw PublishError("\(file):\(n): odd number of hex digits") }
            var bytes = [UInt8]()
            bytes.reserveCapacity(hex.count / 2)
            var j = 0
            while j < hex.count {
                guard let hi = hexDigit(hex[j]), let lo = hexDigit(hex[j + 1]) else {
                    throw PublishError("\(file):\(n): '\(parts[2].prefix(16))…' is not hex")
                }
                bytes.append(hi << 4 | lo)
                j += 2
            }
            entries.append(Entry(seconds: seconds, sender: String(parts[1]), bytes: bytes))
        }
        guard sawHeader else { throw PublishError("\(file): empty, not a recording") }
        return entries
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
}
