/// An integer pixel rectangle: origin at the top left, y grows downward.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var area: Int { isEmpty ? 0 : width * height }

    /// The overlap of two rectangles (empty if they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }

    /// The smallest rectangle holding both (an empty one adds nothing).
    public func union(_ other: Rect) -> Rect {
        if isEmpty { return other }
        if other.isEmpty { return self }
        let x0 = min(x, other.x), y0 = min(y, other.y)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }

    public func intersects(_ other: Rect) -> Bool { !intersection(other).isEmpty }

    public func contains(_ other: Rect) -> Bool {
        other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
    }

    public func insetBy(_ d: Int) -> Rect {
        Rect(x: x + d, y: y + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}

/// How the panel is mounted. The painter draws in logical (rotated) orientation;
/// a display rotates pixels to the panel's physical orientation when it copies them out.
public enum Rotation: Int, Sendable, CaseIterable {
    case none = 0, quarter = 90, half = 180, threeQuarter = 270

    public init?(degrees: Int) { self.init(rawValue: degrees) }

    /// Logical size of a panel of physical size `width`×`height` mounted this way.
    public func logicalSize(width: Int, height: Int) -> (width: Int, height: Int) {
        self == .quarter || self == .threeQuarter ? (height, width) : (width, height)
    }
}
