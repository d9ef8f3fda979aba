import CFreeType
import WallboardCore

/// One font file opened through FreeType. Owns its FT_Library and FT_Face and frees both in `deinit`.
///
/// Not thread-safe (FreeType faces are not): one painter, one face. `@unchecked Sendable` so a
/// painter can be handed to the thread that draws; it must then be used there only.
public final class FontFace: @unchecked Sendable {
    public let path: String
    /// Distinguishes faces in the glyph cache key.
    public let id: Int
    private let library: FT_Library
    let face: FT_Face
    private var currentSize = -1
    public let hasKerning: Bool
    /// Units per em, for converting font units.
    public let unitsPerEM: Int

    private static let nextID = LockedValue(0)

    public init(path: String) throws(FontError) {
        var lib: FT_Library?
        let initError = FT_Init_FreeType(&lib)
        guard initError == 0, let lib else { throw .freeTypeInitFailed(freeTypeError: initError) }
        var f: FT_Face?
        let error = FT_New_Face(lib, path, 0, &f)
        guard error == 0, let f else {
            FT_Done_FreeType(lib)
            throw .unreadable(path: path, freeTypeError: error)
        }
        guard wb_ft_is_scalable(f) != 0 else {
            FT_Done_Face(f)
            FT_Done_FreeType(lib)
            throw .notScalable(path: path)
        }
        self.path = path
        library = lib
        face = f
        hasKerning = wb_ft_has_kerning(f) != 0
        unitsPerEM = Int(f.pointee.units_per_EM)
        id = FontFace.nextID.withLock {
            $0 += 1
            return $0
        }
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    /// Proportions for layout, measured from this face.
    public var metrics: FontMetrics {
        let em = Double(unitsPerEM)
        let ascender = Double(face.pointee.ascender) / em
        let descender = -Double(face.pointee.descender) / em
        let digits = "0123456789".unicodeScalars.map { Double(advanceUnits(of: $0)) / em }
        let capHeight = Double(inkTopUnits(of: "H")) / em
        return FontMetrics(
            ascender: ascender, descender: descender, capHeight: capHeight > 0 ? capHeight : 0.7,
            digitAdvance: digits.max() ?? 0.6, averageAdvance: FontMetrics.b612.averageAdvance)
    }

    public func glyphIndex(_ scalar: Unicode.Scalar) -> UInt32 {
        UInt32(FT_Get_Char_Index(face, FT_ULong(scalar.value)))
    }

    /// Sets the pixel size for the next glyph loads (cheap when unchanged).
    func setPixelSize(_ size: Int) -> Bool {
        if size == currentSize { return true }
        guard FT_Set_Pixel_Sizes(face, 0, FT_UInt(size)) == 0 else { return false }
        currentSize = size
        return true
    }

    /// Kerning between two glyphs at `size`, in 26.6 fixed point (0 when the font has none).
    func kerning(_ left: UInt32, _ right: UInt32, size: Int) -> Int {
        guard hasKerning, left != 0, right != 0, setPixelSize(size) else { return 0 }
        var delta = FT_Vector()
        guard FT_Get_Kerning(face, left, right, UInt32(FT_KERNING_DEFAULT.rawValue), &delta) == 0 else { return 0 }
        return Int(delta.x)
    }

    /// Loads and renders one glyph at `size` as 8-bit coverage.
    func renderGlyph(_ index: UInt32, size: Int) -> Glyph? {
        guard setPixelSize(size) else { return nil }
        guard FT_Load_Glyph(face, index, WB_FT_LOAD_RENDER | WB_FT_LOAD_TARGET_NORMAL | WB_FT_LOAD_NO_BITMAP) == 0,
              let slot = face.pointee.glyph
        else { return nil }
        let bitmap = slot.pointee.bitmap
        let width = Int(bitmap.width), rows = Int(bitmap.rows), pitch = Int(bitmap.pitch)
        var coverage = [UInt8](repeating: 0, count: width * rows)
        if let buffer = bitmap.buffer, width > 0, rows > 0, bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_GRAY.rawValue) {
            for y in 0..<rows {
                let source = pitch >= 0 ? buffer + y * pitch : buffer + (rows - 1 - y) * -pitch
                for x in 0..<width { coverage[y * width + x] = source[x] }
            }
        }
        return Glyph(
            width: width, height: rows, left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top),
            advance: Int(slot.pointee.advance.x), coverage: coverage)
    }

    private func advanceUnits(of scalar: Unicode.Scalar) -> Int {
        guard FT_Load_Glyph(face, glyphIndex(scalar), FT_Int32(1) /* FT_LOAD_NO_SCALE */) == 0, let slot = face.pointee.glyph
        else { return 0 }
        currentSize = -1  // an unscaled load leaves the size alone, but be safe
        return Int(slot.pointee.advance.x)
    }

    private func inkTopUnits(of scalar: Unicode.Scalar) -> Int {
        guard FT_Load_Glyph(face, glyphIndex(scalar), FT_Int32(1)) == 0, let slot = face.pointee.glyph else { return 0 }
        return Int(slot.pointee.metrics.horiBearingY)
    }
}
