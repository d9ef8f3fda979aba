#if canImport(Glibc)
import Glibc
#endif
import CDRM

/// One kernel uevent: "ACTION@DEVPATH" followed by KEY=VALUE fields, NUL-separated.
public struct UeventMessage: Sendable, Equatable {
    public var action: String
    public var devicePath: String
    public var fields: [String: String]

    /// Parses a kernel netlink uevent datagram; nil for anything else (udev's own "libudev"
    /// broadcasts, truncated or malformed messages).
    public init?(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
        guard let header = parts.first, let at = header.firstIndex(of: "@") else { return nil }
        action = String(header[..<at])
        devicePath = String(header[header.index(after: at)...])
        guard !action.isEmpty, !devicePath.isEmpty else { return nil }
        var fields: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "=") else { continue }
            fields[String(part[..<eq])] = String(part[part.index(after: eq)...])
        }
        self.fields = fields
    }

    /// A DRM connector change (monitor plugged, unplugged, or its modes changed).
    public var isDRMHotplug: Bool {
        fields["SUBSYSTEM"] == "drm" && (fields["HOTPLUG"] == "1" || action == "change")
    }
}

/// The kernel's uevent broadcast (NETLINK_KOBJECT_UEVENT), read directly — no libudev, no udevd
/// needed. Non-blocking: put `fd` on a DispatchSource and call `drainHotplugEvents()` when readable.
public final class UeventMonitor {
    public let fd: Int32

    public init() throws(DisplayError) {
        let s: Int32
        do {
            s = try valueOrErrno {
                socket(AF_NETLINK, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                       WB_NETLINK_KOBJECT_UEVENT)
            }
        } catch { throw error.display("socket(NETLINK_KOBJECT_UEVENT)", "uevent") }
        var address = sockaddr_nl()
        address.nl_family = sa_family_t(AF_NETLINK)
        address.nl_pid = 0  // let the kernel pick
        address.nl_groups = 1  // the kernel's broadcast group (udevd re-broadcasts on group 2)
        do {
            try nothingOrErrno {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_nl>.size)) }
                }
            }
        } catch {
            close(s)
            throw error.display("bind(NETLINK_KOBJECT_UEVENT)", "uevent")
        }
        fd = s
    }

    deinit { close(fd) }

    /// Reads every queued message; true if any was a DRM hot-plug event.
    public func drainHotplugEvents() -> Bool {
        var sawHotplug = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let n: Int
            do { n = try valueOrErrno { buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) } } }
            catch {
                // ENOBUFS: the queue overflowed and events were lost; assume one was a hot-plug.
                if error == .noBufferSpace { sawHotplug = true; continue }
                return sawHotplug  // EAGAIN: drained
            }
            guard n > 0 else { return sawHotplug }
            if let message = UeventMessage(Array(buffer[0..<n])), message.isDRMHotplug { sawHotplug = true }
        }
    }
}
