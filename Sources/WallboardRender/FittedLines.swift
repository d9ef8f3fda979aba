/// Lines already fitted to a box (`Painter.shrunk`), found without hashing through `Hasher`: every
/// text drawn or compared is looked up here (a ticking update asks a few dozen times), so the
/// lookup must cost far less than shaping, and SipHash over the string plus a dictionary probe
/// was most of a lookup.
///
/// A fixed table of sets of a few ways, the set picked by a cheap multiplicative hash of the key's
/// numbers and the text's UTF-8 bytes; a hit needs the whole key equal (numbers, then `==` on the
/// text), so colliding keys only cost a reshaping, never a wrong line. A full set drops its
/// oldest entry: a board has a few hundred texts, and an update asks for an element's old and new
/// text (and a figure's shorter forms), so a set of four keeps what the next update asks for.
struct FittedLines {
    private struct Entry {
        var key: FitKey
        var line: TextLine
    }
    private static let setCount = 256
    private static let ways = 4
    private var entries: [Entry?] = Array(repeating: nil, count: setCount * ways)
    /// Per set, the way the next new entry goes into (round robin: the oldest is replaced).
    private var next = [UInt8](repeating: 0, count: setCount)

    private static func set(of key: FitKey) -> Int {
        var h = UInt64(truncatingIfNeeded: key.width) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(truncatingIfNeeded: key.size << 20 ^ key.smallest << 8 ^ key.face)
        for byte in key.text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        h &*= 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 56) % setCount
    }

    func line(for key: FitKey) -> TextLine? {
        let base = FittedLines.set(of: key) * FittedLines.ways
        for way in base..<base + FittedLines.ways {
            if let entry = entries[way], entry.key == key { return entry.line }
        }
        return nil
    }

    mutating func remember(_ line: TextLine, for key: FitKey) {
        let set = FittedLines.set(of: key)
        let way = Int(next[set])
        next[set] = UInt8((way + 1) % FittedLines.ways)
        entries[set * FittedLines.ways + way] = Entry(key: key, line: line)
    }
}
