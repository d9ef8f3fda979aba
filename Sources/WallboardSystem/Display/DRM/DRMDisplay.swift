#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore
import WallboardRender

/// A screen driven through DRM/KMS: the `Display` adapter over one `DRMScanout` on a `DRMDevice`.
///
/// - Frames are drawn in the RAM canvas; `present` copies only the damaged rectangles (this
///   frame's ∪ the previous frame's, see `DamageTracker`) into the back buffer and queues a page
///   flip. One flip is in flight at a time: frames presented meanwhile only add damage, and the
///   latest canvas goes out when the flip completes (`handleEvents()`). EBUSY keeps the damage.
/// - Hot-plug: the device's uevent socket plus a slow `drmModeGetConnectorCurrent` poll
///   (`periodicCheck()`). When the monitor returns, the display sets the mode again and repaints
///   the last frame; if the mode size changed it reports `.resized`.
/// - A lost DRM master (VT switch) is retried each `periodicCheck()`, then the CRTC is set again.
/// - `close()` (or deinit) restores the CRTC that was there before; the device gives the VT its
///   text mode back when its last head closes, so the console comes back.
///
/// Multi-head: open one `DRMDevice`, then one `DRMDisplay` per connector on it (each claims its
/// own CRTC); they share the device's event descriptors.
public final class DRMDisplay: Display {
    public let device: DRMDevice
    public let connectorName: String
    public let rotation: Rotation
    public private(set) var width: Int
    public private(set) var height: Int
    public var checkInterval: Double? { 2 }

    private let connectorID: UInt32
    private let requestedMode: DisplayMode?
    private let scanout: DRMScanout
    private var damage: DamageTracker
    private var lastCanvas: Canvas?
    private var state: State = .active
    private var hotplugSeen: Int
    private var closed = false
    /// DPMS Off by the schedule: frames are kept, not flipped (an inactive CRTC refuses flips).
    private var poweredOff = false

