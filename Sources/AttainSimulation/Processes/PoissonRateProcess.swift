import AttainRandom

/// Yearly counts with a steady but uncertain rate: `λ ~ Gamma(shape, rate)` per path, then `Poisson(λ)` each year.
///
/// Suits small event counts with no visible trend (district events a year). Fitted with the Jeffreys prior, the rate's
/// posterior after `n` years with total `Σy` is `Gamma(½ + Σy, n)`. With `shape → ∞` at fixed mean it is a known rate
/// (independent Poisson years). The first simulated year may be partly observed: its count is the observed part plus
/// `Poisson(λ·(1 − f))` for the unobserved fraction.
/// Counts are drawn by inversion (one uniform each, monotone in `λ`), so scenarios share draws exactly.
/// Levers: `rate-multiplier`, `growth-shift` (log scale), `shock` (the intensity falls by the laid-off fraction in its year).
public struct PoissonRateProcess: PathProcess {
    /// Gamma shape of the rate (nil: the rate is known exactly).
    public let shape: Double?
    /// Gamma rate (inverse scale) of the rate; with a known rate, `mean` is used instead.
    public let rate: Double
    /// The rate when known.
    public let knownMean: Double
    /// Count already observed in the first simulated year.
    public let observedInFirstYear: Double
    /// Share of the first simulated year's expected flow already observed (calendar fraction, or seasonally adjusted).
    public let observedFraction: Double
    /// `Gamma(shape, 1/rate)` when the rate is uncertain.
    let rateDraw: GammaDistribution?

    /// A Poisson process with a known rate `mean`.
    public init(mean: Double, observedInFirstYear: Double = 0, observedFraction: Double = 0) {
        shape = nil
        rate = 1
        knownMean = mean
        rateDraw = nil
        self.observedInFirstYear = observedInFirstYear
        self.observedFraction = observedFraction
    }

    /// A Poisson process whose rate has a `Gamma(shape, rate)` distribution.
    public init(shape: Double, rate: Double, observedInFirstYear: Double = 0, observedFraction: Double = 0) {
        precondition(shape > 0 && rate > 0, "Gamma shape and rate must be positive")
        self.shape = shape
        self.rate = rate
        knownMean = shape / rate
        rateDraw = GammaDistribution(shape: shape, scale: 1 / rate)
        self.observedInFirstYear = observedInFirstYear
        self.observedFraction = observedFraction
    }

    /// Fitted to `total` events over `exposure` years (Jeffreys prior).
    public init(total: Double, exposure: Double, observedInFirstYear: Double = 0, observedFraction: Double = 0) {
        self.init(shape: 0.5 + total, rate: max(exposure, 1e-9), observedInFirstYear: observedInFirstYear,
                  observedFraction: observedFraction)
    }

    public var supportedLevers: Set<Lever> { [.rateMultiplier, .growthShift, .shock] }
    public var scratchCount: Int { 0 }

    public func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                       count: Int, scratch: inout [Double]) {
        let lambda = rateDraw.map { rng.gamma($0) } ?? knownMean
        var own = path.noiseGenerator()      // on a path shared between units: the rate is shared, the counts are the unit's
        var lastMean = -1.0, expNeg = 0.0          // e^{−mean}, recomputed only when the mean changes
        for k in 0..<count {
            var mean = lambda * levers.rateMultiplier[k]
            if levers.latentShift[k] != 0 { mean *= exp(levers.latentShift[k]) }
            if !levers.shocks.isEmpty { mean *= levers.shockFactor(year: k, path: path) }
            if k == 0 { mean *= 1 - observedFraction }
            if mean != lastMean { lastMean = mean; expNeg = exp(-mean) }
            let draw = Inversion.poisson(mean, own.uniformOpen(or: &rng), expNegLambda: expNeg)
            output[k] = k == 0 ? observedInFirstYear + draw : draw
        }
    }
}

import Foundation
