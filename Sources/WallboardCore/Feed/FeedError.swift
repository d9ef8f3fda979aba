/// Why a datagram was rejected. Every rejection is counted by `reason` (see `FeedCounters`) and the
/// datagram is dropped whole: nothing from it is applied.
public enum FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Over the 1400-byte limit.
    case tooLarge(bytes: Int)
    /// Breaks the grammar; `line` counts from 1 within the datagram.
    case malformed(line: Int, detail: String)
    /// A `WB` header of a version this board does not speak.
    case unknownVersion(String)
    /// A key is configured but the datagram has no `SIG` line.
    case unsigned
    /// Signed with a key id this board does not hold (the id as sent).
    case unknownKey(String)
    /// An HMAC that does not match under the key its id names.
    case badSignature(String)
    /// Seen before, too old for the window, or from a superseded session of its publisher.
    case replay(String)

    /// The counter a rejection goes to.
    public enum Reason: String, CaseIterable, Sendable, Comparable {
        case tooLarge = "too large"
        case malformed
        case unknownVersion = "unknown version"
        case unsigned
        case unknownKey = "unknown key id"
        case badSignature = "bad signature"
        case replay

        public static func < (a: Reason, b: Reason) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var reason: Reason {
        switch self {
        case .tooLarge: .tooLarge
        case .malformed: .malformed
        case .unknownVersion: .unknownVersion
        case .unsigned: .unsigned
        case .unknownKey: .unknownKey
        case .badSignature: .badSignature
        case .replay: .replay
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let bytes): "datagram too large: \(bytes) bytes (limit \(FeedDecoder.maximumSize))"
        case .malformed(let line, let detail): "malformed datagram, line \(line): \(detail)"
        case .unknownVersion(let version): "unknown protocol version '\(version)' (this board speaks 1)"
        case .unsigned: "unsigned datagram (a key is configured, so a SIG line is required)"
        case .unknownKey(let id): "unknown key id '\(id)'"
        case .badSignature(let detail): "bad signature: \(detail)"
        case .replay(let detail): "replay: \(detail)"
        }
    }
}
