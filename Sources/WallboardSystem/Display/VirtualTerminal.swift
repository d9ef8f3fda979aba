#if canImport(Glibc)
import Glibc
#endif
import CDRM

/// Puts the Linux VT into graphics mode (KD_GRAPHICS) while the board owns the screen, so the
/// console neither blanks it nor draws its cursor and kernel messages over it; the previous
/// mode comes back in `restore()` / deinit.
///
/// The kernel lets a process switch a VT's mode only when that VT is its controlling terminal
/// (or with CAP_SYS_TTY_CONFIG, which the unprivileged agent has not): the unit gives the agent
/// tty1 as its controlling terminal (TTYPath=/dev/tty1, StandardInput=tty-force), reached here
/// as /dev/tty. /dev/tty0 (the active VT) is the fallback for root runs from a shell.
///
/// Best effort: without a VT (SSH, containers) there is nothing to protect and nothing fails, but
/// `problem` says why each node was refused, so the agent can log it instead of failing silently.
public final class VirtualTerminal {
    private var fd: Int32 = -1
    private var previousMode: Int32 = 0
    /// Which node was switched, for logs; nil if none could be.
    public private(set) var path: String?
    /// Why no node was switched ("/dev/tty: No such device or address; …"); nil when one was.
    public private(set) var problem: String?

    public init(candidates: [String] = ["/dev/tty", "/dev/tty0"]) {
        var reasons: [String] = []
        for candidate in candidates {
            let f = open(candidate, O_RDWR | O_CLOEXEC | O_NOCTTY)
            guard f >= 0 else {
                reasons.append("\(candidate): \(Errno.current)")
                continue
            }
            var mode: Int32 = 0
            if ioctl(f, UInt(WB_KDGETMODE), &mode) == 0, ioctl(f, UInt(WB_KDSETMODE), WB_KD_GRAPHICS) == 0 {
                fd = f
                previousMode = mode
                path = candidate
                return
            }
            let code = errno
            reasons.append("\(candidate): \(code == ENOTTY || code == EINVAL ? "not a virtual terminal" : "\(Errno(code))")")
            close(f)
        }
        problem = reasons.joined(separator: "; ")
    }

    deinit { restore() }

    /// One line for the log: where graphics mode was set, or why it was not.
    public var logLine: (priority: LogPriority, text: String) {
        if let path { return (.notice, "console: \(path) in graphics mode while the board runs") }
        return (.warning, "console: not put in graphics mode (\(problem ?? "no terminal tried")); the kernel console may blank or print over the board")
    }

    /// Puts the VT back into the mode it had (text, normally). Safe to call twice.
    public func restore() {
        guard fd >= 0 else { return }
        _ = ioctl(fd, UInt(WB_KDSETMODE), previousMode)
        close(fd)
        fd = -1
    }
}
