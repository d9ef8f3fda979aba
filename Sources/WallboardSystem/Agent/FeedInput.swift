import WallboardCore

/// Where the board's messages come from: the multicast network, or the built-in simulated floor.
/// Both deliver on the agent's queue.
protocol FeedInput: AnyObject {
    /// Begins delivering; `deliver` is called on the agent's queue with each message to apply.
    func start(deliver: @escaping (FeedMessage, MonotonicSeconds) -> Void) throws
    /// The 1 Hz tick (the simulator advances; the network side flushes log summaries).
    func tick(now: MonotonicSeconds)
    func stop()
    /// For the footer: followed publisher, gaps, refusals, where it listens.
    func health(now: MonotonicSeconds) -> FeedHealth
    /// For `wallboardctl status`.
    func status(now: MonotonicSeconds) -> FeedInputStatus
    /// One line for systemd's STATUS=.
    func summary(now: MonotonicSeconds) -> String
}

struct FeedInputStatus {
    var source: String
    var publishers: [AgentStatus.Publisher]
    var drops: [String: Int]
    var datagrams: AgentStatus.Datagrams
}
