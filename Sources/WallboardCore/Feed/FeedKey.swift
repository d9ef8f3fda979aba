/// A shared signing key and its id, as named on the `SIG key=` field.
public struct FeedKey: Sendable {
    /// The key id used when none is configured, by the agent (`[feed] key_id`) and `wallboard-publish --key-id`.
    public static let defaultID = "default"

    public let id: String
    let idBytes: [UInt8]
    let hmac: HMACSHA256
    /// The detail of a `badSignature` under this key, made once: a flood of forgeries is refused
    /// without building a string for each.
    let mismatch: String

    /// `secret` is used exactly as given.
    public init(id: String, secret: [UInt8]) {
        self.id = id
        idBytes = Array(id.utf8)
        hmac = HMACSHA256(key: secret)
        mismatch = "HMAC does not match under key '\(id)'"
    }

    /// From a key file's contents: the bytes with trailing whitespace (space, tab, CR, LF) removed,
    /// as PROTOCOL.md specifies. Nil when nothing is left.
    public init?(id: String, keyFileContents: [UInt8]) {
        var end = keyFileContents.count
        while end > 0, [0x20, 0x09, 0x0d, 0x0a].contains(keyFileContents[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        self.init(id: id, secret: Array(keyFileContents[..<end]))
    }

    /// The HMAC of `bytes` under this key.
    public func sign(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest { hmac.authenticationCode(for: bytes) }
}
