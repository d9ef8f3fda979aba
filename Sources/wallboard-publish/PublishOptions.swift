#if canImport(Glibc)
import Glibc
#endif
import WallboardCore
import WallboardSystem

/// The options every command shares: where the feed goes and who signs it.
struct PublishOptions {
    var endpoint = MulticastEndpoint()
    var key: FeedKey?
    var publisher = "wallboard-publish"
    var interval = 2.0
    var ttl = 1
    /// `--to`: unicast destinations that replace the group (where multicast is not allowed).
    var unicast: [SocketAddress] = []
    var floor: String?

    static let help = """
        Common options:
          --group ADDR       multicast group, IPv4 or IPv6 (default \(MulticastEndpoint.defaultGroup))
          --port N           UDP port (default \(MulticastEndpoint.defaultPort))
          --interface NAME   network interface, e.g. eth0 or lo (default: chosen by the kernel)
          --key FILE         shared key file: sign what is sent; listen: verify and reject unsigned
          --key-id ID        the key's id on the SIG line (default \(FeedKey.defaultID), as the board's key_id)
          --publisher ID     publisher id (default wallboard-publish)
          --interval SECS    seconds between datagrams (default 2)
          --ttl N            multicast TTL / hop limit: 1 = this LAN, 0 = this host only, one more per
                             multicast router to cross (default 1)
          --to HOST[:PORT]   send, simulate, replay: straight to this board instead of the group, where
                             multicast is not allowed (repeatable; PORT defaults to --port; IPv6 as
                             [ADDR]:PORT)
          --floor NAME       floor name for the board header
        """

    /// - Parameter receiving: `listen` and `record` only receive: `--to` (where to send) is refused there.
    static func parse(_ a: inout Arguments, receiving: Bool = false) throws -> PublishOptions {
        var o = PublishOptions()
        if let g = try a.option("--group") { o.endpoint.group = g }
        if let p = try a.option("--port", as: { UInt16($0) }, expected: "a port number (1–65535)") {
            guard p > 0 else { throw UsageError("--port: '0' is not a port number (1–65535)") }
            o.endpoint.port = p
        }
        o.endpoint.interface = try a.option("--interface")
        let keyId = try a.option("--key-id") ?? FeedKey.defaultID
        guard !keyId.isEmpty, keyId.utf8.count <= FeedDecoder.maximumTextBytes else {
            throw UsageError("--key-id: must be 1–\(FeedDecoder.maximumTextBytes) bytes")
        }
        if let file = try a.option("--key") { o.key = try FeedKeyFile.load(path: file, id: keyId) }
        if let p = try a.option("--publisher") {
            guard !p.isEmpty, p.utf8.count <= FeedDecoder.maximumTextBytes else {
                throw UsageError("--publisher: must be 1–\(FeedDecoder.maximumTextBytes) bytes")
            }
            o.publisher = p
        }
        if let i = try a.option("--interval", as: { Double($0) }, expected: "a number of seconds") {
            guard i > 0, i <= 3600 else { throw UsageError("--interval: must be above 0 and at most 3600 seconds") }
            o.interval = i
        }
        if let t = try a.option("--ttl", as: { Int($0) }, expected: "a whole number 0–255") {
            guard (0...255).contains(t) else { throw UsageError("--ttl: '\(t)' is not a whole number 0–255") }
            o.ttl = t
        }
        while let destination = try a.option("--to") {
            if receiving {
                throw UsageError("--to: this command receives on the group and port; --to names where sending commands send")
            }
            do {
                o.unicast.append(try SocketAddress(parsing: destination, defaultPort: o.endpoint.port))
            } catch let error as SocketError {
                throw UsageError("--to: \(error)")
            }
        }
        o.floor = try a.option("--floor")
        return o
    }

    func makeSender() throws -> MulticastSender {
        try MulticastSender(endpoint: endpoint, ttl: ttl, loopback: true, unicast: unicast)
    }

    /// A publisher with a fresh random session, as the protocol asks at every start.
    func makePublisher() -> FeedPublisher {
        FeedPublisher(
            publisher: publisher, session: UInt64.random(in: 1...UInt64.max), interval: interval, floor: floor, key: key)
    }
}

/// The publisher's wall clock in milliseconds since 1970 (the informational `sent` field).
func wallMilliseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return UInt64(max(0, ts.tv_sec)) * 1000 + UInt64(max(0, ts.tv_nsec)) / 1_000_000
}

/// Writes text to stdout unbuffered-enough for pipes (one write per call).
func output(_ text: String) {
    try? FileDescriptor.standardOutput.writeAll(text)
}

/// Sleeps for a non-negative number of seconds.
func sleepSeconds(_ s: Double) {
    guard s > 0 else { return }
    var request = timespec(tv_sec: Int(s), tv_nsec: Int((s - s.rounded(.down)) * 1e9))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
}
