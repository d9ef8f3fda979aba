/// One Asterisk Manager Interface message: the `Key: Value` lines of one block, in the order sent
/// (a response, an event, or an action we send). Keys are looked up without regard to case because
/// Asterisk itself spells some differently between versions (`ServicelevelPerf`, `ServiceLevelPerf`).
public struct AMIMessage: Sendable, Equatable {
    public var fields: [(key: String, value: String)]

    public init(_ fields: [(key: String, value: String)]) { self.fields = fields }

    public subscript(key: String) -> String? {
        for f in fields where Self.sameKey(f.key, key) { return f.value }
        return nil
    }

    /// ASCII case-insensitive, without building lower-cased copies (a poll looks up thousands).
    static func sameKey(_ a: String, _ b: String) -> Bool {
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }
        return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8) { lower($0) == lower($1) }
    }

    public var event: String? { self["Event"] }
    public var response: String? { self["Response"] }
    public var actionID: String? { self["ActionID"] }

    /// A whole number field; nil when absent or not a number.
    public func integer(_ key: String) -> Int? { self[key].flatMap { Int($0.trimmingSpaces) } }

    /// The bytes of this message as an action on the wire: CRLF lines, a blank line after.
    public var wireBytes: [UInt8] {
        var bytes: [UInt8] = []
        for f in fields { bytes += Array("\(f.key): \(f.value)\r\n".utf8) }
        bytes += [13, 10]
        return bytes
    }

    public static func == (a: AMIMessage, b: AMIMessage) -> Bool {
        a.fields.count == b.fields.count && zip(a.fields, b.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
