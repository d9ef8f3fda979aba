#if canImport(Glibc)
import Glibc
#endif
import CDRM

/// A CPU-mapped "dumb" scanout buffer with its DRM framebuffer, freed in deinit.
/// The mapping is often uncached: write it, never read it.
final class DRMDumbBuffer {
    let device: DRMDevice
    let width: Int
    let height: Int
    let stride: Int
    let size: Int
    let handle: UInt32
    let framebufferID: UInt32
    let mapping: UnsafeMutableRawPointer

    init(device: DRMDevice, width: Int, height: Int) throws(DisplayError) {
        self.device = device
        self.width = width
        self.height = height
        var create = drm_mode_create_dumb()
        create.width = UInt32(width)
        create.height = UInt32(height)
        create.bpp = 32
        do { try nothingOrErrno { drmIoctl(device.fd, WB_DRM_IOCTL_MODE_CREATE_DUMB, &create) } }
        catch { throw error.display("DRM_IOCTL_MODE_CREATE_DUMB", device.path) }
        handle = create.handle
        stride = Int(create.pitch)
        size = Int(create.size)

        var fb: UInt32 = 0
        var handles: (UInt32, UInt32, UInt32, UInt32) = (create.handle, 0, 0, 0)
        var pitches: (UInt32, UInt32, UInt32, UInt32) = (create.pitch, 0, 0, 0)
        var offsets: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        do {
            try nothingOrErrno {
                withUnsafePointer(to: &handles) { h in
                    withUnsafePointer(to: &pitches) { p in
                        withUnsafePointer(to: &offsets) { o in
                            drmModeAddFB2(
                                device.fd, UInt32(width), UInt32(height), WB_DRM_FORMAT_XRGB8888,
                                UnsafeRawPointer(h).assumingMemoryBound(to: UInt32.self),
                                UnsafeRawPointer(p).assumingMemoryBound(to: UInt32.self),
                                UnsafeRawPointer(o).assumingMemoryBound(to: UInt32.self), &fb, 0)
                        }
                    }
                }
            }
        } catch {
            DRMDumbBuffer.destroyDumb(device, create.handle)
            throw error.display("drmModeAddFB2", device.path)
        }
        framebufferID = fb

        var map = drm_mode_map_dumb()
        map.handle = create.handle
        do { try nothingOrErrno { drmIoctl(device.fd, WB_DRM_IOCTL_MODE_MAP_DUMB, &map) } } catch {
            drmModeRmFB(device.fd, fb)
            DRMDumbBuffer.destroyDumb(device, create.handle)
            throw error.display("DRM_IOCTL_MODE_MAP_DUMB", device.path)
        }
        let address = mmap(nil, Int(create.size), PROT_READ | PROT_WRITE, MAP_SHARED, device.fd, off_t(map.offset))
        guard let address, address != MAP_FAILED else {
            let failure = Errno.current
            drmModeRmFB(device.fd, fb)
            DRMDumbBuffer.destroyDumb(device, create.handle)
            throw failure.display("mmap", device.path)
        }
        mapping = address
        memset(mapping, 0, size)  // black, not whatever the allocator left
    }

    deinit {
        munmap(mapping, size)
        drmModeRmFB(device.fd, framebufferID)
        DRMDumbBuffer.destroyDumb(device, handle)
    }

    var target: FrameTarget {
        FrameTarget(base: mapping, width: width, height: height, stride: stride, format: .xrgb8888)
    }

    private static func destroyDumb(_ device: DRMDevice, _ handle: UInt32) {
        var destroy = drm_mode_destroy_dumb()
        destroy.handle = handle
        _ = drmIoctl(device.fd, WB_DRM_IOCTL_MODE_DESTROY_DUMB, &destroy)
    }
}
