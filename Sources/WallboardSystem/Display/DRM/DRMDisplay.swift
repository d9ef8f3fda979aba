#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore
import WallboardRender

/// A screen driven through DRM/KMS: one connector, one CRTC, two dumb buffers flipped on vblank.
///
/// - Frames are drawn in the RAM canvas; `present` copies only the damaged rectangles (this
///   frame's ∪ the previous frame's, see `DamageTracker`) into the back buffer and queues a page
///   flip. One flip is in flight at a time: frames presented meanwhile only add damage, and the
///   latest canvas goes out when the flip completes (`handleEvents()`). EBUSY keeps the damage.
/// - Drivers that cannot flip fall back to one buffer plus `drmModeDirtyFB` (virtio-gpu needs it
///   to show anything; bochs answers ENOSYS, after which it is no longer called).
/// - Hot-plug: the kernel uevent socket plus a slow `drmModeGetConnectorCurrent` poll
///   (`periodicCheck()`). When the monitor returns, the display sets the mode again and repaints
///   the last frame; if the mode size changed it reports `.resized`.
/// - A lost DRM master (VT switch) is retried each `periodicCheck()`, then the CRTC is set again.
/// - `close()` (or deinit) restores the CRTC that was there before and the VT's text mode,
///   so the console comes back.
///
/// Multi-head: open one `DRMDevice`, then one `DRMDisplay` per connector on it (each claims its
/// own CRTC); watch the device's fd once and call `device.handleEvents()`, or any display's.
public final class DRMDisplay: EventDrivenDisplay {
    public let device: DRMDevice
    public let connectorName: String
    public let rotation: Rotation
    public private(set) var width: Int
    public private(set) var height: Int
    public let checkInterval: Double = 2

    private let connectorID: UInt32
    private let requestedMode: DisplayMode?
    private var crtcID: UInt32
    private var mode: drmModeModeInfo
    private var savedCRTC: drmModeCrtcPtr?
    private var buffers: [DRMDumbBuffer] = []
    private var front = 0
    private var damage: DamageTracker
    private var lastCanvas: Canvas?
    private var flipPending = false
    private var singleBuffer = false
    private var dirtyFBSupported = true
    private var state: State = .active
    private let hotplug: UeventMonitor?
    private let console: VirtualTerminal
    private var closed = false

    /// Frames handed to the kernel (page flips queued, or single-buffer updates).
    public private(set) var framesQueued = 0
    /// Page flips the kernel reported done.
    public private(set) var flipsCompleted = 0
    /// Called after each completed page flip (e.g. to measure datagram → presented latency).
    public var onFlipCompleted: (() -> Void)?

    private enum State { case active, disconnected, masterLost }

    /// Finds the device (unless `devicePath` is given), the connector (`connector` such as
    /// "HDMI-A-1", else the first connected), the mode (`mode`, else the preferred one) and a
    /// CRTC, and shows a black screen. `singleBuffer` forces one buffer + DirtyFB (for testing).
    public convenience init(
        devicePath: String? = nil, connector: String? = nil, mode: DisplayMode? = nil,
        rotation: Rotation = .none, singleBuffer: Bool = false
    ) throws {
        let device = try DRMDevice.discover(path: devicePath, connector: connector)
        try self.init(device: device, connector: connector, mode: mode, rotation: rotation, singleBuffer: singleBuffer)
    }