    /// Frames handed to the kernel (page flips queued, or single-buffer updates).
    public var framesQueued: Int { scanout.framesQueued }
    /// Page flips the kernel reported done.
    public var flipsCompleted: Int { scanout.flipsCompleted }

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
            guard let c = connectors.first(where: { $0.connected && device.findCRTC($0.id) != nil }) else {
                throw DisplayError.noConnectedDisplay(device.path)
            }
            chosen = c
        }
        connectorID = chosen.id
        connectorName = chosen.name
        guard let mode = try device.pickMode(chosen.id, name: chosen.name, requested: requested) else {
            throw DisplayError.noConnectedDisplay("\(device.path) \(chosen.name)")
        }
        guard let crtc = device.findCRTC(chosen.id) else { throw DisplayError.noCRTC(chosen.name) }
        (width, height) = rotation.logicalSize(width: Int(mode.hdisplay), height: Int(mode.vdisplay))
        damage = DamageTracker(bounds: Rect(x: 0, y: 0, width: width, height: height))
        hotplugSeen = device.hotplugGeneration
        scanout = try DRMScanout(
            device: device, crtc: crtc, connectorID: chosen.id, label: "\(device.path) \(chosen.name)", mode: mode,
            singleBuffer: singleBuffer)
        scanout.onFlipCompleted = { [unowned self] in try? drawPending() }
        do { try showLastFrame() } catch {
            scanout.close()
            throw error
        }
    }

    deinit { close() }

    /// Whether the VT was put in graphics mode, for the agent's log.
    public var consoleLogLine: (priority: LogPriority, text: String)? { device.consoleLogLine }

    public var connector: String? { connectorName }

    public var name: String {
        let mode = scanout.mode
        return "drm \(device.path) \(connectorName) \(mode.hdisplay)x\(mode.vdisplay)@\(mode.vrefresh)"
            + (scanout.singleBuffer ? " single-buffer" : " page-flip") + (rotation == .none ? "" : " rotated \(rotation.rawValue)°")
    }

    /// The monitor's refresh: more frames than that are never seen.
    public var maximumFrameRate: Double { scanout.mode.vrefresh > 0 ? Double(scanout.mode.vrefresh) : 60 }

    // MARK: Presenting

    public func present(_ canvas: Canvas, damage rects: [Rect]) throws {
        // A canvas of another size belongs to a mode that is gone (`.resized` was reported): skip it.
        guard !closed, canvas.width == width && canvas.height == height else { return }
        lastCanvas = canvas
        damage.add(rects)
        try drawPending()
    }

    /// Copies pending damage into the scanout and hands it to the kernel, if the screen can take a frame now.
    private func drawPending() throws {
        guard !closed, !poweredOff, state == .active, !scanout.flipPending, damage.hasPending, let canvas = lastCanvas else { return }
        if scanout.singleBuffer {
            // The previous frame's damage is already on screen: only new damage counts.
            var copy = damage
            copy.frameShown()  // previous := pending
            let rects = copy.rectsForBackBuffer()
            let target = scanout.drawTarget
            for r in rects { FrameCopier.copy(canvas, rect: r, rotation: rotation, into: target) }
            damage.frameShown()
            let physical = rects.map { FrameCopier.physicalRect($0, rotation: rotation, logicalWidth: width, logicalHeight: height) }
            if !scanout.changedInPlace(physical) { state = .masterLost }
            return
        }
        let target = scanout.drawTarget
        for r in damage.rectsForBackBuffer() { FrameCopier.copy(canvas, rect: r, rotation: rotation, into: target) }
        switch try scanout.flip() {
        case .queued: damage.frameShown()
        case .busy: return
        case .masterLost: state = .masterLost
        case .switchedToSingleBuffer:
            damage.invalidateAll()
            try drawPending()
        }
    }

    // MARK: Power

    /// DPMS through the connector property; coming back, the mode and the latest frame are set
    /// again (as after a hot-plug), so the panel never wakes on a stale picture.
    public func setPower(on: Bool) throws -> Bool {
        guard !closed, on == poweredOff else { return true }
        try device.setDPMS(connectorID, on: on, label: "\(device.path) \(connectorName)")
        poweredOff = !on
        if on && state == .active { try showLastFrame() }
        return true
    }

    // MARK: Events

    public var eventFileDescriptors: [Int32] { device.eventFileDescriptors }

    public func handleEvents() throws -> DisplayChange {
        device.handleEvents()
        guard device.hotplugGeneration != hotplugSeen else { return .none }
        return try checkConnector()
    }

    public func periodicCheck() throws -> DisplayChange {
        if state == .masterLost {
            guard device.regainMaster() else { return .none }
            try showLastFrame()
            return .redrawn
        }
        return try checkConnector()
    }

    /// Compares the connector with what is on screen: gone, back, or in another mode.
    private func checkConnector() throws -> DisplayChange {
        hotplugSeen = device.hotplugGeneration
        guard !closed, let connected = device.isConnected(connectorID) else { return .none }
        if !connected {
            if state == .active { state = .disconnected; return .disconnected }
            return .none
        }
        guard let newMode = try device.pickMode(connectorID, name: connectorName, requested: requestedMode, probe: false)
        else { return .none }
        let mode = scanout.mode
        let sameMode = newMode.hdisplay == mode.hdisplay && newMode.vdisplay == mode.vdisplay && newMode.vrefresh == mode.vrefresh
        if state == .active && sameMode { return .none }
        if state == .masterLost { return .none }
        let resized = newMode.hdisplay != mode.hdisplay || newMode.vdisplay != mode.vdisplay
        try scanout.change(mode: newMode)
        if resized {
            (width, height) = rotation.logicalSize(width: Int(newMode.hdisplay), height: Int(newMode.vdisplay))
            damage = DamageTracker(bounds: Rect(x: 0, y: 0, width: width, height: height))
            lastCanvas = nil
        }
        try showLastFrame()
        return resized ? .resized : .redrawn
    }

    /// Sets the mode with the whole last frame in the front buffer; the back buffer is then stale everywhere.
    private func showLastFrame() throws {
        let canvas = lastCanvas
        let shown = try scanout.show { target in
            if let canvas { FrameCopier.copy(canvas, rect: canvas.bounds, rotation: rotation, into: target) }
        }
        guard shown else { state = .masterLost; return }
        state = .active
        damage.invalidateAll()
        damage.frameShown()
    }

    // MARK: Leaving

    /// Puts back the CRTC found at start and frees the buffers; the last head on the device also
    /// restores the VT's text mode. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        scanout.close()
    }
}
