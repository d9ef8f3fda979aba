#if canImport(Glibc)
import Glibc
#endif
import CDRM

/// Puts the Linux VT into graphics mode (KD_GRAPHICS) while the board owns the screen, so the
/// console neither blanks it nor draws its cursor and kernel messages over it; the previous
/// mode comes back in `restore()` / deinit.
///
/// Best effort: without a VT (SSH, containers) there is nothing to protect and nothing fails.
public final class VirtualTerminal {
    private var fd: Int32 = -1
    private var previousMode: Int32 = 0
    /// Which node was switched, for logs; nil if none could be.
    public private(set) var path: String?

    /// Tries the controlling terminal first (a unit with TTYPath=), then the active VT.
    public init(candidates: [String] = ["/dev/tty", "/dev/tty0"]) {
        for candidate in candidates {
            let f = open(candidate, O_RDWR | O_CLOEXEC | O_NOCTTY)
            guard f >= 0 else { continue }
            var mode: Int32 = 0
            if ioctl(f, UInt(WB_KDGETMODE), &mode) == 0, ioctl(f, UInt(WB_KDSETMODE), WB_KD_GRAPHICS) == 0 {
                fd = f
                previousMode = mode
                path = candidate
                return
            }
            close(f)
        }
    }

    deinit { restore() }

    /// Puts the VT back into the mode it had (text, normally). Safe to call twice.
    public func restore() {
        guard fd >= 0 else { return }
        _ = ioctl(fd, UInt(WB_KDSETMODE), previousMode)
        close(fd)
        fd = -1
    }
}
