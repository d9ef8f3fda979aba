/// The whole receiving side of the feed in one value: decode, verify, the publisher table (replay
/// window, A/B arbitration, per-publisher counters) and the intake's own counters. `BoardEngine`
/// owns the one the board uses; `wallboard-publish listen` has its own:
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
        /// Rejected; `counters` counted it under `error.reason`.
        case rejected(FeedError)
    }

    public private(set) var counters = FeedCounters()
    public private(set) var decoder: FeedDecoder
    /// One entry per publisher heard (verified datagrams only).
    public private(set) var publishers: PublisherTable

    /// - Parameters:
    ///   - keys: signing keys; when not empty, unsigned and wrongly signed datagrams are rejected.
    ///   - failoverAfter: seconds of silence before switching publisher; nil derives it from each
    ///     publisher's declared `interval` (`PublisherTable.failoverTime`).
    ///   - maximumPublishers: bound on publishers remembered.
    public init(keys: [FeedKey] = [], failoverAfter: Double? = nil, maximumPublishers: Int = 32) {
        decoder = FeedDecoder(keys: keys)
        publishers = PublisherTable(failoverAfter: failoverAfter, maximumPublishers: maximumPublishers)
    }

    /// The publisher being followed, if any.
    public var activePublisher: String? { publishers.active }

    /// The key ids accepted (empty: unsigned feeds accepted).
    public var keyIDs: [String] { decoder.keys.map(\.id) }

    /// A new set of keys comes into force at once (key roll-over: add the new one, later remove the
    /// old); the publisher table and counters stay.
    public mutating func use(keys: [FeedKey]) { decoder.keys = keys }

    public mutating func receive(_ bytes: [UInt8], now: MonotonicSeconds, from sender: String? = nil) -> Outcome {
        bytes.withUnsafeBytes { receive($0, now: now, from: sender) }
    }

    public mutating func receive(_ bytes: UnsafeRawBufferPointer, now: MonotonicSeconds, from sender: String? = nil) -> Outcome {
        counters.received += 1
        let message: FeedMessage, keyID: String?
        do {
            (message, keyID) = try decoder.decodeSigned(bytes)
        } catch let error as FeedError {
            return reject(error, now: now, from: sender)
        } catch {
            return reject(.malformed(line: 0, detail: "\(error)"), now: now, from: sender)
        }
        let decision: PublisherTable.Decision
        do {
            decision = try publishers.admit(message, keyID: keyID, now: now)
        } catch {
            return reject(error, now: now, from: sender)
        }
        switch decision {
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

    /// The receiving socket's running count of datagrams the kernel dropped (buffer full), as of
    /// `now`; true when it grew (the wall says FLOOD).
    public mutating func countKernelDrops(total: Int, now: MonotonicSeconds) -> Bool {
        counters.countKernelDrops(total: total, at: now)
    }

    private mutating func reject(_ error: FeedError, now: MonotonicSeconds, from sender: String?) -> Outcome {
        counters.count(error, at: now, from: sender)
        return .rejected(error)
    }
}
