/// A reusable buffer of pixels, grown as needed and never initialised: every use writes the pixels
/// it then reads (`tracked` saves an element's pixels into it before comparing against them), so
/// zero-filling it — most of a large first repaint's cost — would be wasted work.
final class PixelScratch {
    private var pixels: UnsafeMutablePointer<UInt32>
    private var capacity = 0

    init() { pixels = .allocate(capacity: 0) }

    deinit { pixels.deallocate() }

    /// Room for at least `count` pixels; what was there before is lost when it has to grow.
    func room(for count: Int) -> UnsafeMutablePointer<UInt32> {
        if count > capacity {
            pixels.deallocate()
            capacity = max(count, capacity * 2)
            pixels = .allocate(capacity: capacity)
        }
        return pixels
    }
}
