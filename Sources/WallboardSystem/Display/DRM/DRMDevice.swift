#if canImport(Glibc)
import Glibc
#endif
import CDRM

/// One connector as the kernel reports it.
public struct DRMConnectorInfo: Sendable {
    public var id: UInt32
    /// "HDMI-A-1", "Virtual-1", "DSI-1"...
    public var name: String
    public var connected: Bool
    /// Modes as "WIDTHxHEIGHT@HZ", preferred first.
    public var modeNames: [String]
}

/// An open DRM primary node on which this process is DRM master. Several `DRMDisplay`s (one per
/// connector) can share it; page-flip events for all of them arrive on `fd` and are handed out
/// by `handleEvents()` using the CRTC each flip was queued on.
public final class DRMDevice {
    public let path: String
    public let fd: Int32
    /// CRTCs claimed by this process' displays, with the display to notify when a flip completes.
    private var heads: [UInt32: WeakDisplay] = [:]

    private struct WeakDisplay { weak var display: DRMDisplay? }

    /// Opens `path` and becomes DRM master. Throws the clear errors: not present, permission
    /// denied (video group), device busy (another master).
    public init(path: String) throws {
        let fd = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw DisplayError.opening(path, errno: errno) }
        var capability: UInt64 = 0
        guard drmGetCap(fd, WB_DRM_CAP_DUMB_BUFFER, &capability) == 0, capability != 0 else {
            close(fd)
            throw DisplayError.systemCall(call: "drmGetCap(DUMB_BUFFER) (not a display device?)", device: path, errno: EOPNOTSUPP)
        }
        // The first opener of a primary node becomes master by itself; otherwise ask.
        if drmIsMaster(fd) == 0 && drmSetMaster(fd) != 0 {
            let code = errno
            close(fd)
            throw code == EACCES || code == EPERM || code == EBUSY || code == EINVAL
                ? DisplayError.deviceBusy(path) : DisplayError.systemCall(call: "drmSetMaster", device: path, errno: code)
        }
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// True while this process may modeset (false after a VT switch handed the device to someone else).
    public var isMaster: Bool { drmIsMaster(fd) != 0 }

    /// Asks to be master again; true on success.
    public func regainMaster() -> Bool { isMaster || drmSetMaster(fd) == 0 }

    /// Every connector of the device, with its state (probing: may take a moment on real HDMI).
    public func connectors() -> [DRMConnectorInfo] {
        guard let resources = drmModeGetResources(fd) else { return [] }
        defer { drmModeFreeResources(resources) }
        var out: [DRMConnectorInfo] = []
        for i in 0..<Int(resources.pointee.count_connectors) {
            guard let connector = drmModeGetConnector(fd, resources.pointee.connectors[i]) else { continue }
            out.append(DRMDevice.info(connector))
            drmModeFreeConnector(connector)
        }
        return out
    }

    static func info(_ connector: drmModeConnectorPtr) -> DRMConnectorInfo {
        let c = connector.pointee
        var modes: [String] = []
        for m in 0..<Int(c.count_modes) {
            let mode = c.modes[m]
            let text = "\(mode.hdisplay)x\(mode.vdisplay)@\(mode.vrefresh)"
            if mode.type & WB_DRM_MODE_TYPE_PREFERRED != 0 { modes.insert(text, at: 0) } else { modes.append(text) }
        }
        return DRMConnectorInfo(
            id: c.connector_id, name: connectorName(type: c.connector_type, index: c.connector_type_id),
            connected: c.connection.rawValue == WB_DRM_MODE_CONNECTED, modeNames: modes)
    }

    static func connectorName(type: UInt32, index: UInt32) -> String {
        let typeName = drmModeGetConnectorTypeName(type).map { String(cString: $0) } ?? "Unknown\(type)"
        return "\(typeName)-\(index)"
    }

    /// Finds the device that actually drives displays. On a Pi 4, card0 may be the v3d render
    /// GPU and card1 the HDMI controller, so every primary node is tried: the first one with
    /// connectors and a connected monitor (the named connector if given) wins. A configured
    /// path skips the search. `reasons` collects why each candidate was passed over.
    public static func discover(path configured: String?, connector: String?) throws -> DRMDevice {
        if let configured { return try DRMDevice(path: configured) }
        var paths: [String] = []
        let count = drmGetDevices2(0, nil, 0)
        if count > 0 {
            var devices = [drmDevicePtr?](repeating: nil, count: Int(count))
            let n = drmGetDevices2(0, &devices, count)
            for i in 0..<max(0, Int(n)) {
                if let device = devices[i], wb_device_has_primary(device) != 0, let p = wb_device_primary_path(device) {
                    paths.append(String(cString: p))
                }
            }
            drmFreeDevices(&devices, n)
        }
        guard !paths.isEmpty else { throw DisplayError.deviceNotFound("/dev/dri/card*") }
        var firstError: DisplayError?
        var noMonitor: [String] = []
        for candidate in paths.sorted() {
            do {
                let device = try DRMDevice(path: candidate)
                let connectors = device.connectors()
                if connectors.isEmpty { noMonitor.append("\(candidate) has no outputs"); continue }
                let usable = connectors.contains { $0.connected && (connector == nil || $0.name == connector) }
                if usable { return device }
                noMonitor.append(candidate)
            } catch let error as DisplayError {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        throw DisplayError.noConnectedDisplay(connector.map { "\($0) on \(noMonitor.joined(separator: ", "))" }
            ?? noMonitor.joined(separator: ", "))
    }

    func claim(crtc: UInt32, for display: DRMDisplay) { heads[crtc] = WeakDisplay(display: display) }
    func release(crtc: UInt32) { heads[crtc] = nil }
    func isClaimed(crtc: UInt32) -> Bool { heads[crtc]?.display != nil }

    /// Reads pending DRM events (page-flip completions) and tells each display its flip is done.
    /// Never blocks (the descriptor is non-blocking).
    public func handleEvents() {
        var context = wb_event_context { _, _, _, _, crtc, userData in
            guard let userData else { return }
            let device = Unmanaged<DRMDevice>.fromOpaque(userData).takeUnretainedValue()
            device.heads[crtc]?.display?.flipCompleted()
        }
        _ = drmHandleEvent(fd, &context)
    }

    /// The pointer handed to drmModePageFlip: this device, unretained (it outlives its displays' flips).
    var eventUserData: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Waits up to `milliseconds` for an event and handles it; used when closing with a flip in flight.
    func waitForEvents(milliseconds: Int32) {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, milliseconds) > 0 { handleEvents() }
    }
}
