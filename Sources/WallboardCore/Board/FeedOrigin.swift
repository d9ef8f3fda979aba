/// Which datagram a figure came from: publisher, session and sequence number.
///
/// The replay window lets a late datagram through once (reordering is normal on a LAN), but the
/// board must not let a late, older snapshot overwrite a newer one it already shows.
public struct FeedOrigin: Sendable, Equatable {
    public var publisher: String
    public var session: UInt64
    public var sequence: UInt64

    public init(publisher: String, session: UInt64, sequence: UInt64) {
        self.publisher = publisher
        self.session = session
        self.sequence = sequence
    }

    public init(_ message: FeedMessage) {
        self.init(publisher: message.publisher, session: message.session, sequence: message.sequence)
    }

    /// True when this datagram was sent before `other` by the same publisher run: its figures are
    /// older and must not replace `other`'s. Another publisher or session is not comparable (the
    /// arbiter and the replay window decide about those), so it is never "older".
    public func isOlder(than other: FeedOrigin?) -> Bool {
        guard let other, other.publisher == publisher, other.session == session else { return false }
        return sequence < other.sequence
    }
}
