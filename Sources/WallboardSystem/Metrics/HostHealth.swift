/// The board computer's own trouble, as the kernel and the Raspberry Pi firmware report it in sysfs:
/// SoC temperature per thermal zone, and under-voltage / throttling. Every file is optional — a
/// machine without thermal zones or without the Pi firmware driver simply reports less.
public struct HostHealth: Sendable, Equatable {
    public struct ThermalZone: Sendable, Equatable {
        /// "thermal_zone0".
        public var zone: String
        /// The driver's name for it, "cpu-thermal" on a Pi.
        public var type: String
        public var celsius: Double
    }

    /// One throttling condition, now or at any time since boot.
    public struct Throttle: Sendable, Equatable {
        /// under_voltage, frequency_capped, throttled, soft_temperature_limit.
        public var condition: String
        /// "now" or "since_boot".
        public var period: String
        public var active: Bool
    }

    public var thermalZones: [ThermalZone] = []
    public var throttles: [Throttle] = []

    public init(thermalZones: [ThermalZone] = [], throttles: [Throttle] = []) {
        self.thermalZones = thermalZones
        self.throttles = throttles
    }

    /// The bits of the firmware's throttled word (`vcgencmd get_throttled`, the same word the
    /// firmware driver shows as hex in `get_throttled`): bits 0–3 now, bits 16–19 since boot.
    static let throttleBits = ["under_voltage", "frequency_capped", "throttled", "soft_temperature_limit"]

    /// Where the Pi's firmware driver publishes the word (Pi 4 and 5 kernels, under the soc's firmware node).
    static let throttledFiles = [
        "devices/platform/soc/soc:firmware/get_throttled",
        "devices/platform/axi/axi:firmware/get_throttled",
    ]

    /// Reads it all under `sys` (normally "/sys"; tests pass a folder laid out the same way).
    public static func read(sys: String = "/sys") -> HostHealth {
        var health = HostHealth()
        for zone in SysfsDirectory.entries("\(sys)/class/thermal").filter({ $0.hasPrefix("thermal_zone") }).sorted() {
            let dir = "\(sys)/class/thermal/\(zone)"
            guard let milli = SysfsDirectory.number("\(dir)/temp") else { continue }
            let type = SysfsDirectory.text("\(dir)/type") ?? zone
            health.thermalZones.append(ThermalZone(zone: zone, type: type, celsius: milli / 1000))
        }
        if let word = throttledFiles.lazy.compactMap({ SysfsDirectory.text("\(sys)/\($0)") }).first,
            let bits = UInt32(word.hasPrefix("0x") ? String(word.dropFirst(2)) : word, radix: 16)
        {
            health.throttles = throttles(from: bits)
        } else if let alarm = underVoltageAlarm(sys: sys) {
            // Without the firmware word, the Pi's voltage monitor (hwmon "rpi_volt") still says
            // whether the supply is too low right now.
            health.throttles = [Throttle(condition: "under_voltage", period: "now", active: alarm)]
        }
        return health
    }

    static func throttles(from bits: UInt32) -> [Throttle] {
        var out: [Throttle] = []
        for (period, shift) in [("now", 0), ("since_boot", 16)] {
            for (i, condition) in throttleBits.enumerated() {
                out.append(Throttle(condition: condition, period: period, active: bits & (1 << UInt32(shift + i)) != 0))
            }
        }
        return out
    }

    private static func underVoltageAlarm(sys: String) -> Bool? {
        for hwmon in SysfsDirectory.entries("\(sys)/class/hwmon").sorted() {
            let dir = "\(sys)/class/hwmon/\(hwmon)"
            guard SysfsDirectory.text("\(dir)/name") == "rpi_volt", let alarm = SysfsDirectory.number("\(dir)/in0_lcrit_alarm")
            else { continue }
            return alarm != 0
        }
        return nil
    }
}
