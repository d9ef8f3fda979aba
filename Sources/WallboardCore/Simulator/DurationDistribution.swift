#if canImport(Glibc)
import Glibc  // log, exp, sqrt: math only.
#elseif canImport(Darwin)
import Darwin
#endif

/// How long something takes (talk, wrap-up, a caller's patience), in seconds.
///
/// Contact-centre literature models handling times as lognormal (right-skewed: most calls are
/// routine, a few run very long) and patience as exponential or lognormal; both are offered here,
/// parameterised by the mean so the figures read like the reports they come from.
public enum DurationDistribution: Sendable, Equatable {
    case constant(Double)
    case exponential(mean: Double)
    /// Lognormal with the given mean and coefficient of variation (standard deviation ÷ mean).
    case lognormal(mean: Double, cv: Double)

    public var mean: Double {
        switch self {
        case .constant(let value): return value
        case .exponential(let mean): return mean
        case .lognormal(let mean, _): return mean
        }
    }

    /// A sample, never negative or NaN whatever the parameters.
    public func sample(_ random: inout SimulationRandom) -> Double {
        let value: Double
        switch self {
        case .constant(let v):
            value = v
        case .exponential(let mean):
            value = random.exponential(mean: mean)
        case .lognormal(let mean, let cv):
            let sigma2 = log(1 + cv * cv)
            let mu = log(max(mean, 1e-9)) - sigma2 / 2
            value = exp(mu + sqrt(sigma2) * random.standardNormal())
        }
        return value.isFinite && value > 0 ? value : 0
    }
}