    /// One head on an already open device (call again with another connector for a second head).
    public init(
        device: DRMDevice, connector wanted: String?, mode requested: DisplayMode?,
        rotation: Rotation = .none, singleBuffer: Bool = false
    ) throws {
        self.device = device
        self.rotation = rotation
        requestedMode = requested
        self.singleBuffer = singleBuffer

        let connectors = device.connectors()
        let chosen: DRMConnectorInfo
        if let wanted {
            guard let c = connectors.first(where: { $0.name == wanted }) else {
                throw DisplayError.connectorNotFound(name: wanted, available: connectors.map(\.name))
            }
            guard c.connected else { throw DisplayError.noConnectedDisplay("\(device.path) \(wanted)") }
            chosen = c
        } else {
            // The first connected connector whose CRTCs are not all taken by another head.
            guard let c = connectors.first(where: { $0.connected && DRMDisplay.findCRTC(device, $0.id) != nil }) else {
                throw DisplayError.noConnectedDisplay(device.path)
            }
            chosen = c
        }
        connectorID = chosen.id
        connectorName = chosen.name
        guard let found = try DRMDisplay.pickMode(device, chosen.id, name: chosen.name, requested: requested) else {
            throw DisplayError.noConnectedDisplay("\(device.path) \(chosen.name)")
        }
        mode = found
        guard let crtc = DRMDisplay.findCRTC(device, chosen.id) else { throw DisplayError.noCRTC(chosen.name) }
        crtcID = crtc
        savedCRTC = drmModeGetCrtc(device.fd, crtc)
        (width, height) = rotation.logicalSize(width: Int(found.hdisplay), height: Int(found.vdisplay))
        damage = DamageTracker(bounds: Rect(x: 0, y: 0, width: width, height: height))
        hotplug = try? UeventMonitor()
        console = VirtualTerminal()
        device.claim(crtc: crtc, for: self)
        do {
            try createBuffers()
            try setCRTC()
        } catch {
            device.release(crtc: crtc)
            if let savedCRTC { drmModeFreeCrtc(savedCRTC) }
            console.restore()
            throw error
        }
    }

    deinit { close() }

    /// Whether the VT was put in graphics mode, for the agent's log.
    public var consoleLogLine: (priority: LogPriority, text: String) { console.logLine }

    public var name: String {
        "drm \(device.path) \(connectorName) \(mode.hdisplay)x\(mode.vdisplay)@\(mode.vrefresh)"
            + (singleBuffer ? " single-buffer" : " page-flip") + (rotation == .none ? "" : " rotated \(rotation.rawValue)°")
    }

    // MARK: Presenting

    public func present(_ canvas: Canvas, damage rects: [Rect]) throws {
        // A canvas of another size belongs to a mode that is gone (`.resized` was reported): skip it.
        guard canvas.width == width && canvas.height == height else { return }
        lastCanvas = canvas
        damage.add(rects)
        try drawPending()
    }

    /// Copies pending damage into the back buffer and queues it, if the screen can take a frame now.
    private func drawPending() throws {
        guard state == .active, !flipPending, damage.hasPending, let canvas = lastCanvas, !buffers.isEmpty else { return }
        if singleBuffer {
            let buffer = buffers[front]
            let rects = pendingOnly()
            for r in rects { FrameCopier.copy(canvas, rect: r, rotation: rotation, into: buffer.target) }
            damage.frameShown()
            framesQueued += 1
            markDirty(buffer, rects: rects, canvas: canvas)
            return
        }
        let back = buffers[1 - front]
        for r in damage.rectsForBackBuffer() { FrameCopier.copy(canvas, rect: r, rotation: rotation, into: back.target) }
        let result = drmModePageFlip(device.fd, crtcID, back.framebufferID, WB_DRM_MODE_PAGE_FLIP_EVENT, device.eventUserData)
        if result == 0 {
            flipPending = true
            front = 1 - front
            damage.frameShown()
            framesQueued += 1
            return
        }
        switch errno {
        case EBUSY:
            return  // a flip is still queued by someone: keep the damage, try again on the next frame
        case EACCES, EPERM:
            state = .masterLost
        case EINVAL, ENOSYS, EOPNOTSUPP:
            // No page flip on this driver: one buffer, updated in place, plus DirtyFB.
            singleBuffer = true
            damage.invalidateAll()
            try drawPending()
        default:
            throw DisplayError.systemCall(call: "drmModePageFlip", device: "\(device.path) \(connectorName)", errno: errno)
        }
    }

    /// In single-buffer mode the previous frame's damage is already on screen: only new damage counts.
    private func pendingOnly() -> [Rect] {
        var copy = damage
        copy.frameShown()  // previous := pending
        return copy.rectsForBackBuffer()
    }

