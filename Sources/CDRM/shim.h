// Declarations only: libdrm plus the constants Swift cannot import from macros.
#ifndef WALLBOARD_CDRM_SHIM_H
#define WALLBOARD_CDRM_SHIM_H

#include <stdint.h>
#include <xf86drm.h>
#include <xf86drmMode.h>
#include <drm_fourcc.h>
#include <drm_mode.h>

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

#endif
