import WallboardCore

/// The agent's pure pipeline as the fault tests drive it: datagram bytes → FeedIntake (decode,
/// verify, replay window, A/B) → BoardState → alarms → Scene, with time passed in. No stubs: the
/// same types the agent wires together, so a fault shows up exactly as it would on the wall.
struct FaultPipeline {
    var intake: FeedIntake
    var board: BoardState
    var alarms = AlarmEvaluator()
    let builder: SceneBuilder

    init(config: WallboardConfig = WallboardConfig(), keys: [FeedKey] = [], startedAt: MonotonicSeconds = 0) {
        intake = FeedIntake(keys: keys)
        board = BoardState(startedAt: startedAt, feed: config.feed)
        builder = SceneBuilder(config: config)
    }

    @discardableResult
    mutating func receive(_ bytes: [UInt8], at now: MonotonicSeconds) -> FeedIntake.Outcome {
        let outcome = intake.receive(bytes, now: now)
        if case .apply(let message) = outcome { board.apply(message, at: now) }
        return outcome
    }

    /// The scene as the wall would show it at `now` (fixed wall clock so only the feed matters).
    mutating func scene(at now: MonotonicSeconds) -> Scene {
        let evaluated = alarms.evaluate(board: board, config: builder.config, at: now)
        return builder.build(board: board, alarms: evaluated, now: now, wallTime: WallTime(secondsOfDay: 36_000))
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
