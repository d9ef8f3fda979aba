#if canImport(Glibc)
import Glibc
#endif

/// Why a display could not be opened or driven. Each case names the device and says what to do.
public enum DisplayError: Error, Equatable, CustomStringConvertible {
    /// No DRM device or fbdev node at that path (or none at all under /dev/dri).
    case deviceNotFound(String)
    /// open(2) refused: the user lacks access to the node.
    case permissionDenied(String)
    /// Another process is DRM master (a desktop, another wallboard).
    case deviceBusy(String)
    /// The device has outputs but nothing is plugged in (or the named connector is not connected).
    case noConnectedDisplay(String)
    /// The configured connector name does not exist on any device.
    case connectorNotFound(name: String, available: [String])
    /// The configured mode ("1920x1080@60") is not offered by the monitor.
    case modeNotAvailable(connector: String, mode: String, available: [String])
    /// A display mode string that does not parse.
    case invalidMode(String)
    /// No CRTC can drive the connector (all in use by other heads).
    case noCRTC(String)
    /// The framebuffer's pixel layout is one this code cannot write.
    case unsupportedFormat(device: String, format: String)
    /// stdout is not a terminal, so a terminal preview makes no sense.
    case notATerminal
    /// A system call failed: which call, on what, and errno.
    case systemCall(call: String, device: String, errno: Errno)

    public var description: String {
        switch self {
        case .deviceNotFound(let path):
            return "\(path): no such display device"
        case .permissionDenied(let path):
            return "\(path): permission denied (add the user to the video group: sudo usermod -aG video $USER, then log in again)"
        case .deviceBusy(let path):
            return "\(path): device busy (another DRM master — is a desktop running? stop it or switch to a free VT)"
        case .noConnectedDisplay(let what):
            return "\(what): no connected display (check the cable and that the monitor is on)"
        case .connectorNotFound(let name, let available):
            return "connector \(name) not found (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))"
        case .modeNotAvailable(let connector, let mode, let available):
            return "\(connector): mode \(mode) not offered by the monitor (offered: \(available.joined(separator: ", ")))"
        case .invalidMode(let text):
            return "display mode '\(text)' is not WIDTHxHEIGHT or WIDTHxHEIGHT@HZ (e.g. 1920x1080@60)"
        case .noCRTC(let connector):
            return "\(connector): no free CRTC can drive this connector"
        case .unsupportedFormat(let device, let format):
            return "\(device): unsupported pixel format \(format) (16 or 32 bits per pixel needed)"
        case .notATerminal:
            return "terminal display: stdout is not a terminal"
        case .systemCall(let call, let device, let errno):
            return "\(device): \(call) failed: \(errno)"
        }
    }

    /// Maps an open(2) failure to the clear cases above.
    static func opening(_ path: String, errno: Errno) -> DisplayError {
        switch errno.code {
        case ENOENT, ENODEV, ENXIO: return .deviceNotFound(path)
        case EACCES, EPERM: return .permissionDenied(path)
        case EBUSY: return .deviceBusy(path)
        default: return .systemCall(call: "open", device: path, errno: errno)
        }
    }
}

extension Errno {
    /// This failure as a `DisplayError` naming the call and the device.
    func display(_ call: String, _ device: String) -> DisplayError { .systemCall(call: call, device: device, errno: self) }
}
