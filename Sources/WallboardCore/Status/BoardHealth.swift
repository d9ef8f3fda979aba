/// The board computer's own trouble, as the edge read it (a few times a minute, never per frame).
/// `nil` fields are unknown and never shown as trouble.
public struct BoardHealthReadings: Sendable, Equatable {
    /// The hottest thermal zone, °C.
    public var socCelsius: Double?
    /// Throttling conditions active now, by the firmware's names: under_voltage, frequency_capped,
    /// throttled, soft_temperature_limit.
    public var throttledNow: [String]
    /// Whether the kernel's clock is synchronised (adjtimex: not STA_UNSYNC); the header clock is
    /// wrong when it is not.
    public var clockSynchronised: Bool?
    /// The display the board fell back to when it did not get the one it wanted ("fbdev").
    public var displayFallback: String?

    public init(socCelsius: Double? = nil, throttledNow: [String] = [], clockSynchronised: Bool? = nil, displayFallback: String? = nil) {
        self.socCelsius = socCelsius
        self.throttledNow = throttledNow
        self.clockSynchronised = clockSynchronised
        self.displayFallback = displayFallback
    }
}

/// One decision: whether the wall says anything about the board itself, and in which words.
/// Nothing when healthy; otherwise one short line ahead of the footer's feed status, so a failing
/// board is noticed before it fails.
public enum BoardHealth {
    /// A Pi's firmware starts soft throttling at 80 °C: at or above it the board is too hot.
    public static let hotCelsius: Double = 80

    /// "BOARD: CLOCK NOT SYNCED · UNDER-VOLTAGE · TOO HOT 83°C · DISPLAY FELL BACK TO FBDEV", or nil.
    public static func line(_ r: BoardHealthReadings?) -> String? {
        guard let r else { return nil }
        var parts: [String] = []
        if r.clockSynchronised == false { parts.append("CLOCK NOT SYNCED") }
        let words = ["under_voltage": "UNDER-VOLTAGE", "throttled": "THROTTLED", "frequency_capped": "FREQUENCY CAPPED"]
        for condition in ["under_voltage", "throttled", "frequency_capped"] where r.throttledNow.contains(condition) {
            parts.append(words[condition]!)
        }
        let soft = r.throttledNow.contains("soft_temperature_limit")
        if let c = r.socCelsius, c.isFinite, c >= hotCelsius {
            // Rounded up: the wall never says cooler than it is.
            parts.append("TOO HOT \(Int(c.rounded(.up)))°C")
        } else if soft {
            parts.append("TOO HOT")
        }
        if let display = r.displayFallback { parts.append("DISPLAY FELL BACK TO \(display.uppercased())") }
        return parts.isEmpty ? nil : "BOARD: " + parts.joined(separator: " · ")
    }
}
