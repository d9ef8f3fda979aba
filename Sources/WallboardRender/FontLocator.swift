#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the board's font files. Tries, in order: a configured directory, `$WALLBOARD_FONT_DIR`,
/// `Fonts/` and `../share/wallboard/fonts` beside the executable, `/usr/share/wallboard/fonts`
/// (where the .deb installs them), and — in debug builds only — the source tree's `Fonts/` (for
/// `swift run` and the tests). A release binary never looks in the path it was built from: on another
/// machine that directory is anyone's. Release runs from a checkout (Deploy/dev run, the benchmarks)
/// set `WALLBOARD_FONT_DIR`.
public struct FontLocator: Sendable {
    public static let boldFile = "B612-Bold.otf"
    public static let regularFile = "B612-Regular.otf"

    public var configuredDirectory: String?
    public var environmentDirectory: String?
    public var executableDirectory: String?

    public init(
        configuredDirectory: String? = nil,
        environmentDirectory: String? = FontLocator.environment("WALLBOARD_FONT_DIR"),
        executableDirectory: String? = FontLocator.executableDirectory()
    ) {
        self.configuredDirectory = configuredDirectory
        self.environmentDirectory = environmentDirectory
        self.executableDirectory = executableDirectory
    }

    /// The directories searched, in order.
    public var searchPath: [String] {
        var dirs: [String] = []
        if let configuredDirectory, !configuredDirectory.isEmpty { dirs.append(configuredDirectory) }
        if let environmentDirectory, !environmentDirectory.isEmpty { dirs.append(environmentDirectory) }
        if let executableDirectory {
            dirs.append(executableDirectory + "/Fonts")
            dirs.append(executableDirectory + "/../share/wallboard/fonts")
        }
        dirs.append("/usr/share/wallboard/fonts")
        #if DEBUG
        dirs.append(FontLocator.sourceTreeFonts)
        #endif
        return dirs
    }

    /// Faces for characters B612 lacks, in the order tried, as Debian installs them: DejaVu Sans
    /// (`fonts-dejavu-core`: Greek, Cyrillic, many symbols), Droid Sans Fallback
    /// (`fonts-droid-fallback`: Chinese, Japanese, Korean) and Symbola (`fonts-symbola`: emoji in
    /// outline). The .deb depends on them; a file that is missing is left out, found again at the
    /// next start.
    public static let fallbackCandidates = FontFallbacks(
        bold: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", droid, symbola],
        regular: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", droid, symbola])
    static let droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
    static let symbola = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"

    /// The fallback candidates readable on this machine.
    public var fallbacks: FontFallbacks {
        let readable = { (paths: [String]) in paths.filter { access($0, R_OK) == 0 } }
        return FontFallbacks(bold: readable(Self.fallbackCandidates.bold), regular: readable(Self.fallbackCandidates.regular))
    }

    /// The full path of `file` in the first directory that has it readable.
    public func locate(_ file: String) throws(FontError) -> String {
        for dir in searchPath {
            let path = dir.hasSuffix("/") ? dir + file : dir + "/" + file
            if access(path, R_OK) == 0 { return path }
        }
        throw .notFound(file: file, searched: searchPath)
    }

    #if DEBUG
    /// `<package root>/Fonts`, found from this source file's own path (debug builds only).
    static var sourceTreeFonts: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // FontLocator.swift, WallboardRender, Sources
        return parts.joined(separator: "/") + "/Fonts"
    }
    #endif

    public static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// The directory holding the running executable (from /proc/self/exe), if known.
    public static func executableDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}

/// Fallback font files for the bold and the regular weight, in the order tried.
public struct FontFallbacks: Sendable, Equatable {
    public var bold: [String]
    public var regular: [String]
    public init(bold: [String] = [], regular: [String] = []) {
        self.bold = bold
        self.regular = regular
    }
}
