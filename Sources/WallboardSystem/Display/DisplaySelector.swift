#if canImport(Glibc)
import Glibc
#endif
import WallboardCore

/// Which kind of display to open; `auto` tries them in order.
public enum DisplayKind: String, Sendable, CaseIterable {
    case auto, drm, fbdev, terminal, png
}

/// Everything the selector needs to open any display (from the config file and command line).
public struct DisplayOptions: Sendable {
    public var kind: DisplayKind = .auto
    /// DRM node to use instead of searching (e.g. "/dev/dri/card1").
    public var drmDevice: String?
    /// Connector name, e.g. "HDMI-A-1"; nil = first connected.
    public var connector: String?
    /// A second screen's connector on the same DRM card (multi-head); nil = one screen.
    public var secondConnector: String?
    /// Mode, e.g. 1920x1080@60; nil = the monitor's preferred one.
    public var mode: DisplayMode?
    public var rotation: Rotation = .none
    public var fbdevPath = "/dev/fb0"
    public var pngPath = "wallboard.png"
    /// Canvas size for the PNG and terminal displays (which have no size of their own).
    public var virtualWidth = 1920
    public var virtualHeight = 1080
    /// Whether the terminal preview is allowed: stdout must be a terminal.
    public var stdoutIsTerminal = isatty(1) == 1

    public init(kind: DisplayKind = .auto) { self.kind = kind }
}

/// Opens the display asked for; for `auto`: DRM, then fbdev, then the terminal (if stdout is a
/// TTY), then PNG, saying why each earlier one was passed over so the agent can log one line:
/// "drm: /dev/dri/card*: no such display device; fbdev: /dev/fb0: no such display device; chose terminal".
public enum DisplaySelector {
    public static func open(_ options: DisplayOptions) throws -> (display: Display, reason: String) {
        let opened = try openHeads(options)
        return (opened.displays[0], opened.reason)
    }

    /// What `openHeads` opened: one display per head (head 0 always), why that kind was chosen, and
    /// why a configured second screen is not driven, if it is not.
    public struct Heads {
        public var displays: [Display]
        public var reason: String
        public var secondHeadProblem: String?
    }

    /// Opens head 0 as `open` does; with `secondConnector` set and head 0 on DRM, opens the second
    /// connector on the same card (its own CRTC). A second head that cannot be opened is not fatal:
    /// the board runs on one screen showing every queue, and the reason is returned.
    public static func openHeads(_ options: DisplayOptions) throws -> Heads {
        if options.kind != .auto {
            return try make(options.kind, options, reason: "chose \(options.kind.rawValue) (configured)")
        }
        var reasons: [String] = []
        for kind in [DisplayKind.drm, .fbdev, .terminal, .png] {
            do {
                return try make(kind, options, reason: (reasons + ["chose \(kind.rawValue)"]).joined(separator: "; "))
            } catch {
                reasons.append("\(kind.rawValue): \(error)")
            }
        }
        // Unreachable in practice (PNG only fails if its file cannot be named); keep the reasons.
        throw DisplaySelectionError(reasons: reasons)
    }

    private static func make(_ kind: DisplayKind, _ o: DisplayOptions, reason: String) throws -> Heads {
        if kind == .auto || kind == .drm {
            // One card, opened once, for every head on it.
            let device = try DRMDevice.discover(path: o.drmDevice, connector: o.connector)
            let first = try DRMDisplay(device: device, connector: o.connector, mode: o.mode, rotation: o.rotation)
            var opened = Heads(displays: [first], reason: reason)
            if let second = o.secondConnector {
                do { opened.displays.append(try DRMDisplay(device: device, connector: second, mode: o.mode, rotation: o.rotation)) }
                catch { opened.secondHeadProblem = "\(second): \(error)" }
            }
            return opened
        }
        let display = try make(kind, o)
        var opened = Heads(displays: [display], reason: reason)
        if let second = o.secondConnector {
            opened.secondHeadProblem = "\(second): a second screen needs the drm output (chose \(display.name))"
        }
        return opened
    }

    private static func make(_ kind: DisplayKind, _ o: DisplayOptions) throws -> Display {
        switch kind {
        case .auto, .drm:
            return try DRMDisplay(devicePath: o.drmDevice, connector: o.connector, mode: o.mode, rotation: o.rotation)
        case .fbdev:
            return try FbdevDisplay(path: o.fbdevPath, rotation: o.rotation)
        case .terminal:
            guard o.stdoutIsTerminal else { throw DisplayError.notATerminal }
            return TerminalDisplay(width: o.virtualWidth, height: o.virtualHeight, rotation: o.rotation)
        case .png:
            guard !o.pngPath.isEmpty else { throw DisplayError.deviceNotFound("(empty PNG path)") }
            return PNGDisplay(path: o.pngPath, width: o.virtualWidth, height: o.virtualHeight, rotation: o.rotation)
        }
    }
}

/// No display at all could be opened; each kind's reason is listed.
public struct DisplaySelectionError: Error, CustomStringConvertible {
    public let reasons: [String]
    public var description: String { "no display could be opened: " + reasons.joined(separator: "; ") }
}
