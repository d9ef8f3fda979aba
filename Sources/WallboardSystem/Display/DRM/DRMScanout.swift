#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore

/// One CRTC scanning out dumb buffers to one connector in one mode (drm-howto's
/// `modeset-double-buffered.c` and `modeset-vsync.c`): two buffers, the back one queued with a page
/// flip on vblank; or, where the driver cannot flip, one buffer updated in place plus
/// `drmModeDirtyFB` (virtio-gpu shows nothing new without it; bochs answers ENOSYS, after which it is
/// no longer called). Knows pixels only as buffers: what goes into them is the `DRMDisplay`'s business.
final class DRMScanout {
    let device: DRMDevice
    let crtcID: UInt32
    let connectorID: UInt32
    /// "/dev/dri/card0 HDMI-A-1", for errors.
    let label: String
    private(set) var mode: drmModeModeInfo
    /// One buffer + DirtyFB: asked for, or forced by a driver that cannot flip.
    private(set) var singleBuffer: Bool
    /// A page flip is queued and has not completed: the back buffer is not ours to draw in yet.
    private(set) var flipPending = false
    /// Frames handed to the kernel (page flips queued, or single-buffer updates).
    private(set) var framesQueued = 0
    /// Page flips the kernel reported done.
    private(set) var flipsCompleted = 0
    /// Called after each completed page flip.
    var onFlipCompleted: (() -> Void)?

    private var buffers: [DRMDumbBuffer] = []
    private var front = 0
    private var dirtyFBSupported = true
    /// What the CRTC showed before us (the console), put back by `close()`.
    private var savedCRTC: drmModeCrtcPtr?
    private var closed = false

    /// What a queued frame came to.
    enum FlipResult {
        case queued
        /// A flip is still queued by someone: keep the damage, try again on the next frame.
        case busy
        /// Another process is DRM master now (VT switch): nothing may be shown until it is back.
        case masterLost
        /// The driver cannot flip: from now on one buffer, updated in place; draw the frame again.
        case switchedToSingleBuffer
    }

    /// Claims `crtc` for `connectorID` and creates the buffers (black); `show()` puts them on screen.
    init(device: DRMDevice, crtc: UInt32, connectorID: UInt32, label: String, mode: drmModeModeInfo, singleBuffer: Bool) throws(DisplayError) {
        self.device = device
        crtcID = crtc
        self.connectorID = connectorID
        self.label = label
        self.mode = mode
        self.singleBuffer = singleBuffer
        savedCRTC = drmModeGetCrtc(device.fd, crtc)
        device.claim(crtc: crtc, for: self)
        do { try createBuffers() } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Where the next frame is drawn: the back buffer, or in single-buffer mode the one on screen.
    var drawTarget: FrameTarget { buffers[singleBuffer ? front : 1 - front].target }

    // MARK: Frames

    /// Queues the back buffer for the next vblank; it becomes the front buffer.
    func flip() throws(DisplayError) -> FlipResult {
        let back = buffers[1 - front]
        do {
            try nothingOrErrno {
                drmModePageFlip(device.fd, crtcID, back.framebufferID, WB_DRM_MODE_PAGE_FLIP_EVENT, device.eventUserData)
            }
        } catch {
            switch error.code {
            case EBUSY: return .busy
            case EACCES, EPERM: return .masterLost
            case EINVAL, ENOSYS, EOPNOTSUPP:
                singleBuffer = true
                return .switchedToSingleBuffer
            default: throw error.display("drmModePageFlip", label)
            }
        }
        flipPending = true
        front = 1 - front
        framesQueued += 1
        return .queued
    }

    /// Single-buffer mode: the pixels in `rects` (physical) were changed in place; tells the driver.
    /// False when the master was lost.
    func changedInPlace(_ rects: [Rect]) -> Bool {
        framesQueued += 1
        guard dirtyFBSupported else { return true }
        var clips = rects.map { drmModeClip(x1: UInt16($0.x), y1: UInt16($0.y), x2: UInt16($0.maxX), y2: UInt16($0.maxY)) }
        do {
            try nothingOrErrno { drmModeDirtyFB(device.fd, buffers[front].framebufferID, &clips, UInt32(clips.count)) }
        } catch {
            if error == .notImplemented || error == .notSupported { dirtyFBSupported = false }  // bochs: nothing to do, ever
            if error.isPermission { return false }
        }
        return true
    }

    /// The device read this CRTC's flip completion.
    func flipCompleted() {
        flipPending = false
        flipsCompleted += 1
        onFlipCompleted?()
    }

    // MARK: Mode setting

    /// Sets the mode with the front buffer on screen, first letting `paint` fill it (a flip in flight
    /// is waited for, so the front buffer is really the one shown). False when the master was lost.
    func show(paint: (FrameTarget) -> Void) throws(DisplayError) -> Bool {
        settle()
        let buffer = buffers[front]
        paint(buffer.target)
        var connector = connectorID
        var m = mode
        do {
            try nothingOrErrno { drmModeSetCrtc(device.fd, crtcID, buffer.framebufferID, 0, 0, &connector, 1, &m) }
        } catch {
            if error.isPermission { return false }
            throw error.display("drmModeSetCrtc", label)
        }
        if singleBuffer { _ = changedInPlace([Rect(x: 0, y: 0, width: Int(m.hdisplay), height: Int(m.vdisplay))]) }
        return true
    }

    /// Another mode: new buffers when the size changed (`show()` puts them on screen).
    func change(mode newMode: drmModeModeInfo) throws(DisplayError) {
        let resized = newMode.hdisplay != mode.hdisplay || newMode.vdisplay != mode.vdisplay
        mode = newMode
        if resized {
            settle()
            try createBuffers()
        }
    }

    private func createBuffers() throws(DisplayError) {
        buffers = []  // free the old ones first: video memory on small boards is tight
        let w = Int(mode.hdisplay), h = Int(mode.vdisplay)
        buffers = [try DRMDumbBuffer(device: device, width: w, height: h)]
        if !singleBuffer { buffers.append(try DRMDumbBuffer(device: device, width: w, height: h)) }
        front = 0
    }

    /// Waits (briefly) for a flip in flight: a buffer is not freed or repainted while the kernel scans it out.
    private func settle() {
        for _ in 0..<5 where flipPending { device.waitForEvents(milliseconds: 50) }
        flipPending = false
    }

    // MARK: Leaving

    /// Waits for a flip in flight, puts back the CRTC found at start (the console), frees the
    /// buffers and gives the CRTC back to the device. Safe to call twice.
    func close() {
        guard !closed else { return }
        closed = true
        settle()
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
    }
}
