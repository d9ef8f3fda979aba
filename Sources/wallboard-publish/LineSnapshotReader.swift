import WallboardCore

/// `send --format line` (the default): protocol `Q`/`S` lines, a blank line ends a snapshot, `#`
/// starts a comment. A bad line is skipped and the rest of its snapshot still sent (the format
/// has always worked so, and each line stands alone).
struct LineSnapshotReader: SnapshotReader {
    private var pending = Snapshot()

    mutating func read(_ line: [UInt8], number: Int) -> SnapshotReading {
        if line.isEmpty { return finish() }
        if line.first == UInt8(ascii: "#") { return SnapshotReading() }
        do {
            try pending.add(FeedDecoder.parseRecord(line, line: number), line: number)
            return SnapshotReading()
        } catch {
            return SnapshotReading(problems: [InputProblem(line: number, detail: InputProblem.detail(of: error) + " (line skipped)")])
        }
    }

    mutating func finish() -> SnapshotReading {
        defer { pending = Snapshot() }
        return SnapshotReading(snapshot: pending.isEmpty ? nil : pending)
    }
}
