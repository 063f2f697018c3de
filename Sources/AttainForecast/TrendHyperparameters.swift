import AttainRandom
import Foundation

/// The variance components of the local-trend model, as ratios plus a cross-unit prior on their common scale.
///
/// On the latent scale, per model step (one period, or one grid step for data every k periods):
/// ```
/// y_t = μ_t + ε_t            ε ~ N(0, λ·noiseRatio²)
/// μ_{t+1} = μ_t + β_t + η_t  η ~ N(0, λ·levelRatio²)
/// β_{t+1} = φ·β_t + ζ_t      ζ ~ N(0, λ)                (φ = damping)
/// λ ~ InverseGamma(scaleShape, scaleRate) across units
/// ```
/// `λ` is each unit's trend-change variance: units differ in how much their trends change, and the inverse-gamma
/// prior learned from the cross-section says by how much. Given a unit's window, `λ` has an inverse-gamma posterior and
/// every predictive marginal is a Student-t.
public struct TrendHyperparameters: Sendable, Hashable, Codable {
    /// `σ_η / σ_ζ`: level disturbances relative to trend changes.
    public var levelRatio: Double
    /// `σ_ε / σ_ζ`: observation noise relative to trend changes.
    public var noiseRatio: Double
    /// `φ` in (0, 1]: how much of a trend carries into the next step.
    public var damping: Double
    /// Shape `α` of the inverse-gamma prior on `λ` (larger: units more alike).
    public var scaleShape: Double
    /// Rate `b` of the inverse-gamma prior on `λ` (prior mean of `λ` is `b/(α − 1)`).
    public var scaleRate: Double
    /// How the slope starts: `false` (the default) leaves a unit's initial slope unknown (a flat prior, estimated from
    /// its window, as for a series with a trend of its own); `true` starts it at its stationary distribution
    /// `N(0, λ/(1 − φ²))`, as the model implies when `φ < 1`: the slope is a passing wobble, and a short window's
    /// first steps are not read as a trend to carry forward.
    public var stationarySlope: Bool

    public init(levelRatio: Double, noiseRatio: Double, damping: Double, scaleShape: Double, scaleRate: Double,
                stationarySlope: Bool = false) {
        self.levelRatio = levelRatio
        self.noiseRatio = noiseRatio
        self.damping = damping
        self.scaleShape = scaleShape
        self.scaleRate = scaleRate
        self.stationarySlope = stationarySlope
    }

    /// Initial states with a flat prior, estimated from a unit's window: the level and, unless the slope starts
    /// stationary (``stationarySlope`` with `φ < 1`), the slope. A window of `n` values gives `n −` this many
    /// standardised innovations to learn the unit's `λ` from.
    public var diffuseStateCount: Int { stationarySlope && damping < 1 ? 1 : 2 }

    /// Innovations beyond this many prior standard deviations are capped when a unit's `λ` is estimated.
    public static let innovationClip = 3.0

    /// The cap on a squared standardised innovation, `(3 σ̂)²` with `σ̂² = b/α` the cross-section's typical `λ`.
    ///
    /// Innovations are `N(0, λ)`; a unit whose trends change more than most still has innovations well inside
    /// the cap, while a one-off jump (Romania's fertility in 1967) counts as a 3σ̂ event instead of inflating the
    /// unit's trend-change variance, and with it every later interval, by orders of magnitude.
    public var innovationCap: Double { Self.innovationClip * Self.innovationClip * scaleRate / scaleShape }

    /// The latent variance of Poisson sampling noise in one count of mean `m` on the `log(x + 1)` scale,
    /// `m/(m + 1)²` (delta method): 0.14 for a count of 5, 0.03 for 30.
    public static func countSamplingVariance(mean m: Double) -> Double {
        let m = Swift.max(m, 0)
        return m / ((m + 1) * (m + 1))
    }

    /// The latent (logit) variance of the binomial sampling noise in a share `p` counted out of `n`: the variance of the
    /// empirical logit `log((x + ½)/(n − x + ½))` for `x ~ Binomial(n, p)`, summed exactly over `x` when
    /// `n·p·(1 − p) < 25` (the delta method's `1/(n·p·(1 − p))` claims 2.0 for a share near 70 of 70, where it is 0.40),
    /// and the delta method above. `n` is rounded to a whole number; 0 when `n < 1`.
    public static func shareSamplingVariance(share p: Double, denominator n: Double) -> Double {
        guard n >= 1, n.isFinite else { return 0 }
        let p = Swift.min(Swift.max(p, 1e-12), 1 - 1e-12)
        let spread = n * p * (1 - p)
        if spread >= 25 { return 1 / spread }
        let total = Int(n.rounded()), sd = spread.squareRoot()
        let nd = Double(total)
        let low = Swift.max(0, Int((nd * p - 12 * sd - 2).rounded(.down))), high = Swift.min(total, Int((nd * p + 12 * sd + 2).rounded(.up)))
        let logChoose = logGamma(nd + 1), logP = Foundation.log(p), logQ = Foundation.log(1 - p)
        var mass = 0.0, mean = 0.0, square = 0.0
        for x in low...high {
            let k = Double(x)
            let weight = Foundation.exp(logChoose - logGamma(k + 1) - logGamma(nd - k + 1) + k * logP + (nd - k) * logQ)
            let logit = Foundation.log((k + 0.5) / (nd - k + 0.5))
            mass += weight; mean += weight * logit; square += weight * logit * logit
        }
        mean /= mass
        return Swift.max(square / mass - mean * mean, 0)
    }

    /// These hyperparameters for a count window of mean `m`: the observation noise gains the counts' own sampling
    /// variance (``countSamplingVariance(mean:)``), expressed per typical trend-change variance `b/α` so the model stays
    /// proportional to `λ`; ``noiseRatio`` is then the noise beyond the counts' own. Small counts get more noise on the
    /// log scale than large ones, as Poisson counts do; a unit steadier or noisier than Poisson shows it through its
    /// own scale `λ`, which multiplies all of it.
    public func addingCountNoise(mean m: Double) -> TrendHyperparameters {
        var h = self
        h.noiseRatio = (noiseRatio * noiseRatio + Self.countSamplingVariance(mean: m) * scaleShape / scaleRate).squareRoot()
        return h
    }
}
