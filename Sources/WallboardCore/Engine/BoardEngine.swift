/// Everything board-side the agent owns, in one value: the config in force, the board state, the
/// alarm memory and the scene builder. The agent applies feed messages as they arrive and asks for
/// a scene once a second:
///
/// ```swift
/// var model = BoardModel(config: config, startedAt: clock.now())
/// case .apply(let message): model.apply(message, at: now)
/// let scene = model.scene(at: now, wallTime: wall, banner: banner, feed: health)
/// ```
///
/// Pure: no I/O, time is a parameter.
public struct BoardModel: Sendable {
    public private(set) var config: WallboardConfig
    public private(set) var board: BoardState
    public private(set) var alarms = BoardAlarms()
    private var evaluator = AlarmEvaluator()

    public init(config: WallboardConfig = WallboardConfig(), startedAt: MonotonicSeconds) {
        self.config = config
        board = BoardState(startedAt: startedAt, feed: config.feed)
    }

    public mutating func apply(_ message: FeedMessage, at now: MonotonicSeconds) {
        board.apply(message, at: now)
    }

    /// Puts a new, already validated config in force. Figures and history are kept; alarm memory is
    /// kept too, so a reload does not make every alarm re-announce itself.
    public mutating func reconfigure(_ new: WallboardConfig) {
        config = new
        board.feed = new.feed
    }

    /// Evaluates alarms as of `now` and builds the scene the painter draws.
    public mutating func scene(
        at now: MonotonicSeconds, wallTime: WallTime, banner: String? = nil, feed: FeedHealth = FeedHealth()
    ) -> Scene {
        alarms = evaluator.evaluate(board: board, config: config, at: now)
        return SceneBuilder(config: config).build(
            board: board, alarms: alarms, now: now, wallTime: wallTime, banner: banner, feed: feed)
    }
}
