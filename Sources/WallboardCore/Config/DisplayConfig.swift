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
    public var mode: DisplayMode?
    public var rotation: Rotation = .none
    /// Font file; nil = the shipped B612.
    public var font: String?
    /// Metres from the panel to the farthest reader; sizes the figures. nil = fill the tile.
    public var viewingDistance: Double?
    /// Visible picture diagonal in metres (converts viewing distance to pixels); nil = a 55-inch
    /// panel (`LayoutOptions.screenDiagonal`'s default, 1.40 m).
    public var screenDiagonal: Double?
    /// Seconds between small whole-board shifts that spread pixel wear on OLED/plasma panels; nil = off.
    public var burnInShift: Double? = 300
    /// A gentle pulse on red tiles. Off by default: the static cues (the word BREACH, the hatched
    /// border, the reason) already say it without colour, constant motion on a wall of red tiles
    /// becomes noise over a shift, and a still board costs ~0.1 % of a core instead of ~0.5 %.
    public var redPulse: Bool = false
    /// Where `output = png` writes its snapshots.
    public var pngPath: String = "/run/wallboard/board.png"
    /// `on =`: when the panel is lit (local time); `.always` = no schedule.
    public var schedule: DisplaySchedule = .always
    /// `wake_on =`: which alarm lights the panel outside the schedule.
    public var wakeOn: WakeOn = .breach

    public init() {}
}

public enum DisplayOutput: String, Sendable, Equatable, CaseIterable {
    case auto, drm, fbdev, terminal, png
}
