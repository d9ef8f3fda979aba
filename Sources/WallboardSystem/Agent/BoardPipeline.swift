import WallboardCore
import WallboardRender

/// The engine and the screens it is painted on: `BoardEngine` (every decision, pure) and one
/// `HeadCanvas` per head (painter + canvas). The agent, the multi-head tests and the painting
/// benchmarks build exactly this; nothing here decides anything about the feed or the board.
public final class BoardPipeline {
    public var engine: BoardEngine
    /// One per screen; head 0 always exists (the single-display agent has only it).
    private(set) var heads: [HeadCanvas]
    var painter: Painter { heads[0].painter }
    public var canvas: Canvas { heads[0].canvas }
    public var config: WallboardConfig { engine.config }

    /// Burn-in protection: pixels the picture may wander by, each way.
    static let burnInAmplitude = 4

    /// `sizes` has one entry per head (width, height), in connector order. Loads the fonts.
    public init(
        config: WallboardConfig, keys: [FeedKey] = [], sizes: [(width: Int, height: Int)], now: MonotonicSeconds,
        listening: String? = nil
    ) throws {
        let engine = BoardEngine(config: config, keys: keys, startedAt: now, heads: sizes.count, listening: listening)
        self.engine = engine
        let fonts: Fonts
        if let font = config.display.font {
            fonts = try Fonts(boldPath: font, regularPath: font)
        } else {
            fonts = try Fonts()
        }
        let options = BoardPipeline.layoutOptions(config)
        var heads = sizes.indices.map { i in
            HeadCanvas(fonts: fonts, layoutOptions: options, width: sizes[i].width, height: sizes[i].height,
                       queues: engine.view(head: i))
        }
        if heads.isEmpty { heads = [HeadCanvas(fonts: fonts, layoutOptions: options, width: 1, height: 1, queues: nil)] }
        self.heads = heads
    }

    public convenience init(config: WallboardConfig, keys: [FeedKey] = [], width: Int, height: Int, now: MonotonicSeconds) throws {
        try self.init(config: config, keys: keys, sizes: [(width, height)], now: now)
    }

    /// The same board and fonts on a canvas of a new size (the monitor's mode changed).
    func resize(head: Int = 0, width: Int, height: Int) {
        heads[head].resize(width: width, height: height)
    }

    /// A validated config (and the keys it names) comes into force: see `BoardEngine.apply`; the
    /// heads take the new layout options and views.
    func update(config fresh: WallboardConfig, keys: [FeedKey]? = nil) {
        engine.apply(config: fresh, keys: keys)
        let options = BoardPipeline.layoutOptions(fresh)
        for (i, head) in heads.enumerated() {
            head.update(layoutOptions: options)
            let queues = engine.view(head: i)
            if queues != head.queues {
                head.queues = queues
                head.painter.invalidate()
            }
        }
    }

    /// The whole board as of `now`; each head paints its own view of it.
    public func scene(now: MonotonicSeconds, wallTime: WallTime, banner: String?) -> Scene {
        engine.scene(now: now, wallTime: wallTime, banner: banner)
    }

    /// Paints head `head`'s view of the scene; nil when not a pixel changed (then nothing is presented).
    public func paint(_ scene: Scene, head: Int = 0, now: MonotonicSeconds) -> [Rect]? {
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
