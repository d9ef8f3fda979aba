import WallboardRender

/// Turns pixels into a truecolor terminal picture: each character cell is "▀" (upper half
/// block) with the foreground colour for the top pixel and the background for the bottom one,
/// so a terminal of C×R cells shows C×2R square-ish pixels.
///
/// Public so `wallboardctl preview` can encode frames it receives over the control socket.
public enum HalfBlockEncoder {
    /// The cell grid a `width`×`height` picture fills in a `columns`×`rows` terminal, keeping the
    /// aspect ratio (one cell is one pixel wide and two tall).
    public static func fit(width: Int, height: Int, columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        guard width > 0, height > 0, columns > 0, rows > 0 else { return (0, 0) }
        // Pixel grid available: columns × 2·rows.
        let scale = min(Double(columns) / Double(width), Double(2 * rows) / Double(height))
        let c = max(1, min(columns, Int((Double(width) * scale).rounded())))
        let pixelRows = max(2, min(2 * rows, Int((Double(height) * scale).rounded())))
        return (c, (pixelRows + 1) / 2)
    }

    /// Encodes a canvas to fit in `columns`×`rows` cells.
    public static func encode(_ canvas: Canvas, columns: Int, rows: Int) -> [UInt8] {
        let pixels = canvas.pixels
        let w = canvas.width
        return encode(width: canvas.width, height: canvas.height, columns: columns, rows: rows) { x, y in
            pixels[y * w + x]
        }
    }

    /// Encodes a `width`×`height` XRGB8888 picture read through `pixel(x, y)`: cursor home, then
    /// one line per cell row (colours reset at each line end), no trailing newline.
    /// Each output pixel is the average of the source box it covers.
    public static func encode(
        width: Int, height: Int, columns: Int, rows: Int, pixel: (Int, Int) -> UInt32
    ) -> [UInt8] {
        let grid = fit(width: width, height: height, columns: columns, rows: rows)
        guard grid.columns > 0 else { return [] }
        let pixelRows = grid.rows * 2
        var out: [UInt8] = Array("\u{1B}[H".utf8)
        out.reserveCapacity(grid.columns * grid.rows * 24)
        for row in 0..<grid.rows {
            var fg: UInt32 = .max, bg: UInt32 = .max
            for column in 0..<grid.columns {
                let top = average(column, 2 * row, grid.columns, pixelRows, width, height, pixel)
                let bottom = average(column, 2 * row + 1, grid.columns, pixelRows, width, height, pixel)
                if top != fg { appendColour(38, top, to: &out); fg = top }
                if bottom != bg { appendColour(48, bottom, to: &out); bg = bottom }
                out += [0xE2, 0x96, 0x80]  // U+2580 UPPER HALF BLOCK
            }
            out += Array("\u{1B}[0m".utf8)
            if row + 1 < grid.rows { out += [0x0D, 0x0A] }
        }
        return out
    }

    /// Mean colour of the source box under output pixel (ox, oy) of an `ow`×`oh` grid.
    private static func average(
        _ ox: Int, _ oy: Int, _ ow: Int, _ oh: Int, _ width: Int, _ height: Int, _ pixel: (Int, Int) -> UInt32
    ) -> UInt32 {
        let x0 = ox * width / ow, x1 = max(x0 + 1, (ox + 1) * width / ow)
        let y0 = oy * height / oh, y1 = max(y0 + 1, (oy + 1) * height / oh)
        guard y0 < height else { return 0 }  // the padding row of an odd pixel-row count: black
        var r = 0, g = 0, b = 0, n = 0
        for y in y0..<min(y1, height) {
            for x in x0..<min(x1, width) {
                let c = pixel(x, y)
                r += Int(RGB.red(c)); g += Int(RGB.green(c)); b += Int(RGB.blue(c))
                n += 1
            }
        }
        return RGB.pack(UInt8(r / n), UInt8(g / n), UInt8(b / n))
    }

    /// ESC [ 38;2;R;G;B m (foreground) or 48 (background).
    private static func appendColour(_ code: Int, _ c: UInt32, to out: inout [UInt8]) {
        out += Array("\u{1B}[\(code);2;\(RGB.red(c));\(RGB.green(c));\(RGB.blue(c))m".utf8)
    }
}
