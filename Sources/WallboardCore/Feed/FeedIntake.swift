/// The whole receiving side of the feed in one value: decode, verify, replay window, A/B
/// arbitration and counters. The agent owns one, hands it every datagram with the time it arrived,
/// and applies what comes back as `.apply`:
///
/// ```swift
/// var intake = FeedIntake(keys: keys)              // keys: [] = accept unsigned feeds
/// switch intake.receive(bytes, now: clock.now()) {
/// case .apply(let message): board.apply(message, now: now)
/// case .standby, .rejected: break                  // counted in intake.counters
/// }
/// ```
///
/// Pure: no I/O, time is a parameter, and no input can make it trap.
public struct FeedIntake: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Valid and from the followed publisher: apply to the board.
        case apply(FeedMessage)
        /// Valid but from a standby publisher (A/B): keep for inspection, do not apply.
        case standby(FeedMessage)
        /// Dropped; `counters` counted it under `error.reason`.
        case rejected(FeedError)
    }

    public private(set) var counters = FeedCounters()
    public private(set) var decoder: FeedDecoder
    public private(set) var replay: ReplayWindow
    public private(set) var arbiter: PublisherArbiter

    /// - Parameters:
    ///   - keys: signing keys; when not empty, unsigned and wrongly signed datagrams are rejected.
    ///   - failoverAfter: seconds of silence before switching publisher; nil derives it from each
    ///     publisher's declared `interval` (`PublisherArbiter.failoverTime`).
    ///   - maximumPublishers: bound on publishers remembered (replay state and arbitration).
    public init(keys: [FeedKey] = [], failoverAfter: Double? = nil, maximumPublishers: Int = 32) {
        decoder = FeedDecoder(keys: keys)
        replay = ReplayWindow(maximumPublishers: maximumPublishers)
        arbiter = PublisherArbiter(failoverAfter: failoverAfter, maximumPublishers: maximumPublishers)
    }

    /// The publisher being followed, if any.
    public var activePublisher: String? { arbiter.active }

    public mutating func receive(_ bytes: [UInt8], now: MonotonicSeconds) -> Outcome {
        bytes.withUnsafeBytes { receive($0, now: now) }
    }

    public mutating func receive(_ bytes: UnsafeRawBufferPointer, now: MonotonicSeconds) -> Outcome {
        counters.received += 1
        let message: FeedMessage
        do {
            message = try decoder.decode(bytes)
        } catch let error as FeedError {
            return reject(error)
        } catch {
            return reject(.malformed(line: 0, detail: "\(error)"))
        }
        let failover = arbiter.failoverAfter(message.publisher)
        if let error = replay.admit(message, now: now, failoverAfter: failover) { return reject(error) }
        switch arbiter.admit(publisher: message.publisher, interval: message.interval, now: now) {
        case .standby:
            counters.standby += 1
            return .standby(message)
        case .failover:
            counters.failovers += 1
            fallthrough
        case .follow:
            counters.applied += 1
            if message.isHeartbeat { counters.heartbeats += 1 }
            return .apply(message)
        }
    }

    private mutating func reject(_ error: FeedError) -> Outcome {
        counters[error.reason] += 1
        return .rejected(error)
    }
}
