import Foundation
import WallboardCore

/// `send --format json`: one JSON object per line, one snapshot per object —
/// `{"queues":[{"id":"999","waiting":3,"oldest":12.5}],"staff":[{"available":7,…}],"handlers":[{"id":"h1","state":"break",…}],"incidents":[{"grade":"immediate",…}],"floor":"North"}`.
/// Keys inside `queues`, `staff`, `handlers` and `incidents` objects are the `Q`, `S`, `A` and `I` field names of PROTOCOL.md; each
/// object becomes one record checked by the protocol's own parser (`FeedRecord.parse`). `null` is
/// an absent field. A line with any bad value is reported and its snapshot is not sent at all.
struct JSONSnapshotReader: SnapshotReader {
    mutating func read(_ line: [UInt8], number: Int) -> SnapshotReading {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return SnapshotReading() }
        do {
            return SnapshotReading(snapshot: try snapshot(line, number: number))
        } catch {
            return SnapshotReading(problems: [InputProblem(line: number, detail: InputProblem.detail(of: error) + " (snapshot not sent)")])
        }
    }

    mutating func finish() -> SnapshotReading { SnapshotReading() }

    private func snapshot(_ line: [UInt8], number: Int) throws -> Snapshot {
        func bad(_ detail: String) -> FeedError { .malformed(line: number, detail: detail) }
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(line))
        } catch {
            throw bad("not a JSON object (one object per line, e.g. {\"queues\":[…],\"staff\":[…]})")
        }
        var s = Snapshot()
        for key in object.keys.sorted() where !["queues", "staff", "handlers", "incidents", "floor"].contains(key) {
            throw bad("unknown key '\(key)' (a snapshot has queues, staff, handlers, incidents and floor)")
        }
        for (key, type) in [("queues", "Q"), ("staff", "S"), ("handlers", "A"), ("incidents", "I")] {
            guard let value = object[key], value != .null else { continue }
            guard case .list(let items) = value else { throw bad("\(key): expected a list of objects, got \(value.kind)") }
            for (i, item) in items.enumerated() {
                guard case .object(let fields) = item else {
                    throw bad("\(key)[\(i)]: expected an object, got \(item.kind)")
                }
                // Objects have no order: fields (and so the extra x.NAME figures) go in name order.
                var pairs: [(name: String, value: String)] = []
                for name in fields.keys.sorted() {
                    switch fields[name]! {
                    case .null: continue
                    case .text(let t): pairs.append((name, t))
                    case .number(let n): pairs.append((name, n))
                    case let other: throw bad("\(key)[\(i)].\(name): expected a number or text, got \(other.kind)")
                    }
                }
                do {
                    try s.add(FeedRecord.parse(type: type, fields: pairs, line: number), line: number)
                } catch {
                    throw bad("\(key)[\(i)]: \(InputProblem.detail(of: error))")
                }
            }
        }
        switch object["floor"] {
        case nil, .null?: break
        case .text(let floor)?:
            // The header's own encoder checks it, as it will when the snapshot is sent.
            do {
                _ = try FeedEncoder().header(
                    FeedMessage(publisher: "check", session: 1, sequence: 1, sentAtMilliseconds: 0, floor: floor))
            } catch {
                throw bad(InputProblem.detail(of: error))
            }
            s.floor = floor
        case let other?: throw bad("floor: expected text, got \(other.kind)")
        }
        return s
    }
}

/// A JSON value as `send` needs it: numbers as field text for the protocol's parser (whole numbers
/// as they are, fractions in the encoder's millisecond form).
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(String), text(String), list([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .number(String(i))
        } else if let d = try? c.decode(Double.self) {
            self = .number(FeedRecord.fieldText(d))
        } else if let t = try? c.decode(String.self) {
            self = .text(t)
        } else if let l = try? c.decode([JSONValue].self) {
            self = .list(l)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .number: "a number"
        case .text: "text"
        case .list: "a list"
        case .object: "an object"
        }
    }
}
