/// The `[feed]` section: where the metrics datagrams come from and when silence means trouble.
public struct FeedConfig: Sendable, Equatable {
    /// Multicast group, IPv4 (`239.192.0.99`) or IPv6 (`ff15::99`); the default is the one PROTOCOL.md names.
    public var group: String = "239.192.0.99"
    public var port: Int = 5099
    /// Network interface to join on (e.g. "eth0"); nil = the system's choice.
    public var interface: String?
    /// Every signing key the board accepts, in file order: each `key = ID PATH` line, and the
    /// single-key form `key_file` (+ `key_id`, default `FeedKey.defaultID`). Several at once let a
    /// floor roll keys over without a gap. Empty = unsigned datagrams are accepted.
    public var keys: [FeedKeySource] = []
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

/// One accepted signing key: the id datagrams name on `SIG key=ID` and the file holding the secret.
public struct FeedKeySource: Sendable, Equatable {
    public var id: String
    /// Absolute path of the key file (read by the agent at start, checked by check-config and reload).
    public var path: String

    public init(id: String = FeedKey.defaultID, path: String) {
        self.id = id
        self.path = path
    }
}
