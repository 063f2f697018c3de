import AttainData
import AttainForecast
import AttainRandom
import Foundation

/// An indicator following a calibrated local trend (``TrendForecast``) on its latent scale: logit for shares, log for
/// levels, and for counts the log-intensity of Poisson draws.
///
/// Each path takes one joint draw of the forecast's latent path (trend-change variance, origin state and disturbances,
/// so it inherits the forecaster's calibrated uncertainty), then applies the levers on the latent scale:
/// `growth-shift` adds to the latent path; for counts `rate-multiplier` and `shock` multiply the intensity, and for
/// levels `shock` lowers the level in its year. Counts are drawn by inversion from the intensity `λ = exp(z) − 1`.
///
/// How a count is drawn from the path's intensity (``CountNoise``): by inversion of a Poisson when the trend's
/// calibration knows nothing of count noise (the smooth-series defaults), and by randomized rounding when the
/// calibration was learned from count data (sister units, a kind pool, or a noisy-panel default), whose latent
/// observation noise already holds the counts' own noise — drawing Poisson on top would count it twice, and could
/// never give counts steadier than Poisson.
///
/// Nowcasting a partly observed first year (counts): the path's intensity for that year is a prior
/// `Gamma(κ, κ/λ)` with `κ = 1/s²` (`s` the forecast's one-step latent scale, so the prior's spread matches the
/// trend's); the `x` events seen in the observed fraction `f` update it to `Gamma(κ + x, κ/λ + f)`. The year's count is
/// `x` plus a draw around `λ′·(1 − f)·e^{ε − s²/2}` (`ε ~ N(0, s²)`, so the unobserved rest of the year carries the
/// full one-step uncertainty of a flow and not only the count noise of its expected size), and later years keep the
/// ratio `λ′/λ` (the level learnt persists).
public struct TrendProcess: PathProcess {
    /// The fitted forecast (its origin is the last complete year).
    public let forecast: TrendForecast
    /// What the indicator measures.
    public let kind: IndicatorKind
    /// Count already observed in the first simulated year, and the share of that year's expected flow it covers
    /// (calendar fraction, or seasonally adjusted).
    public let observedInFirstYear: Double
    public let observedFraction: Double
    /// How counts are drawn from the intensity.
    public let countNoise: CountNoise

    /// How a count is drawn from a path's intensity `m`; both are monotone in `m` for a fixed uniform `u`, so scenarios
    /// that share draws stay coupled.
    public enum CountNoise: Sendable {
        /// `Poisson(m)` by inversion: the count noise the trend does not model.
        case poisson
        /// `⌊m + u⌋`: mean `m`, the least added variance; for a trend whose latent noise is the data's own.
        case rounding
    }

    /// Prior precision of the first year's intensity in the nowcast, and the posterior's `Gamma(κ + x, 1)` whose
    /// draw the path's posterior rate scales.
    let nowcastShape: Double, nowcastDraw: GammaDistribution
    /// Latent standard deviation of the first year's flow about its forecast (the one-step predictive scale), carried
    /// by the unobserved rest of a partly observed year.
    let restOfYearNoise: Double
    /// The forecast's path sampler, taken once (the forecast itself is not copied on every path).
    let sampler: TrendPathSampler

    public init(forecast: TrendForecast, kind: IndicatorKind, observedInFirstYear: Double = 0, observedFraction: Double = 0,
                countNoise: CountNoise = .poisson) {
        self.forecast = forecast
        self.countNoise = countNoise
        self.kind = kind
        self.observedInFirstYear = observedInFirstYear
        self.observedFraction = observedFraction
        let s = forecast.latentLocationScale(horizon: 1).scale
        nowcastShape = min(1e6, max(0.5, 1 / max(s * s, 1e-12)))
        nowcastDraw = GammaDistribution(shape: nowcastShape + observedInFirstYear)
        restOfYearNoise = s
        sampler = forecast.pathSampler
    }

    var isCount: Bool { kind == .count || kind == .cumulative }

    public var supportedLevers: Set<Lever> {
        switch kind {
        case .share: return [.growthShift]
        case .level: return [.growthShift, .shock]
        case .count, .cumulative: return [.growthShift, .rateMultiplier, .shock]
        }
    }

    public var scratchCount: Int { 64 }

    public func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                       count: Int, scratch: inout [Double]) {
        // On a path shared between units, the trend is shared and the wobble and count noise are the unit's own.
        var own = path.noiseGenerator()
        sampler.samplePath(steps: count, latent: &scratch, using: &rng, noise: &own)
        let transform = forecast.transform
        var learnt = 1.0
        if isCount && observedFraction > 0 && count > 0 {
            let prior = max(transform.toData(scratch[0]), 1e-9)
            let rate = nowcastShape / prior + observedFraction
            learnt = rng.gamma(nowcastDraw) * (1 / rate) / prior
        }
        for k in 0..<count {
            var z = scratch[k] + levers.latentShift[k]
            let factor = levers.shocks.isEmpty ? 1 : levers.shockFactor(year: k, path: path)
            if isCount {
                // Heavy-tailed trends can overflow on rare paths: an intensity is kept below 10¹⁵ events a year.
                var mean = min(max(0, transform.toData(z)), 1e15) * learnt * levers.rateMultiplier[k] * factor
                if k == 0 && observedFraction > 0 {
                    // The rest of the year is a flow still to come: it carries the one-step uncertainty of a year's
                    // flow around the learnt rate (mean-preserving lognormal), not only the count noise of its size.
                    let z = own.normal(or: &rng)
                    mean *= (1 - observedFraction) * exp(restOfYearNoise * z - restOfYearNoise * restOfYearNoise / 2)
                }
                let u = own.uniformOpen(or: &rng)
                let draw = countNoise == .poisson ? Inversion.poisson(mean, u) : (mean + u).rounded(.down)
                output[k] = k == 0 ? observedInFirstYear + draw : draw
            } else {
                if factor < 1 && kind == .level { z += log(factor) }
                output[k] = transform.toData(min(z, 700))       // a finite level however heavy the tail
            }
        }
    }
}
