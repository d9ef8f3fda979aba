import WallboardCore

/// How many datagrams the receiver may take off the socket, so that a flood cannot take the whole
/// CPU of the event loop it shares with the tick and the frames: a token bucket of `perSecond`
/// datagrams a second, at most `burst` at once. What is not read waits in the socket; when the
/// socket's buffer is full the kernel drops the rest and counts them (SO_RXQ_OVFL), and the wall
/// says so (FLOOD in the footer). A real feed sends a few datagrams a second, thousands below this.
/// Pure: time is passed in.
struct ReceiveBudget: Sendable {
    /// Each forged datagram costs a full HMAC before it is refused (~5–10 µs here, ten times that on a
    /// Pi 3): 4,000 a second is at most about a third of a Pi's 10 %-of-this-machine budget
    /// (`wallboard-bench pi`), leaving the rest to the tick and the frames.
    static let standard = ReceiveBudget(perSecond: 4_000, burst: 128)

    let perSecond: Double
    let burst: Int
    private var tokens: Double
    private var filledAt: MonotonicSeconds?

    init(perSecond: Double, burst: Int) {
        self.perSecond = perSecond
        self.burst = burst
        tokens = Double(burst)
    }

    /// Datagrams that may be read now (0 ... burst).
    mutating func available(now: MonotonicSeconds) -> Int {
        if let filledAt, now > filledAt { tokens = min(Double(burst), tokens + (now - filledAt) * perSecond) }
        filledAt = now
        return Int(tokens)
    }

    /// `count` datagrams were read.
    mutating func spend(_ count: Int) { tokens = max(0, tokens - Double(count)) }

    /// Seconds until `count` datagrams may be read again (as of the last `available`).
    func secondsUntil(_ count: Int) -> Double { max(0, Double(min(count, burst)) - tokens) / perSecond }
}
