#if canImport(Glibc)
import Glibc
#endif
import CDRM

/// The panel's power through the connector's standard "DPMS" property (every KMS driver has it,
/// atomic ones map it onto the CRTC's ACTIVE state): the monitor sees no signal and sleeps, as
/// with HDMI-CEC standby but with no extra package or cable support. /sys/class/drm/card*-*/dpms
/// reads it back ("On"/"Off").
extension DRMDevice {
    /// The id of `connectorID`'s "DPMS" property; nil when the driver has none.
    func dpmsProperty(_ connectorID: UInt32) -> UInt32? {
        guard let properties = drmModeObjectGetProperties(fd, connectorID, WB_DRM_MODE_OBJECT_CONNECTOR) else { return nil }
        defer { drmModeFreeObjectProperties(properties) }
        for i in 0..<Int(properties.pointee.count_props) {
            guard let property = drmModeGetProperty(fd, properties.pointee.props[i]) else { continue }
            defer { drmModeFreeProperty(property) }
            let name = withUnsafeBytes(of: property.pointee.name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "DPMS" { return property.pointee.prop_id }
        }
        return nil
    }

    /// Sets the connector's DPMS to On or Off.
    func setDPMS(_ connectorID: UInt32, on: Bool, label: String) throws(DisplayError) {
        guard let property = dpmsProperty(connectorID) else {
            throw Errno.notSupported.display("no DPMS property on the connector", label)
        }
        let value = UInt64(on ? WB_DRM_MODE_DPMS_ON : WB_DRM_MODE_DPMS_OFF)
        do { try nothingOrErrno { drmModeConnectorSetProperty(fd, connectorID, property, value) } } catch {
            throw error.display("drmModeConnectorSetProperty(DPMS \(on ? "On" : "Off"))", label)
        }
    }
}
