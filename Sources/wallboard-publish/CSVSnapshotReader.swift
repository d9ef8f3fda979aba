import WallboardCore

/// `send --format csv`: a header row of PROTOCOL.md field names, then one record per row. A
/// `record` column says `Q`, `S`, `A` or `I` per row; without one every row is a `Q`. An empty cell is an
/// absent field. A blank line, a repeat of the header row, or the end of input ends a snapshot,
/// so report files can simply be appended to one another. Cells follow RFC 4180 (quotes, `""`)
/// but may not span lines. A snapshot with any bad row is reported and not sent at all.
struct CSVSnapshotReader: SnapshotReader {
    private var header: [String]?
    private var headerLine: [UInt8] = []
    private var pending = PendingSnapshot()

    mutating func read(_ line: [UInt8], number: Int) throws -> SnapshotReading {
        guard let header else {
            if line.isEmpty { return SnapshotReading() }
            try readHeader(line, number: number)
            return SnapshotReading()
        }
        if line.isEmpty || line == headerLine { return finish() }
        return pending.add(line: number) {
            let cells = try CSVSnapshotReader.cells(line, number: number)
            guard cells.count == header.count else {
                throw FeedError.malformed(line: number, detail: "\(cells.count) cells, the header has \(header.count)")
            }
            var type = "Q"
            var fields: [(name: String, value: String)] = []
            for (name, cell) in zip(header, cells) where !cell.isEmpty {
                if name == "record" { type = cell } else { fields.append((name, cell)) }
            }
            guard type == "Q" || type == "S" || type == "A" || type == "I" else {
                throw FeedError.malformed(line: number, detail: "record='\(type)' is not Q, S, A or I")
            }
            return try FeedRecord.parse(type: type, fields: fields, line: number)
        }
    }

    mutating func finish() -> SnapshotReading { pending.finish() }

    /// The first line: field names (a spreadsheet's UTF-8 byte-order mark tolerated). Every later
    /// row depends on it, so a bad header stops `send`.
    private mutating func readHeader(_ line: [UInt8], number: Int) throws {
        var bytes = line
        if bytes.starts(with: [0xef, 0xbb, 0xbf]) { bytes.removeFirst(3) }
        let names: [String]
        do { names = try CSVSnapshotReader.cells(bytes, number: number) } catch {
            throw PublishError("stdin:\(number): header: \(InputProblem.detail(of: error))")
        }
        for (i, name) in names.enumerated() {
            if name.isEmpty { throw PublishError("stdin:\(number): header: column \(i + 1) has no field name") }
            if !FeedRecord.isFieldName(name) {
                throw PublishError("stdin:\(number): header: '\(name)' is not a field name (letters, digits, '_', '.', '-')")
            }
            if names[..<i].contains(name) { throw PublishError("stdin:\(number): header: '\(name)' appears twice") }
        }
        header = names
        headerLine = bytes
    }

    /// One row's cells: split at commas outside quotes, `""` inside quotes is a quote, unquoted
    /// cells trimmed of surrounding spaces.
    static func cells(_ line: [UInt8], number: Int) throws -> [String] {
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false, wasQuoted = false
        var i = 0
        func endCell() throws {
            var bytes = cell[...]
            if !wasQuoted {
                while bytes.first == 0x20 || bytes.first == 0x09 { bytes.removeFirst() }
                while bytes.last == 0x20 || bytes.last == 0x09 { bytes.removeLast() }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw FeedError.malformed(line: number, detail: "cell \(cells.count + 1) is not valid UTF-8")
            }
            cells.append(text)
            cell = []
            wasQuoted = false
        }
        while i < line.count {
            let c = line[i]
            if quoted {
                if c == 0x22 {
                    if i + 1 < line.count, line[i + 1] == 0x22 {
                        cell.append(0x22)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if wasQuoted, c != 0x2c {
                // RFC 4180: nothing but the separator follows a closing quote (spaces aside); guessing would
                // hide a broken export.
                guard c == 0x20 || c == 0x09 else {
                    throw FeedError.malformed(line: number, detail: "cell \(cells.count + 1): text after its closing quote")
                }
            } else if c == 0x22, cell.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                quoted = true
                wasQuoted = true
                cell = []
            } else if c == 0x2c {
                try endCell()
            } else {
                cell.append(c)
            }
            i += 1
        }
        if quoted {
            throw FeedError.malformed(line: number, detail: "cell \(cells.count + 1): quote not closed (a cell may not span lines)")
        }
        try endCell()
        return cells
    }
}
