/// What layout needs to know beyond the canvas size and the scene's shape.
public struct LayoutOptions: Sendable, Equatable {
    /// Metres from the screen to the farthest seat that must read it.
    public var viewingDistance: Double
    /// Diagonal of the visible picture in metres (a 55-inch panel is 1.40 m). Converts the
    /// viewing distance into pixels; DRM reports the panel's size in millimetres when it knows it.
    public var screenDiagonal: Double
    public var metrics: FontMetrics
    /// Pixels kept free on every side so the burn-in shift never pushes content off screen.
    public var burnInMargin: Int
    /// The current burn-in shift, each component within ±`burnInMargin`.
    public var shiftX: Int
    public var shiftY: Int

    public init(
        viewingDistance: Double = 5, screenDiagonal: Double = 1.40, metrics: FontMetrics = .b612,
        burnInMargin: Int = 0, shiftX: Int = 0, shiftY: Int = 0
    ) {
        self.viewingDistance = viewingDistance
        self.screenDiagonal = screenDiagonal
        self.metrics = metrics
        self.burnInMargin = max(0, burnInMargin)
        self.shiftX = shiftX
        self.shiftY = shiftY
    }

    /// The smallest font size (px per em) that can be read at `viewingDistance` on a
    /// `width`×`height` canvas: capitals at least 1/350 of the distance high. Signage practice puts
    /// the limit of reading at about 1/350 and comfortable reading at 1/250; this bound is for the
    /// smallest figures, and the floor's key numbers are several times larger.
    public func minimumLegibleSize(width: Int, height: Int) -> Int {
        let diagonalPixels = Double(width * width + height * height).squareRoot()
        let pixelsPerMetre = diagonalPixels / max(0.1, screenDiagonal)
        let capHeightPixels = max(0, viewingDistance) / 350 * pixelsPerMetre
        return max(8, Int((capHeightPixels / metrics.capHeight).rounded(.up)))
    }
}
