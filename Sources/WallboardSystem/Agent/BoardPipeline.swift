import WallboardCore
import WallboardRender

/// The pure pipeline, wired for the agent: feed messages → board model (state, alarms, scene) →
/// painter → canvas. It owns no I/O and no timers; the agent calls it from the event loop with `now`.
final class BoardPipeline {
    var config: WallboardConfig { model.config }
    private var model: BoardModel
    /// One per screen; head 0 always exists (the single-display agent has only it).
    private(set) var heads: [HeadCanvas]
    var painter: Painter { heads[0].painter }
    var canvas: Canvas { heads[0].canvas }
    /// The feed layer's own health (publisher, gaps, refusals), shown in the footer.
    var feedHealth = FeedHealth()

    /// Burn-in protection: pixels the picture may wander by, each way.
    static let burnInAmplitude = 4

    /// `sizes` has one entry per head (width, height), in connector order.
    init(config: WallboardConfig, sizes: [(width: Int, height: Int)], now: MonotonicSeconds) throws {
        model = BoardModel(config: config, startedAt: now)
        let fonts: Fonts
        if let font = config.display.font {
            fonts = try Fonts(boldPath: font, regularPath: font)
        } else {
            fonts = try Fonts()
        }
        let options = BoardPipeline.layoutOptions(config)
        var heads = sizes.indices.map { i in
            HeadCanvas(fonts: fonts, layoutOptions: options, width: sizes[i].width, height: sizes[i].height,
                       queues: BoardPipeline.view(config, head: i, of: sizes.count))
        }
        if heads.isEmpty { heads = [HeadCanvas(fonts: fonts, layoutOptions: options, width: 1, height: 1, queues: nil)] }
        self.heads = heads
    }

    convenience init(config: WallboardConfig, width: Int, height: Int, now: MonotonicSeconds) throws {
        try self.init(config: config, sizes: [(width, height)], now: now)
    }

    /// The same board and fonts on a canvas of a new size (the monitor's mode changed).
    func resize(head: Int = 0, width: Int, height: Int) {
        heads[head].resize(width: width, height: height)
    }

    /// A validated config comes into force (reload, threshold change): alarms, labels and views
    /// change at once; the board's figures stay.
    func update(config fresh: WallboardConfig) {
        model.reconfigure(fresh)
        let options = BoardPipeline.layoutOptions(fresh)
        for (i, head) in heads.enumerated() {
            head.update(layoutOptions: options)
            let queues = BoardPipeline.view(fresh, head: i, of: heads.count)
            if queues != head.queues {
                head.queues = queues
                head.painter.invalidate()
            }
        }
    }

    /// Which queues head `head` of `count` shows: its `views` list when one is given for every
    /// open head, else every queue (a board left single-head by a missing monitor shows everything).
    static func view(_ config: WallboardConfig, head: Int, of count: Int) -> [String]? {
        let views = config.display.views
        guard views.count == count, head < views.count else { return nil }
        return views[head]
    }

    func apply(_ message: FeedMessage, now: MonotonicSeconds) {
        model.apply(message, at: now)
    }

    /// The service-level target each reported queue's feed sends (longest-wait limits follow it).
    var reportedTargets: [String: Double] {
        model.board.queues.compactMapValues(\.report.targetSeconds)
    }

    /// Queue ids a supervisor can name: configured ones, then those the feed has reported.
    var queueIDs: [String] {
        var ids = config.queues.map(\.id)
        for id in model.board.firstSeen where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// What the wall shows, for status and metrics (alarms as of the last scene).
    func summary(publisher: String?, now: MonotonicSeconds) -> BoardSummary {
        BoardSummary(model: model, publisher: publisher, at: now)
    }

    func scene(now: MonotonicSeconds, wallTime: WallTime, banner: String?) -> Scene {
        model.scene(at: now, wallTime: wallTime, banner: banner, feed: feedHealth)
    }

    /// Paints head `head`'s view of the scene; nil when not a pixel changed (then nothing is presented).
    func paint(_ scene: Scene, head: Int = 0, now: MonotonicSeconds) -> [Rect]? {
        heads[head].paint(scene, now: now, burnInShift: config.display.burnInShift)
    }

    static func layoutOptions(_ config: WallboardConfig) -> LayoutOptions {
        var options = LayoutOptions()
        if let distance = config.display.viewingDistance { options.viewingDistance = distance }
        if let diagonal = config.display.screenDiagonal { options.screenDiagonal = diagonal }
        options.burnInMargin = config.display.burnInShift == nil ? 0 : burnInAmplitude
        return options
    }
}
