import XCTest
import WallboardCore
@testable import WallboardRender

/// The shipped fonts, opened once for the whole test target (tests run serially).
enum TestFonts {
    static let loaded: Result<Fonts, FontError> = Result { () throws(FontError) -> Fonts in try Fonts() }

    static func fonts() throws -> Fonts {
        try loaded.get()
    }
}

extension Canvas {
    func copy() -> Canvas {
        let c = Canvas(width: width, height: height)
        c.pixels.baseAddress!.update(from: pixels.baseAddress!, count: pixels.count)
        return c
    }

    /// Number of pixels in `rect` exactly equal to `color`.
    func count(_ color: UInt32, in rect: Rect? = nil) -> Int {
        let r = (rect ?? bounds).intersection(bounds)
        var n = 0
        for y in r.y..<r.maxY { for x in r.x..<r.maxX where self[x, y] == color { n += 1 } }
        return n
    }

    /// Pixels that differ between two canvases of the same size.
    func differences(from other: Canvas) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        let a = pixels.baseAddress!, b = other.pixels.baseAddress!
        var i = 0
        let n = pixels.count
        while i < n {  // raw pointers and a while loop: this scans millions of pixels in debug builds
            if a[i] != b[i] { out.append((i % width, i / width)) }
            i &+= 1
        }
        return out
    }
}

/// Paints `scene` on a fresh canvas with a fresh painter.
func render(_ scene: Scene, width: Int, height: Int, options: LayoutOptions = LayoutOptions(), log: Bool = false) throws -> (Canvas, Painter) {
    let painter = Painter(fonts: try TestFonts.fonts(), layoutOptions: options)
    if log { painter.textLog = [] }
    let canvas = Canvas(width: width, height: height)
    painter.paint(scene: scene, into: canvas)
    return (canvas, painter)
}
