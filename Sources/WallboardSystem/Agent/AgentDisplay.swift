#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// Opening, pacing and closing the display, from the config's [display] section and --display.
public enum AgentDisplay {
    struct UnknownKind: Error, CustomStringConvertible {
        let kind: String
        var description: String {
            "--display: '\(kind)' is not a display kind (\(kinds))"
        }
    }

    /// What --display accepts: the display layer's kinds, and `none` (headless).
    public static var kinds: String { (DisplayKind.allCases.map(\.rawValue) + ["none"]).joined(separator: ", ") }

    /// Opens every configured head: head 0 always; a second one only where `[display] connector`
    /// names two and the display layer can drive both (why not is in `secondHeadProblem`).
    static func openHeads(config: WallboardConfig, options: AgentOptions) throws -> DisplaySelector.Heads {
        if options.display == "none" {
            let size = config.display.mode.map { ($0.width, $0.height) } ?? (1920, 1080)
            return DisplaySelector.Heads(displays: [HeadlessDisplay(width: size.0, height: size.1)], reason: "--display none")
        }
        return try DisplaySelector.openHeads(displayOptions(config: config, agent: options))
    }

    /// The display layer's options from the config's [display] section and the command line.
    static func displayOptions(config: WallboardConfig, agent options: AgentOptions) throws -> DisplayOptions {
        var o = DisplayOptions()
        if let text = options.display {
            guard let kind = DisplayKind(rawValue: text) else { throw UnknownKind(kind: text) }
            o.kind = kind
        } else {
            o.kind = DisplayKind(rawValue: config.display.output.rawValue) ?? .auto
        }
        if let device = config.display.device {
            if device.contains("/fb") { o.fbdevPath = device } else { o.drmDevice = device }
        }
        o.connector = config.display.connectors.first
        if config.display.connectors.count == 2 { o.secondConnector = config.display.connectors[1] }
        if let m = config.display.mode {
            o.mode = m
            o.virtualWidth = m.width
            o.virtualHeight = m.height
        }
        o.rotation = config.display.rotation
        o.pngPath = options.pngPath ?? defaultPNGPath(configured: config.display.pngPath)
        return o
    }

    /// The configured PNG path when its directory is writable (the service's /run/wallboard), else
    /// wallboard.png in the current directory, named in full in the log, so `Deploy/dev run` on a
    /// headless machine works without root.
    static func defaultPNGPath(configured: String) -> String {
        let directory = configured.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if directory.isEmpty || access(directory, W_OK) == 0 { return configured }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "wallboard.png" }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (cwd == "/" ? "" : cwd) + "/wallboard.png"
    }
}
