/// The burn-in protection offset: the whole image moves by a few pixels every few minutes, walking
/// a small square so no edge stays on the same pixels for long. Pure: the caller passes the time.
public enum BurnInShift {
    /// The shift for time `now`, each component in `-amplitude...amplitude`; (0, 0) when
    /// `amplitude` is 0 or `period` is not positive.
    public static func offset(at now: MonotonicSeconds, period: Double, amplitude: Int) -> (x: Int, y: Int) {
        guard amplitude > 0, period > 0, now.isFinite else { return (0, 0) }
        let side = 2 * amplitude + 1
        let positions = side * side
        let step = Int((now / period).rounded(.down)) % positions
        let index = step < 0 ? step + positions : step
        // Boustrophedon walk: neighbouring steps differ by one pixel, so each move is barely visible.
        let row = index / side
        let column = row % 2 == 0 ? index % side : side - 1 - index % side
        return (column - amplitude, row - amplitude)
    }
}
