/// The `[feed]` section: where the metrics datagrams come from and when silence means trouble.
public struct FeedConfig: Sendable, Equatable {
    /// Multicast group (IPv4); the defaults are the ones PROTOCOL.md names.
    public var group: String = "239.192.0.99"
    public var port: Int = 5099
    /// Network interface to join on (e.g. "eth0"); nil = the system's choice.
    public var interface: String?
    /// File holding the shared HMAC key; nil = unsigned datagrams are accepted.
    public var keyFile: String?
    /// Key id expected in signed datagrams; the same default as `wallboard-publish --key-id`.
    public var keyID: String = FeedKey.defaultID
    /// A queue's figures are stale after this long without an update. nil = 3 × the interval the
    /// publisher declares, or 15 s when it declares none.
    public var staleAfter: Double?
    /// The whole board shows FEED LOST after this long without any datagram (heartbeats count).
    public var lostAfter: Double = 30

    public init() {}

    /// The stale_after to use for data from a publisher declaring `interval` seconds.
    public func staleAfter(publisherInterval interval: Double?) -> Double {
        if let staleAfter { return staleAfter }
        if let interval, interval > 0 { return 3 * interval }
        return 15
    }
}
