/// How a rate varies over the 24 hours of a day: one relative weight per hour, interpolated
/// linearly between hour midpoints so the rate has no steps on the hour.
public struct DailyProfile: Sendable, Equatable {
    /// 24 weights, hour 0 = 00:00–01:00. Only their ratios matter.
    public let hourlyWeights: [Double]
    private let sum: Double
    private let largest: Double

    /// Weights that are missing, negative or not finite count as 0; fewer than 24 are padded with 0.
    public init(hourlyWeights: [Double]) {
        var w = hourlyWeights.prefix(24).map { $0.isFinite && $0 > 0 ? $0 : 0 }
        while w.count < 24 { w.append(0) }
        self.hourlyWeights = w
        sum = w.reduce(0, +)
        largest = w.max() ?? 0
    }

    /// A flat day.
    public static let flat = DailyProfile(hourlyWeights: Array(repeating: 1, count: 24))

    /// The relative weight at a time of day, normalised so the day's average is 1.
    public func factor(atSecondOfDay second: Double) -> Double {
        guard sum > 0 else { return 0 }
        let hour = second / 3600 - 0.5  // weights sit at hour midpoints
        let floorHour = hour.rounded(.down)
        let fraction = hour - floorHour
        let i = (Int(floorHour) % 24 + 24) % 24
        let j = (i + 1) % 24
        let weight = hourlyWeights[i] * (1 - fraction) + hourlyWeights[j] * fraction
        return weight * 24 / sum
    }

    /// The largest value `factor` takes (the bound for thinning a Poisson process).
    public var maximumFactor: Double {
        guard sum > 0 else { return 0 }
        return largest * 24 / sum
    }
}
