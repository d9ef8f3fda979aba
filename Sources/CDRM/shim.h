// Declarations only: libdrm plus the constants Swift cannot import from macros.
#ifndef WALLBOARD_CDRM_SHIM_H
#define WALLBOARD_CDRM_SHIM_H

#include <stdint.h>
#include <xf86drm.h>
#include <xf86drmMode.h>
#include <drm_fourcc.h>
#include <drm_mode.h>
#include <linux/fb.h>
#include <linux/kd.h>
#include <linux/netlink.h>
#include <sys/timex.h>  /* adjtimex(2): is the clock synchronised (BoardHealthReader) */
#include <sys/ioctl.h>

static const uint32_t WB_DRM_FORMAT_XRGB8888 = DRM_FORMAT_XRGB8888;
static const uint32_t WB_DRM_MODE_PAGE_FLIP_EVENT = DRM_MODE_PAGE_FLIP_EVENT;
static const int WB_DRM_EVENT_CONTEXT_VERSION = DRM_EVENT_CONTEXT_VERSION;
static const uint32_t WB_DRM_MODE_CONNECTED = DRM_MODE_CONNECTED;
static const uint32_t WB_DRM_MODE_TYPE_PREFERRED = DRM_MODE_TYPE_PREFERRED;
static const unsigned long WB_DRM_IOCTL_MODE_CREATE_DUMB = DRM_IOCTL_MODE_CREATE_DUMB;
static const unsigned long WB_DRM_IOCTL_MODE_MAP_DUMB = DRM_IOCTL_MODE_MAP_DUMB;
static const unsigned long WB_DRM_IOCTL_MODE_DESTROY_DUMB = DRM_IOCTL_MODE_DESTROY_DUMB;
static const int WB_DRM_NODE_PRIMARY = DRM_NODE_PRIMARY;
static const uint64_t WB_DRM_CAP_DUMB_BUFFER = DRM_CAP_DUMB_BUFFER;
// Screen power: the connector's DPMS property, FBIOBLANK on fbdev.
static const uint32_t WB_DRM_MODE_OBJECT_CONNECTOR = DRM_MODE_OBJECT_CONNECTOR;
static const int WB_DRM_MODE_DPMS_ON = DRM_MODE_DPMS_ON;
static const int WB_DRM_MODE_DPMS_OFF = DRM_MODE_DPMS_OFF;
static const int WB_FB_BLANK_UNBLANK = FB_BLANK_UNBLANK;
static const int WB_FB_BLANK_POWERDOWN = FB_BLANK_POWERDOWN;

// fbdev, the VT console mode, and the kernel's uevent netlink socket (hot-plug without libudev).
static const unsigned long WB_FBIOGET_VSCREENINFO = FBIOGET_VSCREENINFO;
static const unsigned long WB_FBIOGET_FSCREENINFO = FBIOGET_FSCREENINFO;
static const unsigned long WB_KDSETMODE = KDSETMODE;
static const unsigned long WB_KDGETMODE = KDGETMODE;
static const int WB_KD_TEXT = KD_TEXT;
static const int WB_KD_GRAPHICS = KD_GRAPHICS;
static const int WB_NETLINK_KOBJECT_UEVENT = NETLINK_KOBJECT_UEVENT;

// The page-flip callback drmHandleEvent calls (with the CRTC, so one device can serve several
// heads); defined in Swift as a @convention(c) closure.
typedef void (*wb_page_flip_handler2)(int fd, unsigned int sequence, unsigned int tv_sec,
                                      unsigned int tv_usec, unsigned int crtc_id, void *user_data);

// drmEventContext with only page_flip_handler2 set (version 3 layout).
static inline drmEventContext wb_event_context(wb_page_flip_handler2 handler) {
    drmEventContext context = {0};
    context.version = 3;
    context.page_flip_handler2 = handler;
    return context;
}

// drmDevice fields behind a pointer-to-array, awkward from Swift.
static inline int wb_device_has_primary(drmDevicePtr device) {
    return (device->available_nodes & (1 << DRM_NODE_PRIMARY)) != 0;
}
static inline const char *wb_device_primary_path(drmDevicePtr device) {
    return device->nodes[DRM_NODE_PRIMARY];
}

// FBIOBLANK takes its level as the integer argument itself (Swift cannot call variadic ioctl so).
static inline int wb_fb_blank(int fd, int level) { return ioctl(fd, FBIOBLANK, level); }

// Marks the clock synchronised as an NTP daemon does (clears STA_UNSYNC; needs CAP_SYS_TIME):
// for the QEMU guest, which has no network time.
static inline int wb_mark_clock_synchronised(void) {
    struct timex t = {0};
    t.modes = ADJ_STATUS | ADJ_MAXERROR | ADJ_ESTERROR;
    t.status = 0;
    return adjtimex(&t);
}

#endif
