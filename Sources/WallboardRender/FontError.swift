/// Why a font could not be found or used; names the file involved.
public enum FontError: Error, Equatable, CustomStringConvertible {
    /// No candidate directory held the font file.
    case notFound(file: String, searched: [String])
    /// FreeType refused the file (not a font, damaged, unreadable).
    case unreadable(path: String, freeTypeError: Int32)
    /// The face has no outlines, so it cannot be drawn at wall sizes.
    case notScalable(path: String)
    case freeTypeInitFailed(freeTypeError: Int32)

    public var description: String {
        switch self {
        case .notFound(let file, let searched):
            return "font \(file) not found; looked in: \(searched.joined(separator: ", ")) "
                + "(set WALLBOARD_FONT_DIR or configure a font directory)"
        case .unreadable(let path, let error):
            return "font \(path): FreeType cannot open it (error \(error))"
        case .notScalable(let path):
            return "font \(path): not a scalable (outline) font"
        case .freeTypeInitFailed(let error):
            return "FreeType failed to start (error \(error))"
        }
    }
}
