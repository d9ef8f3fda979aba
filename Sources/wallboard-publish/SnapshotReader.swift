import WallboardSystem

/// Turns `send`'s stdin lines into snapshots: one implementation per `--format`. Pure logic (no I/O,
/// no clock): `SendCommand` reads the lines, publishes and republishes.
protocol SnapshotReader {
    /// One line of input without its LF, numbered from 1. Throws `PublishError` only when nothing
    /// after it can be read (a CSV header that names no protocol fields).
    mutating func read(_ line: [UInt8], number: Int) throws -> SnapshotReading
    /// End of input: the snapshot still pending, if it may be sent.
    mutating func finish() -> SnapshotReading
}

/// What one line (or the end of input) produced: a snapshot to publish now, and bad lines.
struct SnapshotReading {
    var snapshot: Snapshot?
    var problems: [InputProblem] = []
}

/// `send --format`: the line format (PROTOCOL.md records) is the default.
enum SendFormat: String, CaseIterable {
    case line, json, csv

    init(parsing name: String?) throws {
        guard let name else {
            self = .line
            return
        }
        guard let format = SendFormat(rawValue: name) else {
            throw UsageError("--format: '\(name)' is not one of \(SendFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = format
    }

    func makeReader() -> any SnapshotReader {
        switch self {
        case .line: LineSnapshotReader()
        case .json: JSONSnapshotReader()
        case .csv: CSVSnapshotReader()
        }
    }
}
