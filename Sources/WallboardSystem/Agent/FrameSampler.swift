import WallboardRender

/// Scales a canvas down for `wallboardctl preview`: each output pixel is the mean of the box it
/// covers, so thin text and borders still show as a tint rather than vanishing.
public enum FrameSampler {
    /// XRGB8888 pixels of the canvas fitted (aspect kept) inside `maxWidth`×`maxHeight`.
    public static func sample(_ canvas: Canvas, maxWidth: Int, maxHeight: Int) -> (width: Int, height: Int, pixels: [UInt32]) {
        let scale = min(1, min(Double(max(1, maxWidth)) / Double(canvas.width), Double(max(1, maxHeight)) / Double(canvas.height)))
        let w = max(1, Int((Double(canvas.width) * scale).rounded()))
        let h = max(1, Int((Double(canvas.height) * scale).rounded()))
        var out = [UInt32](repeating: 0, count: w * h)
        for oy in 0..<h {
            let y0 = oy * canvas.height / h, y1 = max(y0 + 1, (oy + 1) * canvas.height / h)
            for ox in 0..<w {
                let x0 = ox * canvas.width / w, x1 = max(x0 + 1, (ox + 1) * canvas.width / w)
                var r = 0, g = 0, b = 0
                for y in y0..<y1 {
                    let row = y * canvas.width
                    for x in x0..<x1 {
                        let c = canvas.pixels[row + x]
                        r += Int(c >> 16 & 0xFF)
                        g += Int(c >> 8 & 0xFF)
                        b += Int(c & 0xFF)
                    }
                }
                let n = (y1 - y0) * (x1 - x0)
                out[oy * w + ox] = UInt32(r / n) << 16 | UInt32(g / n) << 8 | UInt32(b / n)
            }
        }
        return (w, h, out)
    }
}
