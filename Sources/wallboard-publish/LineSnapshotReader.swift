import WallboardCore

/// `send --format line` (the default): protocol `Q`/`S` lines, a blank line ends a snapshot, `#`
/// starts a comment. A snapshot with any bad line is reported and not sent at all, as in the JSON
/// and CSV formats: a board never shows half a snapshot as if it were the whole floor.
struct LineSnapshotReader: SnapshotReader {
    private var pending = Snapshot()
    private var pendingIsBad = false

    mutating func read(_ line: [UInt8], number: Int) -> SnapshotReading {
        if line.isEmpty { return finish() }
        if line.first == UInt8(ascii: "#") { return SnapshotReading() }
        do {
            try pending.add(FeedDecoder.parseRecord(line, line: number), line: number)
            return SnapshotReading()
        } catch {
            pendingIsBad = true
            return SnapshotReading(problems: [InputProblem(line: number, detail: InputProblem.detail(of: error) + " (snapshot not sent)")])
        }
    }

    mutating func finish() -> SnapshotReading {
        defer {
            pending = Snapshot()
            pendingIsBad = false
        }
        return SnapshotReading(snapshot: pending.isEmpty || pendingIsBad ? nil : pending)
    }
}
