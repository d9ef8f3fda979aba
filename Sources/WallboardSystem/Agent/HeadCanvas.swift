import WallboardCore
import WallboardRender

/// One screen's share of the pipeline: its own painter and canvas, sized for its mode, and the
/// queues it shows. A multi-head agent has one per connector; all paint the same scene.
final class HeadCanvas {
    let painter: Painter
    private(set) var canvas: Canvas
    /// Queue ids this head shows (`[display] views`); nil = every tile.
    var queues: [String]?
    private var shift: (x: Int, y: Int) = (0, 0)

    init(fonts: Fonts, layoutOptions: LayoutOptions, width: Int, height: Int, queues: [String]?) {
        painter = Painter(fonts: fonts, layoutOptions: layoutOptions)
        canvas = Canvas(width: width, height: height)
        self.queues = queues
    }

    func resize(width: Int, height: Int) {
        canvas = Canvas(width: width, height: height)
        painter.invalidate()
    }

    /// Paints this head's view of the scene; nil when not a pixel changed.
    func paint(_ scene: Scene, now: MonotonicSeconds, burnInShift period: Double?) -> [Rect]? {
        moveForBurnIn(now: now, period: period)
        let damage = painter.paint(scene: scene.view(showing: queues), into: canvas)
        return damage.isEmpty ? nil : damage
    }

    func update(layoutOptions options: LayoutOptions) {
        if options.viewingDistance != painter.layoutOptions.viewingDistance
            || options.screenDiagonal != painter.layoutOptions.screenDiagonal
            || options.burnInMargin != painter.layoutOptions.burnInMargin
        {
            var next = options
            next.shiftX = shift.x
            next.shiftY = shift.y
            painter.layoutOptions = next
        }
    }

    /// Every `burn_in_shift` seconds the whole picture moves one pixel along a small square walk.
    private func moveForBurnIn(now: MonotonicSeconds, period: Double?) {
        guard let period else { return }
        let next = BurnInShift.offset(at: now, period: period, amplitude: BoardPipeline.burnInAmplitude)
        guard next != shift else { return }
        shift = next
        var options = painter.layoutOptions
        options.shiftX = next.x
        options.shiftY = next.y
        painter.layoutOptions = options  // invalidates: the next paint is a full one
    }
}
