#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the board's font files. Tries, in order: a configured directory, `$WALLBOARD_FONT_DIR`,
/// `Fonts/` and `../share/wallboard/fonts` beside the executable, `/usr/share/wallboard/fonts`
/// (where the .deb installs them), and the source tree's `Fonts/` (for `swift run` and tests).
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
        dirs.append(FontLocator.sourceTreeFonts)
        return dirs
    }

    /// The full path of `file` in the first directory that has it readable.
    public func locate(_ file: String) throws(FontError) -> String {
        for dir in searchPath {
            let path = dir.hasSuffix("/") ? dir + file : dir + "/" + file
            if access(path, R_OK) == 0 { return path }
        }
        throw .notFound(file: file, searched: searchPath)
    }

    /// `<package root>/Fonts`, found from this source file's own path.
    static var sourceTreeFonts: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // FontLocator.swift, WallboardRender, Sources
        return parts.joined(separator: "/") + "/Fonts"
    }

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
