/// The two weights the board uses: bold for figures and titles, regular for labels and detail.
/// They share one glyph cache.
public struct Fonts: Sendable {
    public let bold: Font
    public let regular: Font

    public init(bold: Font, regular: Font) {
        self.bold = bold
        self.regular = regular
    }

    /// Opens B612 Bold and Regular from the first directory of `locator` that has them.
    public init(locator: FontLocator = FontLocator()) throws(FontError) {
        let cache = GlyphCache()
        bold = Font(face: try FontFace(path: try locator.locate(FontLocator.boldFile)), cache: cache)
        regular = Font(face: try FontFace(path: try locator.locate(FontLocator.regularFile)), cache: cache)
    }

    /// Opens two specific font files (e.g. a configured font); the same file may serve for both.
    public init(boldPath: String, regularPath: String) throws(FontError) {
        let cache = GlyphCache()
        bold = Font(face: try FontFace(path: boldPath), cache: cache)
        regular = Font(face: try FontFace(path: regularPath), cache: cache)
    }
}
