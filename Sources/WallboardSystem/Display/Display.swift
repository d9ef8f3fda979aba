import WallboardCore
import WallboardRender

/// Where frames go: a narrow interface, in the spirit of LVGL's flush callback and
/// `lv_display_delete`. The painter knows nothing about DRM; a display knows nothing about queues.
/// The agent drives every backend through this protocol alone (it never asks which kind it has).
///
/// Everything runs on the agent's one serial queue: displays are not thread-safe, by design.
public protocol Display: AnyObject {
    /// Human description for logs and `wallboardctl status`, e.g. "drm /dev/dri/card0 HDMI-A-1 1920x1080@60".
    var name: String { get }
    /// Logical size the painter draws at (already swapped for 90°/270° mounting).
    var width: Int { get }
    var height: Int { get }
    var rotation: Rotation { get }
    /// The most frames per second worth drawing: a real screen's refresh; for the terminal and PNG
    /// fallbacks, which re-encode the whole picture per frame, what a reader can use.
    var maximumFrameRate: Double { get }
    /// True when the picture is drawn on this process' own terminal, where log lines would scroll it away.
    var drawsOnTerminal: Bool { get }
    /// The connector this screen is on ("HDMI-A-1"), for status; nil where there is none.
    var connector: String? { get }
    /// Whether the VT was put in graphics mode, for the agent's log; nil: this display does not own the console.
    var consoleLogLine: (priority: LogPriority, text: String)? { get }

    /// Shows `canvas` (logical orientation); only the pixels inside `damage` changed since the last call.
    /// The first call after start (or after a mode change) must be given the whole canvas as damage.
    func present(_ canvas: Canvas, damage: [Rect]) throws

    /// Non-blocking descriptors with kernel events for this display (page-flip completions, monitor
    /// hot-plug); watch them for readability and call `handleEvents()`. Heads on one device share them.
    var eventFileDescriptors: [Int32] { get }
    /// Reads whatever is ready on the descriptors (never blocks).
    func handleEvents() throws -> DisplayChange
    /// Seconds between calls of `periodicCheck()` (the slow connector poll, DRM master retries); nil: never.
    var checkInterval: Double? { get }
    /// Polls what has no event (connector state, a lost DRM master).
    func periodicCheck() throws -> DisplayChange

    /// Turns the panel off (DRM DPMS, fbdev FBIOBLANK) or on again for the `[display] on` schedule;
    /// while off, `present` keeps the frame without showing it, and turning on shows the latest.
    /// False: this display cannot (terminal, PNG, headless), so the agent draws its "screen off"
    /// picture instead.
    func setPower(on: Bool) throws -> Bool

    /// Gives the screen back: the console's text mode and the CRTC found at start (DRM, fbdev), the
    /// normal screen and cursor (terminal), no stale snapshot left claiming to be current (PNG).
    /// Called on every way out of the agent — exit() runs no deinit. Safe to call twice; after it,
    /// `present` draws nothing.
    func close()
}

/// Most displays have no kernel events and draw at a screen's usual 60 Hz.
extension Display {
    public var maximumFrameRate: Double { 60 }
    public var drawsOnTerminal: Bool { false }
    public var connector: String? { nil }
    public var consoleLogLine: (priority: LogPriority, text: String)? { nil }
    public var eventFileDescriptors: [Int32] { [] }
    public func handleEvents() throws -> DisplayChange { .none }
    public var checkInterval: Double? { nil }
    public func periodicCheck() throws -> DisplayChange { .none }
    public func setPower(on: Bool) throws -> Bool { false }
}
