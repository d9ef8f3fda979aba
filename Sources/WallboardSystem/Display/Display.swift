import WallboardCore
import WallboardRender

/// Where frames go: a narrow interface, in the spirit of LVGL's flush callback.
/// The painter knows nothing about DRM; a display knows nothing about queues.
public protocol Display: AnyObject {
    /// Human description for logs and `wallboardctl status`, e.g. "drm /dev/dri/card0 HDMI-A-1 1920x1080@60".
    var name: String { get }
    /// Logical size the painter draws at (already swapped for 90°/270° mounting).
    var width: Int { get }
    var height: Int { get }
    var rotation: Rotation { get }
    /// Shows `canvas` (logical orientation); only the pixels inside `damage` changed since the last call.
    /// The first call after start (or after a mode change) must be given the whole canvas as damage.
    func present(_ canvas: Canvas, damage: [Rect]) throws
}
