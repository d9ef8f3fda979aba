import WallboardCore
import WallboardRender

/// The pure pipeline, wired for the agent: feed messages → board model (state, alarms, scene) →
/// painter → canvas. It owns no I/O and no timers; the agent calls it from the event loop with `now`.
final class BoardPipeline {
    var config: WallboardConfig { model.config }
    private var model: BoardModel
    let painter: Painter
    private(set) var canvas: Canvas
    /// The feed layer's own health (publisher, gaps, refusals), shown in the footer.
    var feedHealth = FeedHealth()
    private var shift: (x: Int, y: Int) = (0, 0)

    /// Burn-in protection: pixels the picture may wander by, each way.
    static let burnInAmplitude = 4

    init(config: WallboardConfig, width: Int, height: Int, now: MonotonicSeconds) throws {
        model = BoardModel(config: config, startedAt: now)
        let fonts: Fonts
        if let font = config.display.font {
            fonts = try Fonts(boldPath: font, regularPath: font)
        } else {
            fonts = try Fonts()
        }
        painter = Painter(fonts: fonts, layoutOptions: BoardPipeline.layoutOptions(config))
        canvas = Canvas(width: width, height: height)
    }

    /// The same board and fonts on a canvas of a new size (the monitor's mode changed).
    func resize(width: Int, height: Int) {
        canvas = Canvas(width: width, height: height)
        painter.invalidate()
    }

    /// A validated config comes into force (reload, threshold change): alarms and labels change at
    /// once; the board's figures stay.
    func update(config fresh: WallboardConfig) {
        model.reconfigure(fresh)
        let options = BoardPipeline.layoutOptions(fresh)
        if options.viewingDistance != painter.layoutOptions.viewingDistance
            || options.burnInMargin != painter.layoutOptions.burnInMargin
        {
            painter.layoutOptions = options
        }
    }

    func apply(_ message: FeedMessage, now: MonotonicSeconds) {
        model.apply(message, at: now)
    }

    /// Queue ids a supervisor can name: configured ones, then those the feed has reported.
    var queueIDs: [String] {
        var ids = config.queues.map(\.id)
        for id in model.board.firstSeen where !ids.contains(id) { ids.append(id) }
        return ids
    }

    func scene(now: MonotonicSeconds, wallTime: WallTime, banner: String?) -> Scene {
        model.scene(at: now, wallTime: wallTime, banner: banner, feed: feedHealth)
    }

    /// Paints the scene; nil when not a pixel changed (then nothing is presented).
    func paint(_ scene: Scene, now: MonotonicSeconds) -> [Rect]? {
        moveForBurnIn(now: now)
        let damage = painter.paint(scene: scene, into: canvas)
        return damage.isEmpty ? nil : damage
    }

    /// Every `burn_in_shift` seconds the whole picture moves one pixel along a small square walk.
    private func moveForBurnIn(now: MonotonicSeconds) {
        guard let period = config.display.burnInShift else { return }
        let next = BurnInShift.offset(at: now, period: period, amplitude: Self.burnInAmplitude)
        guard next != shift else { return }
        shift = next
        var options = painter.layoutOptions
        options.shiftX = next.x
        options.shiftY = next.y
        painter.layoutOptions = options  // invalidates: the next paint is a full one
    }

    static func layoutOptions(_ config: WallboardConfig) -> LayoutOptions {
        var options = LayoutOptions()
        if let distance = config.display.viewingDistance { options.viewingDistance = distance }
        options.burnInMargin = config.display.burnInShift == nil ? 0 : burnInAmplitude
        return options
    }
}
