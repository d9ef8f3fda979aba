import WallboardCore

/// The snapshot a row-by-row reader (line, CSV) is building, and whether any of its rows was bad:
/// one bad row spoils the whole snapshot, so nothing is ever half-published.
struct PendingSnapshot {
    private var snapshot = Snapshot()
    private var isBad = false

    /// Adds the record `row` reads from line `number`, or marks the snapshot bad and returns the
    /// problem to report.
    mutating func add(line number: Int, _ row: () throws -> FeedRecord) -> SnapshotReading {
        do {
            try snapshot.add(row(), line: number)
            return SnapshotReading()
        } catch {
            isBad = true
            return SnapshotReading(problems: [InputProblem(line: number, detail: InputProblem.detail(of: error) + " (snapshot not sent)")])
        }
    }

    /// The snapshot ends: it is sent unless empty or spoilt, and the next one starts clean.
    mutating func finish() -> SnapshotReading {
        defer { self = PendingSnapshot() }
        return SnapshotReading(snapshot: snapshot.isEmpty || isBad ? nil : snapshot)
    }
}
