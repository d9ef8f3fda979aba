import WallboardCore

/// `send --format line` (the default): protocol `Q`/`S` lines, a blank line ends a snapshot, `#`
/// starts a comment. A snapshot with any bad line is reported and not sent at all, as in the JSON
/// and CSV formats: a board never shows half a snapshot as if it were the whole floor.
struct LineSnapshotReader: SnapshotReader {
    private var pending = PendingSnapshot()

    mutating func read(_ line: [UInt8], number: Int) -> SnapshotReading {
        if line.isEmpty { return finish() }
        if line.first == UInt8(ascii: "#") { return SnapshotReading() }
        return pending.add(line: number) { try FeedDecoder.parseRecord(line, line: number) }
    }

    mutating func finish() -> SnapshotReading { pending.finish() }
}
