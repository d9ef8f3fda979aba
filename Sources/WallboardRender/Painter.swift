import WallboardCore

/// Draws a `Scene` into a `Canvas` and says which pixels it changed.
///
/// The painter remembers the last scene it painted into a canvas and, next time, repaints only the
/// elements whose content changed (a ticking clock repaints the clock's changed digits, not the
/// board). Every element owns a rectangle no other element draws into, so an element can be
/// repainted alone and give exactly the pixels a full repaint would. The damage it returns is the
/// tight bounding box of the pixels that actually changed in each repainted element.
///
/// If anything else writes into the canvas, call `invalidate()` so the next paint is a full one.
public final class Painter: @unchecked Sendable {
    public let fonts: Fonts
    public var palette: Palette { didSet { invalidate() } }
    /// Viewing distance, screen size, burn-in margin and shift. The metrics are the fonts' own.
    public var layoutOptions: LayoutOptions {
        didSet {
            layoutOptions.metrics = fonts.bold.metrics
            invalidate()
        }
    }
    /// The layout used by the last paint.
    public private(set) var layout: BoardLayout?
    /// When non-nil, every piece of text drawn is appended here (tests check nothing is clipped).
    public var textLog: [DrawnText]?

    var previous: Scene?
    /// The one size every tile name is drawn at, for the scene being painted.
    var titleSize: Int?
    private var previousCanvas: ObjectIdentifier?
    private var layoutKey: LayoutKey?
    /// Where `tracked` keeps an element's pixels from before its repaint.
    let scratch = PixelScratch()
    /// Lines already fitted to a box (`shrunk`).
    let fitted = FittedLines()
    /// Where hatching patterns are anchored: the layout area's corner (moves with the burn-in shift).
    var hatchOrigin: (x: Int, y: Int) { (layout?.area.x ?? 0, layout?.area.y ?? 0) }

    public init(fonts: Fonts, layoutOptions: LayoutOptions = LayoutOptions(), palette: Palette = Palette()) {
        self.fonts = fonts
        self.palette = palette
        var options = layoutOptions
        options.metrics = fonts.bold.metrics
        self.layoutOptions = options
    }

    /// Forget what was painted: the next paint redraws the whole canvas.
    public func invalidate() {
        previous = nil
        layoutKey = nil
    }

    /// Paints `scene` into `canvas` and returns the rectangles whose pixels changed (empty when
    /// nothing did; the whole canvas the first time, or after the size, shape or mode changes).
    @discardableResult
    public func paint(scene whole: Scene, into canvas: Canvas) -> [Rect] {
        let scene = whole.handlerGrid == nil ? whole.currentPage() : whole.currentPage(handlerCapacity: handlerCapacity(whole, canvas))
        let key = LayoutKey(scene: scene, width: canvas.width, height: canvas.height)
        let layout: BoardLayout
        if let current = self.layout, key == layoutKey {
            layout = current
        } else {
            layout = BoardLayout(
                width: canvas.width, height: canvas.height, tileCount: key.tiles, figureSlots: key.figureSlots,
                hasBanner: key.banner, hasStaff: key.staff, hasAlert: key.alert, hasPageMarker: key.pageMarker != nil,
                handlerCells: key.handlerCells, markerCharacters: key.pageMarker ?? 0, options: layoutOptions)
            self.layout = layout
        }
        let names = commonTitleSize(scene.tiles, scene.feedLost == nil ? layout.tiles : layout.feedLost.tiles)
        let full = previous == nil || key != layoutKey || previousCanvas != ObjectIdentifier(canvas)
            || (previous?.feedLost == nil) != (scene.feedLost == nil) || names != titleSize
        titleSize = names
        defer {
            previous = scene
            layoutKey = key
            previousCanvas = ObjectIdentifier(canvas)
        }
        if full {
            if scene.feedLost != nil {
                paintFeedLost(scene, layout, canvas)
            } else {
                paintBoard(scene, layout, canvas)
            }
            return [canvas.bounds]
        }
        guard let old = previous, old != scene else { return [] }
        if scene.feedLost != nil {
            return updateFeedLost(from: old, to: scene, layout, canvas)
        }
        return updateBoard(from: old, to: scene, layout, canvas)
    }
}

extension Painter {
    /// Handler cells per page on this canvas: the grid's capacity in the area a handler page leaves
    /// it (the same header, banner, staff bar and footer; the breach strip when any queue is in breach).
    func handlerCapacity(_ scene: Scene, _ canvas: Canvas) -> Int {
        let layout = BoardLayout(
            width: canvas.width, height: canvas.height, tileCount: 0, hasBanner: scene.banner.map { !$0.isEmpty } ?? false,
            hasStaff: scene.staff != nil, hasAlert: !scene.hiddenBreaches.isEmpty || scene.tiles.contains(where: \.isBreached),
            handlerCells: 0, options: layoutOptions)
        return layout.handlerGrid?.capacity ?? 1
    }
}

/// One piece of text the painter drew: what, where it was allowed to go, and where its ink landed.
public struct DrawnText: Sendable, Equatable {
    public var text: String
    /// What was actually drawn: `text`, a shorter true form of a figure, or (for names only) its
    /// start and "…" when even shrunk it did not fit.
    public var shown: String
    public var box: TextBox
    /// The size actually used (smaller than `box.size` when the text had to shrink to fit).
    public var size: Int
    /// The inked pixels before clipping; nil for blank text.
    public var ink: Rect?
}

/// What the layout depends on besides the options: when any of it changes, everything moves.
struct LayoutKey: Equatable {
    var width: Int
    var height: Int
    var tiles: Int
    var figureSlots: Int
    var banner: Bool
    var staff: Bool
    var alert: Bool
    /// Characters the header marker needs (at least the 10 of "PAGE 10/12"); nil: no marker.
    var pageMarker: Int?
    /// Handler cells on this page, nil when the page shows tiles.
    var handlerCells: Int?

    init(scene: Scene, width: Int, height: Int) {
        self.width = width
        self.height = height
        tiles = min(BoardLayout.maximumTiles, scene.tiles.count)
        var slots = 0
        for tile in scene.tiles { slots = max(slots, tile.figures.count) }
        figureSlots = min(4, slots)
        banner = scene.banner.map { !$0.isEmpty } ?? false
        staff = scene.staff != nil
        alert = !scene.hiddenBreaches.isEmpty
        pageMarker = scene.pageMarker.map { max(BoardLayout.markerCharacters, $0.count) }
        handlerCells = scene.handlerGrid?.cells.count
    }
}