    /// Tells the driver which parts of the scanned-out buffer changed (virtio-gpu needs it).
    private func markDirty(_ buffer: DRMDumbBuffer, rects: [Rect], canvas: Canvas) {
        guard dirtyFBSupported else { return }
        var clips = rects.map { r -> drmModeClip in
            let p = FrameCopier.physicalRect(r, rotation: rotation, logicalWidth: canvas.width, logicalHeight: canvas.height)
            return drmModeClip(x1: UInt16(p.x), y1: UInt16(p.y), x2: UInt16(p.maxX), y2: UInt16(p.maxY))
        }
        if drmModeDirtyFB(device.fd, buffer.framebufferID, &clips, UInt32(clips.count)) != 0 {
            let code = errno
            if code == ENOSYS || code == EOPNOTSUPP { dirtyFBSupported = false }  // bochs: nothing to do, ever
            if code == EACCES || code == EPERM { state = .masterLost }
        }
    }

    /// Called by the device when this head's page flip has completed.
    func flipCompleted() {
        flipPending = false
        flipsCompleted += 1
        onFlipCompleted?()
        try? drawPending()
    }

    // MARK: Events

    public var eventFileDescriptors: [Int32] { [device.fd] + (hotplug.map { [$0.fd] } ?? []) }

    public func handleEvents() throws -> DisplayChange {
        device.handleEvents()
        if let hotplug, hotplug.drainHotplugEvents() { return try checkConnector() }
        return .none
    }

    public func periodicCheck() throws -> DisplayChange {
        if state == .masterLost {
            guard device.regainMaster() else { return .none }
            try setCRTC()
            return .redrawn
        }
        return try checkConnector()
    }

    /// Compares the connector with what is on screen: gone, back, or in another mode.
    private func checkConnector() throws -> DisplayChange {
        guard let connector = drmModeGetConnectorCurrent(device.fd, connectorID) else { return .none }
        let connected = connector.pointee.connection.rawValue == WB_DRM_MODE_CONNECTED
        drmModeFreeConnector(connector)
        if !connected {
            if state == .active { state = .disconnected; return .disconnected }
            return .none
        }
        guard let newMode = try DRMDisplay.pickMode(device, connectorID, name: connectorName, requested: requestedMode, probe: false)
        else { return .none }
        let sameMode = newMode.hdisplay == mode.hdisplay && newMode.vdisplay == mode.vdisplay && newMode.vrefresh == mode.vrefresh
        if state == .active && sameMode { return .none }
        if state == .masterLost { return .none }
        let resized = newMode.hdisplay != mode.hdisplay || newMode.vdisplay != mode.vdisplay
        mode = newMode
        if resized {
            (width, height) = rotation.logicalSize(width: Int(mode.hdisplay), height: Int(mode.vdisplay))
            damage = DamageTracker(bounds: Rect(x: 0, y: 0, width: width, height: height))
            lastCanvas = nil
            try createBuffers()
        }
        try setCRTC()
        return resized ? .resized : .redrawn
    }

    // MARK: Mode setting

    private func createBuffers() throws {
        buffers = []  // free the old ones first: video memory on small boards is tight
        let w = Int(mode.hdisplay), h = Int(mode.vdisplay)
        buffers = [try DRMDumbBuffer(device: device, width: w, height: h)]
        if !singleBuffer { buffers.append(try DRMDumbBuffer(device: device, width: w, height: h)) }
        front = 0
    }

