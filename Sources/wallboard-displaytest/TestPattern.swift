import WallboardCore
import WallboardRender

/// The picture the QEMU harness looks for on the real scanout: four coloured quadrants and a
/// yellow square that ends up at a known place after moving through many page-flipped frames.
enum TestPattern {
    static let red = RGB.pack(255, 0, 0), green = RGB.pack(0, 255, 0)
    static let blue = RGB.pack(0, 0, 255), white = RGB.pack(255, 255, 255)
    static let yellow = RGB.pack(255, 255, 0)

    static func quadrants(_ canvas: Canvas) {
        let w = canvas.width, h = canvas.height
        canvas.fill(Rect(x: 0, y: 0, width: w / 2, height: h / 2), with: red)
        canvas.fill(Rect(x: w / 2, y: 0, width: w - w / 2, height: h / 2), with: green)
        canvas.fill(Rect(x: 0, y: h / 2, width: w / 2, height: h - h / 2), with: blue)
        canvas.fill(Rect(x: w / 2, y: h / 2, width: w - w / 2, height: h - h / 2), with: white)
    }

    /// Side of the moving square, and where it stops: centred on the middle of the screen.
    static func square(_ canvas: Canvas, step: Int, steps: Int) -> Rect {
        let side = canvas.height / 8
        let endX = canvas.width / 2 - side / 2
        let x = endX * step / max(1, steps)
        return Rect(x: x, y: canvas.height / 2 - side / 2, width: side, height: side)
    }

    /// Repaints what lies under `rect` (the quadrants), for moving the square.
    static func restore(_ canvas: Canvas, _ rect: Rect) {
        let w = canvas.width, h = canvas.height
        for (r, c) in [
            (Rect(x: 0, y: 0, width: w / 2, height: h / 2), red),
            (Rect(x: w / 2, y: 0, width: w - w / 2, height: h / 2), green),
            (Rect(x: 0, y: h / 2, width: w / 2, height: h - h / 2), blue),
            (Rect(x: w / 2, y: h / 2, width: w - w / 2, height: h - h / 2), white),
        ] { canvas.fill(r.intersection(rect), with: c) }
    }
}
