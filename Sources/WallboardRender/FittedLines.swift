/// Lines already fitted to a box (`Painter.shrunk`), found without hashing the text: every text
/// drawn or compared is looked up here (a ticking update asks a few dozen times), and SipHash
/// over the string plus a dictionary probe used to be most of a lookup.
///
/// A fixed table of sets of a few ways. The set is picked from the box alone (its place, width,
/// size, the smallest size allowed, the face) by a multiplicative hash of those numbers: each
/// element owns its box, so an element's texts share a set and other elements' texts rarely do.
/// A hit needs the whole key equal (numbers, then `==` on the text), so a collision only costs a
/// reshaping, never a wrong line. A full set drops its oldest entry: an update asks for an
/// element's old and new text (and a figure's shorter forms), which four ways keep.
final class FittedLines {
    struct Entry {
        var key: FitKey
        var line: TextLine
    }
    private static let setCount = 256
    private static let ways = 4
    /// No text is fitted into a box of negative width: marks a way not used yet.
    private static let empty = Entry(key: FitKey(text: "", width: -1, size: 0, smallest: 0, face: 0), line: TextLine())
    /// Raw memory: the hot path pays no exclusivity or uniqueness check for a class property.
    private let entries: UnsafeMutablePointer<Entry>
    /// Per set, the way the next new entry goes into (round robin: the oldest is replaced).
    private let next: UnsafeMutablePointer<UInt8>

    init() {
        entries = .allocate(capacity: FittedLines.setCount * FittedLines.ways)
        entries.initialize(repeating: FittedLines.empty, count: FittedLines.setCount * FittedLines.ways)
        next = .allocate(capacity: FittedLines.setCount)
        next.initialize(repeating: 0, count: FittedLines.setCount)
    }

    deinit {
        entries.deinitialize(count: FittedLines.setCount * FittedLines.ways)
        entries.deallocate()
        next.deallocate()
    }

    private static func set(of key: FitKey, x: Int, y: Int) -> Int {
        var h = UInt64(truncatingIfNeeded: x << 32 ^ y << 16 ^ key.width)
        h = (h ^ UInt64(truncatingIfNeeded: key.size << 24 ^ key.smallest << 8 ^ key.face)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 56) % setCount
    }

    /// The line remembered for `key`, whose box is at (`x`, `y`) (the place only picks the set).
    func line(for key: FitKey, x: Int, y: Int) -> TextLine? {
        let base = entries + FittedLines.set(of: key, x: x, y: y) * FittedLines.ways
        for way in 0..<FittedLines.ways where base[way].key.sameBox(key) && base[way].key.text == key.text { return base[way].line }
        return nil
    }

    /// An entry for another text in the same box whose line was not shrunk (its size is the box's):
    /// the start for reshaping only the digits that changed.
    func unshrunk(like key: FitKey, x: Int, y: Int) -> Entry? {
        let base = entries + FittedLines.set(of: key, x: x, y: y) * FittedLines.ways
        for way in 0..<FittedLines.ways where base[way].key.sameBox(key) && base[way].line.size == key.size { return base[way] }
        return nil
    }

    func remember(_ line: TextLine, for key: FitKey, x: Int, y: Int) {
        let set = FittedLines.set(of: key, x: x, y: y)
        let way = Int(next[set])
        next[set] = UInt8((way + 1) % FittedLines.ways)
        entries[set * FittedLines.ways + way] = Entry(key: key, line: line)
    }
}

extension FitKey {
    /// Everything but the text equal.
    @inline(__always) func sameBox(_ other: FitKey) -> Bool {
        width == other.width && size == other.size && smallest == other.smallest && face == other.face
    }
}
