#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore
import WallboardRender

/// What a framebuffer looks like: visible size, row stride in bytes, pixel layout, and where
/// the visible part starts in the mapping.
public struct FramebufferGeometry: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var stride: Int
    public var format: PixelFormat
    /// Byte offset of the visible area (yoffset·stride + xoffset·bpp for panned framebuffers).
    public var offset: Int
    /// Bytes to map.
    public var length: Int

    public init(width: Int, height: Int, stride: Int, format: PixelFormat, offset: Int = 0, length: Int? = nil) {
        self.width = width
        self.height = height
        self.stride = stride
        self.format = format
        self.offset = offset
        self.length = length ?? offset + stride * height
    }
}

/// The Linux framebuffer device (/dev/fb0), for boards without KMS. Honours the stride
/// (line_length) and 16- or 32-bit pixels; copies only the damaged rectangles (a single buffer:
/// what is written shows, so the previous frame's damage is already there).
public final class FbdevDisplay: Display {
    public let path: String
    public let geometry: FramebufferGeometry
    public let rotation: Rotation
    public let width: Int
    public let height: Int
    private let fd: Int32
    private let mapping: UnsafeMutableRawPointer
    private let console: VirtualTerminal?
    private var closed = false
    private var blanked = false

    /// Opens a framebuffer device and asks the kernel for its geometry.
    public convenience init(path: String = "/dev/fb0", rotation: Rotation = .none) throws {
        let fd = try FbdevDisplay.open(path)
        var variable = fb_var_screeninfo()
        var fixed = fb_fix_screeninfo()
        do {
            try nothingOrErrno { ioctl(fd, UInt(WB_FBIOGET_VSCREENINFO), &variable) }
            try nothingOrErrno { ioctl(fd, UInt(WB_FBIOGET_FSCREENINFO), &fixed) }
        } catch {
            Glibc.close(fd)
            throw error.display("FBIOGET_*SCREENINFO", path)
        }
        let format = PixelFormat(
            bitsPerPixel: Int(variable.bits_per_pixel),
            red: (Int(variable.red.offset), Int(variable.red.length)),
            green: (Int(variable.green.offset), Int(variable.green.length)),
            blue: (Int(variable.blue.offset), Int(variable.blue.length)))
        let stride = Int(fixed.line_length)
        let geometry = FramebufferGeometry(
            width: Int(variable.xres), height: Int(variable.yres), stride: stride, format: format,
            offset: Int(variable.yoffset) * stride + Int(variable.xoffset) * format.bytesPerPixel,
            length: Int(fixed.smem_len))
        try self.init(path: path, fd: fd, geometry: geometry, rotation: rotation, takeConsole: true)
    }

    /// Maps `path` with a known geometry. Tests use a plain file standing in for /dev/fb0.
    public convenience init(path: String, geometry: FramebufferGeometry, rotation: Rotation = .none) throws {
        try self.init(path: path, fd: FbdevDisplay.open(path), geometry: geometry, rotation: rotation, takeConsole: false)
    }

    private static func open(_ path: String) throws(DisplayError) -> Int32 {
        do { return try FileDescriptor.open(path, O_RDWR).rawValue } catch { throw .opening(path, errno: error) }
    }

    private init(path: String, fd: Int32, geometry: FramebufferGeometry, rotation: Rotation, takeConsole: Bool) throws {
        guard geometry.format.isSupported else {
            Glibc.close(fd)
            throw DisplayError.unsupportedFormat(device: path, format: geometry.format.description)
        }
        guard geometry.width > 0, geometry.height > 0,
              geometry.stride >= geometry.width * geometry.format.bytesPerPixel,
              geometry.length >= geometry.offset + geometry.stride * geometry.height
        else {
            Glibc.close(fd)
            throw DisplayError.unsupportedFormat(
                device: path, format: "\(geometry.width)x\(geometry.height) stride \(geometry.stride) in \(geometry.length) bytes")
        }
        let address = mmap(nil, geometry.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
        guard let address, address != MAP_FAILED else {
            let failure = Errno.current
            Glibc.close(fd)
            throw failure.display("mmap", path)
        }
        self.path = path
        self.fd = fd
        self.geometry = geometry
        self.rotation = rotation
        mapping = address
        (width, height) = rotation.logicalSize(width: geometry.width, height: geometry.height)
        console = takeConsole ? VirtualTerminal() : nil
    }

    deinit { close() }

    /// Unmaps the framebuffer and puts the VT back in text mode, so the console shows again.
    public func close() {
        guard !closed else { return }
        closed = true
        munmap(mapping, geometry.length)
        Glibc.close(fd)
        console?.restore()
    }

    /// Whether the VT was put in graphics mode (nil: this fbdev does not own the console).
    public var consoleLogLine: (priority: LogPriority, text: String)? { console?.logLine }

    public var name: String {
        "fbdev \(path) \(geometry.width)x\(geometry.height) \(geometry.format) stride \(geometry.stride)"
            + (rotation == .none ? "" : " rotated \(rotation.rawValue)°")
    }

    /// FBIOBLANK: POWERDOWN turns the panel off (the DRM fbdev emulation maps it to DPMS Off).
    /// The framebuffer keeps being written while blanked, so unblanking shows the latest frame.
    public func setPower(on: Bool) throws -> Bool {
        guard !closed, on == blanked else { return true }
        let level = on ? WB_FB_BLANK_UNBLANK : WB_FB_BLANK_POWERDOWN
        do { try nothingOrErrno { wb_fb_blank(fd, level) } } catch { throw error.display("FBIOBLANK", path) }
        blanked = !on
        return true
    }

    public func present(_ canvas: Canvas, damage: [Rect]) throws {
        guard !closed else { return }
        let target = FrameTarget(
            base: mapping + geometry.offset, width: geometry.width, height: geometry.height,
            stride: geometry.stride, format: geometry.format)
        for rect in DamageTracker.merge(damage, bounds: canvas.bounds) {
            FrameCopier.copy(canvas, rect: rect, rotation: rotation, into: target)
        }
    }
}
