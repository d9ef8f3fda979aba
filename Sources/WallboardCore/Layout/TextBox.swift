/// Where a piece of text goes: the box it must stay inside, its pixel size, and how it sits in the box.
///
/// The box is always at least one line high at `size` (`FontMetrics.lineHeight`), so text drawn at
/// `size` or smaller is never clipped vertically; the painter shrinks text that is wider than the box.
public struct TextBox: Sendable, Equatable {
    public var rect: Rect
    /// Font size in pixels per em.
    public var size: Int
    public var alignment: TextAlignment

    public init(rect: Rect, size: Int, alignment: TextAlignment = .left) {
        self.rect = rect
        self.size = size
        self.alignment = alignment
    }

    /// A box with the largest size at which one line of `characters` characters fits it,
    /// capped at `maxSize` when given.
    public static func fitting(
        _ rect: Rect, characters: Double, metrics: FontMetrics, alignment: TextAlignment = .left, maxSize: Int? = nil
    ) -> TextBox {
        let byHeight = Double(rect.height) / metrics.lineHeight
        let byWidth = Double(rect.width) / (max(1, characters) * metrics.averageAdvance)
        var size = Int(min(byHeight, byWidth).rounded(.down))
        if let maxSize { size = min(size, maxSize) }
        return TextBox(rect: rect, size: max(0, size), alignment: alignment)
    }
}

public enum TextAlignment: Sendable, Equatable {
    case left, center, right
}
