/// What the scene builder keeps between frames so that what did not change is not formatted again:
/// per queue tile, the small figures and the sparkline, each with the inputs it was made from.
///
/// Each is a pure function of those inputs, which are compared in full every frame (the ticking
/// figures are not among them: they are formatted every frame), so a reused value is always the one
/// the inputs give now. `SceneMemoTests` builds long runs of frames with and without a memo.
public struct SceneMemo: Sendable {
    /// By position in the display order, each checked against its queue id.
    var tiles: [TileMemo] = []
    /// The footer's parts and the text joined from them.
    var footer: (parts: [String], text: String)?
    /// The configured queues the tiles' `queueConfig` were resolved from.
    var queues: [QueueConfig] = []

    public init() {}

    /// One tile memo per id of the display order `ids`, in that order: a place another queue has
    /// taken starts afresh. Each tile's resolved settings are dropped when the configured `queues`
    /// differ from those they were resolved from (the same array in steady state: compared in O(1)).
    mutating func arrange(_ ids: [String], queues: [QueueConfig]) {
        if self.queues != queues {
            self.queues = queues
            for i in tiles.indices { tiles[i].queueConfig = nil }
        }
        if tiles.count > ids.count { tiles.removeLast(tiles.count - ids.count) }
        for (i, id) in ids.enumerated() {
            if i == tiles.count {
                tiles.append(TileMemo(id: id))
            } else if tiles[i].id != id {
                tiles[i] = TileMemo(id: id)
            }
        }
    }

    /// The footer text of `parts`.
    mutating func footerText(_ parts: [String]) -> String {
        if let footer, footer.parts == parts { return footer.text }
        let text = parts.joined(separator: " · ")
        footer = (parts, text)
        return text
    }
}

struct TileMemo: Sendable {
    var id: String
    var figures: (key: SmallFiguresInputs, scenes: [FigureScene])?
    var sparkline: (minute: Int, history: QueueHistory, points: [Double?])?
    /// `WallboardConfig.queue(id)` as resolved from `SceneMemo.queues` (a linear search that copies
    /// the settings: done once, not per frame).
    var queueConfig: QueueConfig?

    init(id: String) { self.id = id }

    /// Resolving drops `figures`, so the small figures kept were always made with the settings
    /// this returns (`smallFigures` need not compare them).
    mutating func queueConfig(_ resolve: () -> QueueConfig) -> QueueConfig {
        if let queueConfig { return queueConfig }
        let resolved = resolve()
        queueConfig = resolved
        figures = nil
        return resolved
    }

    /// `q` is this memo's `queueConfig`: only the figures and alarm levels are compared.
    mutating func smallFigures(
        _ f: QueueFigures, _ q: QueueConfig, _ alarm: QueueAlarm, make: () -> [FigureScene]
    ) -> [FigureScene] {
        // Read through `figures?` rather than `if let`: binding would copy the key each frame.
        if figures?.key.matchesFigures(f, alarm) == true {
            assert(figures!.key.config == q, "the small figures' settings are this memo's queueConfig")
            return figures!.scenes
        }
        let scenes = make()
        figures = (SmallFiguresInputs(f, q, alarm), scenes)
        return scenes
    }

    /// Calls waiting per minute: they change only with the minute or the calls waiting recorded.
    mutating func sparkline(_ history: QueueHistory, at now: MonotonicSeconds) -> [Double?] {
        guard now.isFinite else { return history.waiting(at: now) }
        let minute = QueueHistory.minute(now)
        if sparkline?.minute == minute, sparkline?.history.hasSameWaiting(as: history) == true { return sparkline!.points }
        let points = history.waiting(at: now)
        sparkline = (minute, history, points)
        return points
    }
}

/// Everything `SceneBuilder.smallFigures` reads: the figures but the two big ones (they tick), the
/// queue's settings, and the alarm levels of the small figures' metrics.
struct SmallFiguresInputs: Equatable, Sendable {
    var figures: QueueFigures
    var config: QueueConfig
    var serviceLevel, abandoned, averageSpeedOfAnswer, availableStaff: AlarmLevel
    var extras: [AlarmLevel]

    init(_ f: QueueFigures, _ q: QueueConfig, _ alarm: QueueAlarm) {
        figures = f
        figures.waiting = nil
        figures.longestWait = nil
        config = q
        serviceLevel = alarm.level(of: .serviceLevel)
        abandoned = alarm.level(of: .abandoned)
        averageSpeedOfAnswer = alarm.level(of: .averageSpeedOfAnswer)
        availableStaff = alarm.level(of: .availableStaff)
        extras = f.extras.isEmpty ? [] : f.extras.map { alarm.level(of: .extra($0.name)) }
    }

    /// `self == SmallFiguresInputs(f, q, alarm)`, compared where the inputs are, without copying
    /// them into a new key every frame.
    func matches(_ f: QueueFigures, _ q: QueueConfig, _ alarm: QueueAlarm) -> Bool {
        matchesFigures(f, alarm) && config == q
    }

    /// `matches` but for the settings (known to be the same where `TileMemo` asks).
    func matchesFigures(_ f: QueueFigures, _ alarm: QueueAlarm) -> Bool {
        figures.serviceLevel == f.serviceLevel && figures.abandonmentRate == f.abandonmentRate
            && figures.averageSpeedOfAnswer == f.averageSpeedOfAnswer && figures.targetSeconds == f.targetSeconds
            && figures.availableStaff == f.availableStaff && figures.period == f.period && figures.extras == f.extras
            && serviceLevel == alarm.level(of: .serviceLevel) && abandoned == alarm.level(of: .abandoned)
            && averageSpeedOfAnswer == alarm.level(of: .averageSpeedOfAnswer) && availableStaff == alarm.level(of: .availableStaff)
            && zip(f.extras, extras).allSatisfy { alarm.level(of: .extra($0.name)) == $1 }
    }
}
