/// The two weights the board uses: bold for figures and titles, regular for labels and detail.
/// They share one glyph cache.
public struct Fonts: Sendable {
    public let bold: Font
    public let regular: Font

    public init(bold: Font, regular: Font) {
        self.bold = bold
        self.regular = regular
    }

    /// Opens B612 Bold and Regular from the first directory of `locator` that has them, with the
    /// fallback faces found on this machine (`FontLocator.fallbacks`).
    public init(locator: FontLocator = FontLocator()) throws(FontError) {
        try self.init(boldPath: try locator.locate(FontLocator.boldFile), regularPath: try locator.locate(FontLocator.regularFile),
                      fallbacks: locator.fallbacks)
    }

    /// Opens two specific font files (e.g. a configured font); the same file may serve for both.
    /// `fallbacks` are tried for characters they lack; one that cannot be opened is skipped.
    public init(boldPath: String, regularPath: String, fallbacks: FontFallbacks = FontLocator().fallbacks) throws(FontError) {
        let cache = GlyphCache()
        func open(_ paths: [String]) -> [FontFace] { paths.compactMap { path in try? FontFace(path: path) } }
        bold = Font(face: try FontFace(path: boldPath), cache: cache, fallbacks: open(fallbacks.bold))
        regular = Font(face: try FontFace(path: regularPath), cache: cache, fallbacks: open(fallbacks.regular))
    }

    /// The fallback files actually opened, for the log ("fallback fonts: …").
    public var fallbackPaths: [String] { (bold.fallbacks + regular.fallbacks).map(\.path) }
}
