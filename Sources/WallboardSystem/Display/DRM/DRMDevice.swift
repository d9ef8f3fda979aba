#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore

/// One connector as the kernel reports it.
public struct DRMConnectorInfo: Sendable {
    public var id: UInt32
    /// "HDMI-A-1", "Virtual-1", "DSI-1"...
    public var name: String
    public var connected: Bool
    /// Modes as "WIDTHxHEIGHT@HZ", preferred first.
    public var modeNames: [String]
}

/// A DRM card, opened once however many heads it drives (kmscube's `drm-common.c`): the primary
/// node on which this process is DRM master, the discovery of connectors, modes and CRTCs, the
/// kernel's hot-plug uevents, and the VT's graphics mode while any head is on screen.
///
/// Page-flip events for every head arrive on `fd`; `handleEvents()` reads them and hands each to
/// the scanout whose CRTC it was queued on. The first head to claim a CRTC puts the VT into
/// graphics mode, the last one to release it gives the console its text mode back.
public final class DRMDevice {
    public let path: String
    public let fd: Int32
    /// The kernel's uevent broadcast, one socket per card (nil where netlink is refused: the slow poll still sees a change).
    let hotplug: UeventMonitor?
    /// Bumped on every hot-plug uevent, so each head sees each change once, whichever head read it.
    private(set) var hotplugGeneration = 0
    /// CRTCs claimed by this process' heads, with the scanout to notify when a flip completes.
    private var heads: [UInt32: WeakScanout] = [:]
    private var console: VirtualTerminal?

    private struct WeakScanout { weak var scanout: DRMScanout? }

    /// Opens `path` and becomes DRM master. Throws the clear errors: not present, permission
    /// denied (video group), device busy (another master).
    public init(path: String) throws(DisplayError) {
        let fd: Int32
        do { fd = try FileDescriptor.open(path, O_RDWR | O_NONBLOCK).rawValue } catch { throw .opening(path, errno: error) }
        var capability: UInt64 = 0
        guard drmGetCap(fd, WB_DRM_CAP_DUMB_BUFFER, &capability) == 0, capability != 0 else {
            close(fd)
            throw Errno.notSupported.display("drmGetCap(DUMB_BUFFER) (not a display device?)", path)
        }
        // The first opener of a primary node becomes master by itself; otherwise ask.
        if drmIsMaster(fd) == 0 {
            do { try nothingOrErrno { drmSetMaster(fd) } } catch {
                close(fd)
                throw [EACCES, EPERM, EBUSY, EINVAL].contains(error.code) ? .deviceBusy(path) : error.display("drmSetMaster", path)
            }
        }
        self.path = path
        self.fd = fd
        hotplug = try? UeventMonitor()
    }

    deinit {
        console?.restore()
        close(fd)
    }

    /// True while this process may modeset (false after a VT switch handed the device to someone else).
    public var isMaster: Bool { drmIsMaster(fd) != 0 }

    /// Asks to be master again; true on success.
    public func regainMaster() -> Bool { isMaster || drmSetMaster(fd) == 0 }

    // MARK: Discovery

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

    /// Whether the connector has a monitor now, without a new probe (cheap enough for the slow poll).
    func isConnected(_ connectorID: UInt32) -> Bool? {
        guard let connector = drmModeGetConnectorCurrent(fd, connectorID) else { return nil }
        defer { drmModeFreeConnector(connector) }
        return connector.pointee.connection.rawValue == WB_DRM_MODE_CONNECTED
    }

    /// The configured mode, else the preferred one, else the first (largest) one; nil when the
    /// connector offers none. `probe: false` reads what the kernel already knows.
    func pickMode(_ connectorID: UInt32, name: String, requested: DisplayMode?, probe: Bool = true) throws(DisplayError) -> drmModeModeInfo? {
        guard let connector = probe ? drmModeGetConnector(fd, connectorID) : drmModeGetConnectorCurrent(fd, connectorID)
        else { return nil }
        defer { drmModeFreeConnector(connector) }
        let c = connector.pointee
        guard c.count_modes > 0 else { return nil }
        let modes = (0..<Int(c.count_modes)).map { c.modes[$0] }
        if let requested {
            guard let m = modes.first(where: { requested.matches(width: Int($0.hdisplay), height: Int($0.vdisplay), refresh: Int($0.vrefresh)) })
            else {
                throw .modeNotAvailable(connector: name, mode: requested.description, available: DRMDevice.info(connector).modeNames)
            }
            return m
        }
        return modes.first { $0.type & WB_DRM_MODE_TYPE_PREFERRED != 0 } ?? modes[0]
    }

