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

    /// What the agent opened: one display per head (head 0 always), why that kind was chosen, and
    /// why a configured second head is missing, if it is.
    struct Opened {
        var displays: [Display]
        var reason: String
        var secondHeadProblem: String?
    }

    /// Opens head 0 as before; when `connector` names two connectors and head 0 is DRM, opens the
    /// second connector on the same device (its own CRTC). A second head that cannot be opened is
    /// not fatal: the board runs on one screen showing every queue, and the reason is logged.
    static func openHeads(config: WallboardConfig, options: AgentOptions) throws -> Opened {
        let first = try open(config: config, options: options)
        var opened = Opened(displays: [first.display], reason: first.reason)
        let connectors = config.display.connectors
        guard connectors.count == 2 else { return opened }
        guard let drm = first.display as? DRMDisplay else {
            opened.secondHeadProblem = "\(connectors[1]): a second screen needs the drm output (chose \(first.display.name))"
            return opened
        }
        do {
            let second = try DRMDisplay(device: drm.device, connector: connectors[1], mode: config.display.mode, rotation: config.display.rotation)
            opened.displays.append(second)
        } catch {
            opened.secondHeadProblem = "\(connectors[1]): \(error)"
        }
        return opened
    }

    static func open(config: WallboardConfig, options: AgentOptions) throws -> (display: Display, reason: String) {
        if options.display == "none" {
            let size = config.display.mode.map { ($0.width, $0.height) } ?? (1920, 1080)
            return (HeadlessDisplay(width: size.0, height: size.1), "--display none")
        }
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
        if let m = config.display.mode {
            o.mode = m
            o.virtualWidth = m.width
            o.virtualHeight = m.height
        }
        o.rotation = config.display.rotation
        o.pngPath = options.pngPath ?? defaultPNGPath(configured: config.display.pngPath)
        return try DisplaySelector.open(o)
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

    /// The most frames per second worth drawing. A real screen: its refresh (60 Hz unless it says).
    /// The terminal and PNG fallbacks re-encode the whole picture per frame, so they are paced to
    /// what a reader can use, which keeps the headless quick start cheap.
    static func refreshHz(of display: Display) -> Double {
        switch display {
        case is TerminalDisplay: return 4
        case is PNGDisplay: return 1
        case is HeadlessDisplay: return 60
        default: return 60
        }
    }

    /// Gives the screen back: the DRM display restores the previous CRTC and the console's text mode,
    /// the terminal leaves the alternate screen. (exit() runs no deinit, so this is explicit.)
    static func close(_ display: Display) {
        if let drm = display as? DRMDisplay { drm.close() }
        if let terminal = display as? TerminalDisplay { terminal.close() }
    }
}
