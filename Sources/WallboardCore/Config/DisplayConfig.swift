/// The `[display]` section: where and how the board is drawn.
public struct DisplayConfig: Sendable, Equatable {
    public var output: DisplayOutput = .auto
    /// e.g. "/dev/dri/card0" or "/dev/fb0"; nil = the first one found.
    public var device: String?
    /// One connector, or two for a multi-head board (e.g. ["HDMI-A-1", "HDMI-A-2"]); empty = first connected.
    public var connectors: [String] = []
    /// Which queues each head shows, one list per connector in the same order (`views = 999, 101 | crime`);
    /// empty = every head shows every queue.
    public var views: [[String]] = []
    /// nil = the panel's preferred mode.
    public var mode: Mode?
    public var rotation: Rotation = .none
    /// Font file; nil = the shipped B612.
    public var font: String?
    /// Metres from the panel to the farthest reader; sizes the figures. nil = fill the tile.
    public var viewingDistance: Double?
    /// Visible picture diagonal in metres (converts viewing distance to pixels); nil = as the panel reports.
    public var screenDiagonal: Double?
    /// Seconds between small whole-board shifts that spread pixel wear on OLED/plasma panels; nil = off.
    public var burnInShift: Double? = 300
    /// A gentle pulse on red tiles. Off by default: the static cues (the word BREACH, the hatched
    /// border, the reason) already say it without colour, constant motion on a wall of red tiles
    /// becomes noise over a shift, and a still board costs ~0.1 % of a core instead of ~0.5 %.
    public var redPulse: Bool = false
    /// Where `output = png` writes its snapshots.
    public var pngPath: String = "/run/wallboard/board.png"

    public init() {}
}

public enum DisplayOutput: String, Sendable, Equatable, CaseIterable {
    case auto, drm, fbdev, terminal, png
}

extension DisplayConfig {
    /// A video mode such as `1920x1080@60` (the refresh is optional). Nested, not top-level: the
    /// display layer has its own `DisplayMode` for matching monitor modes; the agent converts.
    public struct Mode: Sendable, Equatable, CustomStringConvertible {
        public var width: Int
        public var height: Int
        public var refresh: Int?
        public init(width: Int, height: Int, refresh: Int? = nil) {
            self.width = width
            self.height = height
            self.refresh = refresh
        }

        public init?(_ text: String) {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            let size = parts[0].split(separator: "x", omittingEmptySubsequences: false)
            guard size.count == 2, let w = Int(size[0]), let h = Int(size[1]), (1...16384).contains(w), (1...16384).contains(h)
            else { return nil }
            var refresh: Int?
            if parts.count == 2 {
                guard let r = Int(parts[1]), (1...1000).contains(r) else { return nil }
                refresh = r
            }
            self.init(width: w, height: h, refresh: refresh)
        }

        public var description: String { "\(width)x\(height)" + (refresh.map { "@\($0)" } ?? "") }
    }
}
