import WallboardCore

/// The fault tests drive the agent's own engine: `BoardEngine` (decode, verify, publisher table,
/// board, staleness, alarms, scene), with time passed in. No stubs and no wiring of its own, so a
/// fault shows up exactly as it would on the wall.
struct FaultPipeline {
    var engine: BoardEngine
    var intake: FeedIntake { engine.intake }
    var board: BoardState { engine.board }

    init(config: WallboardConfig = WallboardConfig(), keys: [FeedKey] = [], startedAt: MonotonicSeconds = 0) {
        engine = BoardEngine(config: config, keys: keys, startedAt: startedAt)
    }

    @discardableResult
    mutating func receive(_ bytes: [UInt8], at now: MonotonicSeconds) -> FeedIntake.Outcome {
        engine.receive(bytes: bytes, from: "fault-test", now: now)
    }

    /// The scene as the wall would show it at `now` (fixed wall clock so only the feed matters):
    /// the agent's tick, then its frame.
    mutating func scene(at now: MonotonicSeconds) -> Scene {
        engine.tick(now: now)
        return engine.scene(now: now, wallTime: WallTime(secondsOfDay: 36_000))
    }

    func tile(_ scene: Scene, _ id: String) -> TileScene? { scene.tiles.first { $0.id == id } }
}

/// Builds real datagrams with the real encoder.
struct FaultPublisher {
    var publisher: String
    var session: UInt64
    var sequence: UInt64 = 1
    var sentMilliseconds: UInt64
    var interval: Double = 1
    var encoder: FeedEncoder

    init(_ publisher: String, session: UInt64, sent: UInt64 = 1_763_740_800_000, key: FeedKey? = nil) {
        self.publisher = publisher
        self.session = session
        self.sentMilliseconds = sent
        self.encoder = FeedEncoder(key: key)
    }

    /// The next datagram: queue 999 with `waiting` calls, the oldest `oldest` s old at send.
    mutating func next(waiting: Int, oldest: Double = 5) throws -> [UInt8] {
        let message = FeedMessage(
            publisher: publisher, session: session, sequence: sequence, sentAtMilliseconds: sentMilliseconds,
            interval: interval,
            queues: [QueueReport(id: "999", name: "999 Emergency", waiting: waiting, longestWait: oldest,
                                 offered: 100, answered: 90, abandoned: 2, answeredWithinTarget: 85, targetSeconds: 10)],
            staff: [StaffReport(available: 4, onCall: 8, wrapUp: 1, onBreak: 1)])
        sequence += 1
        sentMilliseconds += UInt64(interval * 1000)
        return try encoder.encode(message)
    }
}
