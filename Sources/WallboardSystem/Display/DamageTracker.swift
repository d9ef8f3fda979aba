import WallboardCore

/// Which rectangles must be copied into a double-buffered display's back buffer.
///
/// With two buffers that alternate, the back buffer last received pixels two frames ago: it is
/// missing both the previous frame's changes (which went into the other buffer) and this frame's.
/// So each copy covers the union of this frame's and the previous frame's damage.
/// Damage from frames that could not be shown yet (a flip still in flight, EBUSY, an unplugged
/// monitor) accumulates until the next frame that is shown.
public struct DamageTracker: Sendable {
    /// More rectangles than this are replaced by their bounding box: fewer, larger copies.
    public static let maximumRectangles = 16

    public let bounds: Rect
    private var previous: [Rect]
    private var pending: [Rect] = []

    /// Starts with the whole area damaged in both buffers (the first frames must be full).
    public init(bounds: Rect) {
        self.bounds = bounds
        previous = [bounds]
    }

    /// Records damage that has not been shown yet.
    public mutating func add(_ damage: [Rect]) {
        pending = DamageTracker.merge(pending + damage, bounds: bounds)
    }

    /// Marks everything damaged in both buffers (after a modeset or a lost buffer).
    public mutating func invalidateAll() {
        pending = [bounds]
        previous = [bounds]
    }

    public var hasPending: Bool { !pending.isEmpty }

    /// What to copy into the back buffer for a frame about to be shown: pending ∪ previous.
    /// Call `frameShown()` once that frame has been handed to the display.
    public func rectsForBackBuffer() -> [Rect] {
        DamageTracker.merge(previous + pending, bounds: bounds)
    }

    /// The pending damage went out in a frame: it becomes the previous frame's damage.
    public mutating func frameShown() {
        previous = pending
        pending = []
    }

    /// Clips to `bounds`, drops empty rectangles, merges overlapping or touching ones, and
    /// falls back to one bounding box when too many remain.
    public static func merge(_ rects: [Rect], bounds: Rect) -> [Rect] {
        var out: [Rect] = []
        for r in rects {
            var current = r.intersection(bounds)
            if current.isEmpty { continue }
            // Absorb every rectangle that meets the growing one, until nothing changes.
            var merged = true
            while merged {
                merged = false
                for (i, other) in out.enumerated() where touches(current, other) {
                    current = current.union(other)
                    out.remove(at: i)
                    merged = true
                    break
                }
            }
            out.append(current)
        }
        if out.count > maximumRectangles {
            return [out.dropFirst().reduce(out[0]) { $0.union($1) }]
        }
        return out
    }

    private static func touches(_ a: Rect, _ b: Rect) -> Bool {
        a.x <= b.maxX && b.x <= a.maxX && a.y <= b.maxY && b.y <= a.maxY
    }
}