    /// Shows the front buffer on the connector, repainted from the last frame, then lets the
    /// next frames rebuild the back buffer.
    private func setCRTC() throws {
        if flipPending { device.waitForEvents(milliseconds: 100); flipPending = false }
        let buffer = buffers[front]
        if let canvas = lastCanvas {
            FrameCopier.copy(canvas, rect: canvas.bounds, rotation: rotation, into: buffer.target)
        }
        var connector = connectorID
        var m = mode
        guard drmModeSetCrtc(device.fd, crtcID, buffer.framebufferID, 0, 0, &connector, 1, &m) == 0 else {
            let code = errno
            if code == EACCES || code == EPERM { state = .masterLost; return }
            throw DisplayError.systemCall(call: "drmModeSetCrtc", device: "\(device.path) \(connectorName)", errno: code)
        }
        state = .active
        // The front buffer now shows the whole last frame; the back buffer is stale everywhere.
        damage.invalidateAll()
        damage.frameShown()
        if singleBuffer, let canvas = lastCanvas { markDirty(buffer, rects: [canvas.bounds], canvas: canvas) }
    }

    /// Picks the configured mode, else the preferred one, else the first (largest) one.
    private static func pickMode(
        _ device: DRMDevice, _ connectorID: UInt32, name: String, requested: DisplayMode?, probe: Bool = true
    ) throws -> drmModeModeInfo? {
        guard let connector = probe ? drmModeGetConnector(device.fd, connectorID) : drmModeGetConnectorCurrent(device.fd, connectorID)
        else { return nil }
        defer { drmModeFreeConnector(connector) }
        let c = connector.pointee
        guard c.count_modes > 0 else { return nil }
        let modes = (0..<Int(c.count_modes)).map { c.modes[$0] }
        if let requested {
            guard let m = modes.first(where: { requested.matches(width: Int($0.hdisplay), height: Int($0.vdisplay), refresh: Int($0.vrefresh)) })
            else {
                throw DisplayError.modeNotAvailable(
                    connector: name, mode: requested.description, available: DRMDevice.info(connector).modeNames)
            }
            return m
        }
        return modes.first { $0.type & WB_DRM_MODE_TYPE_PREFERRED != 0 } ?? modes[0]
    }

    /// A CRTC for the connector: the one already driving it if free, else the first free one any
    /// of its encoders can use.
    private static func findCRTC(_ device: DRMDevice, _ connectorID: UInt32) -> UInt32? {
        guard let resources = drmModeGetResources(device.fd) else { return nil }
        defer { drmModeFreeResources(resources) }
        guard let connector = drmModeGetConnector(device.fd, connectorID) else { return nil }
        defer { drmModeFreeConnector(connector) }
        if connector.pointee.encoder_id != 0, let encoder = drmModeGetEncoder(device.fd, connector.pointee.encoder_id) {
            let crtc = encoder.pointee.crtc_id
            drmModeFreeEncoder(encoder)
            if crtc != 0 && !device.isClaimed(crtc: crtc) { return crtc }
        }
        for e in 0..<Int(connector.pointee.count_encoders) {
            guard let encoder = drmModeGetEncoder(device.fd, connector.pointee.encoders[e]) else { continue }
            let possible = encoder.pointee.possible_crtcs
            drmModeFreeEncoder(encoder)
            for i in 0..<Int(resources.pointee.count_crtcs) where possible & (1 << UInt32(i)) != 0 {
                let crtc = resources.pointee.crtcs[i]
                if !device.isClaimed(crtc: crtc) { return crtc }
            }
        }
        return nil
    }

    // MARK: Leaving

    /// Waits for a flip in flight, puts back the CRTC found at start (the console), frees the
    /// buffers and restores the VT's text mode. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        for _ in 0..<5 where flipPending { device.waitForEvents(milliseconds: 50) }
        if let saved = savedCRTC {
            var connector = connectorID
            if saved.pointee.mode_valid != 0 {
                var m = saved.pointee.mode
                _ = drmModeSetCrtc(device.fd, saved.pointee.crtc_id, saved.pointee.buffer_id, saved.pointee.x, saved.pointee.y, &connector, 1, &m)
            } else {
                _ = drmModeSetCrtc(device.fd, saved.pointee.crtc_id, 0, 0, 0, nil, 0, nil)
            }
            drmModeFreeCrtc(saved)
            savedCRTC = nil
        }
        buffers = []
        device.release(crtc: crtcID)
        console.restore()
    }
}
