import WallboardCore

/// Where the board's datagrams come from: the multicast network, or the built-in simulated floor
/// (which encodes its reports as real datagrams). Either way they go to `BoardEngine.receive`,
/// on the agent's queue.
protocol FeedInput: AnyObject {
    /// Begins delivering; `deliver` is called on the agent's queue with each datagram.
    func start(deliver: @escaping @Sendable (MulticastReceiver.Datagram) -> Void) throws
    /// The 1 Hz tick (the simulator publishes its next snapshot).
    func tick(now: MonotonicSeconds)
    func stop()
    /// For `wallboardctl status`: what it is and, for the network, whether the group is joined.
    var source: String { get }
    /// For the waiting and FEED LOST screens: "239.192.0.99:5099".
    var listening: String { get }
    /// Datagrams the kernel discarded on a full receive buffer (never reached the engine).
    var receiveBufferOverflows: Int { get }
}