    /// A CRTC for the connector: the one already driving it if no head of ours has it, else the
    /// first free one any of its encoders can use.
    func findCRTC(_ connectorID: UInt32) -> UInt32? {
        guard let resources = drmModeGetResources(fd) else { return nil }
        defer { drmModeFreeResources(resources) }
        guard let connector = drmModeGetConnector(fd, connectorID) else { return nil }
        defer { drmModeFreeConnector(connector) }
        if connector.pointee.encoder_id != 0, let encoder = drmModeGetEncoder(fd, connector.pointee.encoder_id) {
            let crtc = encoder.pointee.crtc_id
            drmModeFreeEncoder(encoder)
            if crtc != 0 && !isClaimed(crtc: crtc) { return crtc }
        }
        for e in 0..<Int(connector.pointee.count_encoders) {
            guard let encoder = drmModeGetEncoder(fd, connector.pointee.encoders[e]) else { continue }
            let possible = encoder.pointee.possible_crtcs
            drmModeFreeEncoder(encoder)
            for i in 0..<Int(resources.pointee.count_crtcs) where possible & (1 << UInt32(i)) != 0 {
                let crtc = resources.pointee.crtcs[i]
                if !isClaimed(crtc: crtc) { return crtc }
            }
        }
        return nil
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
    /// path skips the search. The error says why each candidate was passed over.
    public static func discover(path configured: String?, connector: String?) throws(DisplayError) -> DRMDevice {
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
        guard !paths.isEmpty else { throw .deviceNotFound("/dev/dri/card*") }
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
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        throw .noConnectedDisplay(connector.map { "\($0) on \(noMonitor.joined(separator: ", "))" }
            ?? noMonitor.joined(separator: ", "))
    }

    // MARK: Heads

    /// A head takes `crtc`; the first head on screen puts the VT into graphics mode.
    func claim(crtc: UInt32, for scanout: DRMScanout) {
        heads[crtc] = WeakScanout(scanout: scanout)
        if console == nil { console = VirtualTerminal() }
    }

    /// A head gives `crtc` back; when none is left the console gets its text mode back.
    func release(crtc: UInt32) {
        heads[crtc] = nil
        if heads.values.allSatisfy({ $0.scanout == nil }) {
            console?.restore()
            console = nil
        }
    }

    func isClaimed(crtc: UInt32) -> Bool { heads[crtc]?.scanout != nil }

    /// Whether the VT was put in graphics mode while a head is on screen (nil before the first head).
    var consoleLogLine: (priority: LogPriority, text: String)? { console?.logLine }

    // MARK: Events

    /// The descriptors every head on this card watches: page-flip events and hot-plug uevents.
    var eventFileDescriptors: [Int32] { [fd] + (hotplug.map { [$0.fd] } ?? []) }

    /// Reads pending page-flip completions (each goes to the scanout whose CRTC it was queued on)
    /// and hot-plug uevents (counted in `hotplugGeneration`). Never blocks.
    func handleEvents() {
        var context = wb_event_context { _, _, _, _, crtc, userData in
            guard let userData else { return }
            let device = Unmanaged<DRMDevice>.fromOpaque(userData).takeUnretainedValue()
            device.heads[crtc]?.scanout?.flipCompleted()
        }
        _ = drmHandleEvent(fd, &context)
        if let hotplug, hotplug.drainHotplugEvents() { hotplugGeneration += 1 }
    }

    /// The pointer handed to drmModePageFlip: this device, unretained (it outlives its heads' flips).
    var eventUserData: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Waits up to `milliseconds` for an event and handles it; used when closing with a flip in flight.
    func waitForEvents(milliseconds: Int32) {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, milliseconds) > 0 { handleEvents() }
    }
}
