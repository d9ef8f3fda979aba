/// The proportions of a font, in ems, that layout needs to size text without opening a font file.
///
/// The renderer measures the real face and passes its own values; `b612` matches the shipped font
/// so pure tests and callers without a font get the same answer the painter will.
public struct FontMetrics: Sendable, Equatable {
    /// Height above the baseline that any glyph may reach.
    public var ascender: Double
    /// Depth below the baseline that any glyph may reach (positive).
    public var descender: Double
    /// Height of capitals and digits, used to centre text optically in its box.
    public var capHeight: Double
    /// Advance of the widest digit: digits are laid into cells this wide.
    public var digitAdvance: Double
    /// A generous average advance of capitals and punctuation, for character budgets.
    public var averageAdvance: Double

    public init(ascender: Double, descender: Double, capHeight: Double, digitAdvance: Double, averageAdvance: Double) {
        self.ascender = ascender
        self.descender = descender
        self.capHeight = capHeight
        self.digitAdvance = digitAdvance
        self.averageAdvance = averageAdvance
    }

    /// The height a line of text needs so no glyph is clipped.
    public var lineHeight: Double { ascender + descender }

    /// B612 Bold/Regular (2000 units per em, ascender 1930, descender 500, digits 1300 wide).
    public static let b612 = FontMetrics(
        ascender: 0.965, descender: 0.25, capHeight: 0.77, digitAdvance: 0.65, averageAdvance: 0.68)
}
