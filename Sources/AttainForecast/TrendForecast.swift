import AttainData
import AttainRandom

/// A fitted unit's predictive distribution: calibrated quantiles and coherent sample paths on the latent scale.
///
/// ```swift
/// let forecast = try TrendForecaster(kind: .share, window: 8).fit(series: s, crossSection: all)
/// forecast.quantiles(horizon: 5, levels: [0.1, 0.5, 0.9])          // data scale
/// var rng = Xoshiro256StarStar(seed: 1, stream: 0)
/// var path = [Double](repeating: 0, count: 7)
/// forecast.samplePath(steps: 7, latent: &path, using: &rng)        // latent scale, steps 1…7
/// let shares = path.map(forecast.transform.toData)
/// ```
/// The state at the origin (level, slope) is Gaussian given the unit's trend-change variance `λ`; `λ` has an
/// inverse-gamma posterior, so every marginal is a Student-t with ``degreesOfFreedom`` on the latent scale, and the
/// paths of ``samplePath(steps:latent:using:)`` have exactly the marginals of ``latentQuantiles(horizon:levels:)``.
/// A share standing alone whose window cannot rule out one of the default models is an average of models
/// (``alternatives``): its marginals are the weighted mixtures of their Student-t marginals, and each path follows one
/// model. Step `k` is the period ``period(atStep:)`` (`k · stepPeriods` periods after the origin).
public struct TrendForecast: Sendable {
    /// The unit.
    public let unit: String
    /// The indicator.
    public let indicator: String
    /// The latent scale.
    public let transform: LatentTransform
    /// The last period of data used.
    public let origin: Period
    /// Periods per model step (1 for annual data every year, 5 for data every 5 years).
    public let stepPeriods: Int
    /// Observations used.
    public let observationCount: Int
    /// The variance components used.
    public let hyperparameters: TrendHyperparameters
    /// Latent level at the origin (posterior mean).
    public let latentLevel: Double
    /// Latent slope per step at the origin (posterior mean): the unit's current growth rate on the latent scale.
    public let latentSlope: Double
    /// Conformal scale factors by step (see ``TrendCalibration/horizonScale``).
    public let horizonScale: [Double]
    /// Degrees of freedom of every marginal, `2α + n − d` (`d` flat-prior states: 2, or 1 with a stationary slope).
    public let degreesOfFreedom: Double
    /// Posterior inverse-gamma shape and rate of `λ`.
    let posteriorShape: Double, posteriorRate: Double
    /// `Gamma(posteriorShape, 1)`: each sample path's `λ` is `posteriorRate` over a draw from it.
    let precisionDraw: GammaDistribution
    /// Origin state covariance per unit `λ`: `(P₀₀, P₀₁, P₁₁)`.
    let stateCovariance: (Double, Double, Double)
    /// Cholesky factor of the state covariance: `(L₀₀, L₁₀, L₁₁)`.
    let stateFactor: (Double, Double, Double)
    /// Latent-scale variance of the sampling noise in one observed value, added to every marginal and every path step
    /// (0: none). Set for a share counted out of a denominator when the calibration did not learn from such data: the
    /// binomial variance of its logit out of the last denominator
    /// (``TrendHyperparameters/shareSamplingVariance(share:denominator:)``).
    public internal(set) var samplingVariance: Double = 0
    /// The noisy-panel default model the unit chose when it stood alone (nil: pooled or the smooth defaults).
    public internal(set) var defaultsName: String?
    /// The number of sister units whose windows set the prior odds of the default models the unit chose among
    /// (``TrendCalibration/modelPrior``; nil: the documented default odds, or a learned calibration).
    public internal(set) var modelPriorUnits: Int?
    /// This model's posterior weight when default models are averaged (1: a single model).
    public internal(set) var modelWeight = 1.0
    /// The other default models averaged with this one, each with its posterior weight (empty: a single model). A unit
    /// standing alone whose window cannot rule out one of the default models forecasts with all the plausible ones,
    /// weighted by how probable each makes its window (Bayesian model averaging in Occam's window,
    /// ``TrendForecaster/fit(series:calibration:origin:)``): every marginal is the weighted mixture, and each sample path
    /// follows one model drawn by weight. This forecast is the model of greatest weight.
    public internal(set) var alternatives: [WeightedForecast] = []

    /// This model alone (weight ``modelWeight``) followed by its ``alternatives``.
    public var components: [WeightedForecast] {
        var own = self
        own.alternatives = []
        return [WeightedForecast(weight: modelWeight, forecast: own)] + alternatives
    }

    init(unit: String, indicator: String, transform: LatentTransform, origin: Period, stepPeriods: Int, observationCount: Int,
         hyperparameters: TrendHyperparameters, level: Double, slope: Double, stateCovariance: (Double, Double, Double),
         residualSumOfSquares q: Double, posterior: (shape: Double, rate: Double)? = nil, horizonScale: [Double] = [],
         tailDegreesOfFreedom: Double? = nil) {
        self.horizonScale = horizonScale
        self.unit = unit
        self.indicator = indicator
        self.transform = transform
        self.origin = origin
        self.stepPeriods = stepPeriods
        self.observationCount = observationCount
        self.hyperparameters = hyperparameters
        latentLevel = level
        latentSlope = slope
        // λ's inverse-gamma posterior: conjugate from the innovations' sum of squares, or given (``ScaleIntegral``).
        let shape = posterior?.shape ?? hyperparameters.scaleShape + Double(observationCount - hyperparameters.diffuseStateCount) / 2
        let rate = posterior?.rate ?? hyperparameters.scaleRate + q / 2
        // A recalibrated tail keeps the scale estimate rate/shape and changes only the tail weight.
        posteriorShape = tailDegreesOfFreedom.map { $0 / 2 } ?? shape
        posteriorRate = posteriorShape * rate / shape
        degreesOfFreedom = 2 * posteriorShape
        precisionDraw = GammaDistribution(shape: posteriorShape)
        self.stateCovariance = stateCovariance
        let l00 = stateCovariance.0.squareRoot()
        let l10 = l00 > 0 ? stateCovariance.1 / l00 : 0
        let l11 = max(stateCovariance.2 - l10 * l10, 0).squareRoot()
        stateFactor = (l00, l10, l11)
    }

    /// The period of step `k` (step 0 is the origin).
    public func period(atStep k: Int) -> Period { origin.advanced(by: k * stepPeriods) }

    /// Decimal-year time of step `k` (start of its period), the time axis for levers such as "from 2026 on".
    public func time(atStep k: Int) -> Double { period(atStep: k).time }

    /// Years per step (1 for annual data, 0.25 for quarterly, 5 for 5-yearly).
    public var stepYears: Double { time(atStep: 1) - time(atStep: 0) }

    /// Latent mean and the squared scale per unit `λ` at step `h ≥ 1` (the Student-t location and `scale²/E-free` part).
    func latentMoments(horizon h: Int) -> (mean: Double, variance: Double) {
        let phi = hyperparameters.damping, q11 = hyperparameters.levelRatio * hyperparameters.levelRatio
        var level = latentLevel, slope = latentSlope
        var (a, b, c) = stateCovariance
        for _ in 0..<max(h, 0) {
            level += slope; slope *= phi
            let a2 = a + 2 * b + c + q11, b2 = phi * (b + c), c2 = phi * phi * c + 1
            (a, b, c) = (a2, b2, c2)
        }
        let noise = hyperparameters.noiseRatio * hyperparameters.noiseRatio
        return (level, a + noise)
    }

    /// Location and scale of the Student-t marginal at step `h` on the latent scale. For an average of models
    /// (``alternatives``) a summary: the weighted mean of the locations, and the root of the weighted mean of each
    /// model's squared scale plus its location's squared distance from that mean.
    public func latentLocationScale(horizon h: Int) -> (location: Double, scale: Double) {
        guard !alternatives.isEmpty else { return ownLocationScale(horizon: h) }
        let parts = components.map { ($0.weight, $0.forecast.ownLocationScale(horizon: h)) }
        let location = parts.reduce(0) { $0 + $1.0 * $1.1.location }
        let square = parts.reduce(0) { $0 + $1.0 * ($1.1.scale * $1.1.scale + ($1.1.location - location) * ($1.1.location - location)) }
        return (location, square.squareRoot())
    }

    /// Location and scale of this model's own Student-t marginal at step `h`.
    func ownLocationScale(horizon h: Int) -> (location: Double, scale: Double) {
        let m = latentMoments(horizon: h)
        let model = TrendPathSampler.conformalFactor(horizonScale, step: max(h, 1)) * (m.variance * posteriorRate / posteriorShape).squareRoot()
        return (m.mean, samplingVariance > 0 ? (model * model + samplingVariance).squareRoot() : model)
    }

    /// `P(Y_h ≤ y)` at step `h` for a data-scale value `y` (exact Student-t probability on the latent scale; for an
    /// average of models, the weighted sum of theirs).
    public func probability(atMost y: Double, horizon h: Int) -> Double {
        guard transform.accepts(y) else { return y < transform.toData(-.infinity) ? 0 : 1 }
        if y < transform.dataFloor { return 0 }
        let z = transform.toLatent(y)
        guard !alternatives.isEmpty else { return ownLatentCDF(z, horizon: h) }
        return min(components.reduce(0) { $0 + $1.weight * $1.forecast.ownLatentCDF(z, horizon: h) }, 1)
    }

    /// This model's own `P(Z_h ≤ z)` on the latent scale.
    func ownLatentCDF(_ z: Double, horizon h: Int) -> Double {
        let (location, scale) = ownLocationScale(horizon: h)
        return StudentT(degreesOfFreedom: degreesOfFreedom).cdf((z - location) / scale)
    }

    /// Quantiles at step `h` on the latent scale, for `levels` in (0, 1). For an average of models, the mixture's
    /// quantile lies between the models' own, where bisection finds it (to 10⁻¹² relative).
    public func latentQuantiles(horizon h: Int, levels: [Double]) -> [Double] {
        guard !alternatives.isEmpty else { return ownLatentQuantiles(horizon: h, levels: levels) }
        let parts = components
        let own = parts.map { $0.forecast.ownLatentQuantiles(horizon: h, levels: levels) }
        return levels.indices.map { i in
            var low = own.map { $0[i] }.min()!, high = own.map { $0[i] }.max()!, halvings = 0
            while high - low > 1e-12 * max(1, abs(low), abs(high)), halvings < 200 {
                halvings += 1
                let middle = 0.5 * (low + high)
                let cdf = parts.reduce(0) { $0 + $1.weight * $1.forecast.ownLatentCDF(middle, horizon: h) }
                if cdf < levels[i] { low = middle } else { high = middle }
            }
            return 0.5 * (low + high)
        }
    }

    /// This model's own Student-t quantiles at step `h` on the latent scale.
    func ownLatentQuantiles(horizon h: Int, levels: [Double]) -> [Double] {
        let (location, scale) = ownLocationScale(horizon: h)
        let t = StudentT(degreesOfFreedom: degreesOfFreedom)
        return levels.map { location + scale * t.quantile($0) }
    }

    /// Quantiles at step `h` on the data scale (the transform is increasing, so latent quantiles map across). Counts
    /// and running totals (`log(x + c)`, `c > 0`) cannot fall below 0: the latent mass below `log c` is a count of 0,
    /// so their quantiles are at least 0.
    public func quantiles(horizon h: Int, levels: [Double]) -> [Double] {
        let floor = transform.dataFloor
        return latentQuantiles(horizon: h, levels: levels).map { max(transform.toData($0), floor) }
    }

    /// Draws one joint path of steps 1…`steps` on the latent scale into `latent[0..<steps]`, without allocating.
    ///
    /// Draws `λ` from its posterior, the origin state from `N(mean, λP)`, then runs the local-trend recursion with
    /// disturbances scaled by `√λ` and adds observation noise; the deviation from the mean path at step `h` is then
    /// multiplied by the conformal factor `c_h`, which keeps the path jointly coherent (a fixed linear map of one
    /// draw) and makes each marginal exactly the calibrated Student-t. `latent` must have at least `steps` elements.
    /// Uses `steps·3 + 3` normals and one gamma.
    public func samplePath(steps: Int, latent: inout [Double], using rng: inout Xoshiro256StarStar) {
        var none: Xoshiro256StarStar? = nil
        samplePath(steps: steps, latent: &latent, using: &rng, noise: &none)
    }

    /// ``samplePath(steps:latent:using:)`` with the unit's own noise drawn from `noise` when given: the scale, the
    /// state's uncertainty and the level's and slope's changes (the latent path) come from `rng`, the observation noise
    /// and the sampling noise from `noise` — so units that share `rng` on a path share their latent trend, not their
    /// noise around it. With `noise` nil every draw comes from `rng`, in the same order as before.
    public func samplePath(steps: Int, latent: inout [Double], using rng: inout Xoshiro256StarStar, noise: inout Xoshiro256StarStar?) {
        pathSampler.samplePath(steps: steps, latent: &latent, using: &rng, noise: &noise)
    }

    /// What ``samplePath(steps:latent:using:noise:)`` reads, as plain numbers: a simulation that draws many paths keeps
    /// one and draws from it (no copy of the forecast, with its names, on every path).
    public var pathSampler: TrendPathSampler {
        var sampler = ownPathSampler
        if !alternatives.isEmpty {
            var total = modelWeight
            sampler.thresholds = [total] + alternatives.map { total += $0.weight; return total }
            sampler.alternatives = alternatives.map { $0.forecast.ownPathSampler }
        }
        return sampler
    }

    private var ownPathSampler: TrendPathSampler {
        TrendPathSampler(posteriorRate: posteriorRate, posteriorShape: posteriorShape, precisionDraw: precisionDraw,
                         latentLevel: latentLevel, latentSlope: latentSlope, stateFactor: stateFactor,
                         damping: hyperparameters.damping, levelRatio: hyperparameters.levelRatio,
                         noiseRatio: hyperparameters.noiseRatio, samplingVariance: samplingVariance, horizonScale: horizonScale)
    }
}

/// One model of an average of default models (``TrendForecast/alternatives``) and its posterior weight.
public struct WeightedForecast: Sendable {
    /// The model's posterior weight (the weights of an average add to 1).
    public let weight: Double
    /// The model's forecast.
    public let forecast: TrendForecast
}

/// The numbers a ``TrendForecast``'s sample paths are drawn from (``TrendForecast/pathSampler``); draws exactly the
/// paths of ``TrendForecast/samplePath(steps:latent:using:noise:)``.
public struct TrendPathSampler: Sendable {
    @usableFromInline let posteriorRate: Double, posteriorShape: Double
    @usableFromInline let precisionDraw: GammaDistribution
    @usableFromInline let latentLevel: Double, latentSlope: Double
    @usableFromInline let stateFactor: (Double, Double, Double)
    @usableFromInline let damping: Double, levelRatio: Double, noiseRatio: Double
    @usableFromInline let samplingVariance: Double
    @usableFromInline let horizonScale: [Double]
    /// For an average of models: the cumulative weights of this model and then of each of ``alternatives``; a path
    /// draws one uniform and follows the first model whose threshold exceeds it.
    @usableFromInline var thresholds: [Double] = []
    /// The other models' samplers (empty: a single model).
    @usableFromInline var alternatives: [TrendPathSampler] = []

    init(posteriorRate: Double, posteriorShape: Double, precisionDraw: GammaDistribution, latentLevel: Double,
         latentSlope: Double, stateFactor: (Double, Double, Double), damping: Double, levelRatio: Double, noiseRatio: Double,
         samplingVariance: Double, horizonScale: [Double]) {
        self.posteriorRate = posteriorRate
        self.posteriorShape = posteriorShape
        self.precisionDraw = precisionDraw
        self.latentLevel = latentLevel
        self.latentSlope = latentSlope
        self.stateFactor = stateFactor
        self.damping = damping
        self.levelRatio = levelRatio
        self.noiseRatio = noiseRatio
        self.samplingVariance = samplingVariance
        self.horizonScale = horizonScale
    }

    /// The conformal factor of step `h ≥ 1` under a calibration's `horizonScale` (beyond its last step the last
    /// applies; none: 1), for the marginals and the paths alike.
    @inlinable @inline(__always)
    static func conformalFactor(_ horizonScale: [Double], step h: Int) -> Double {
        horizonScale.isEmpty ? 1 : horizonScale[min(h, horizonScale.count) - 1]
    }

    /// See ``TrendForecast/samplePath(steps:latent:using:noise:)``: the same draws, in the same order, the same numbers.
    /// For an average of models, one uniform from `rng` first chooses the model the whole path follows.
    @inlinable
    public func samplePath(steps: Int, latent: inout [Double], using rng: inout Xoshiro256StarStar, noise: inout Xoshiro256StarStar?) {
        if !alternatives.isEmpty {
            let u = rng.uniform()
            var k = 0
            while k < alternatives.count, u >= thresholds[k] { k += 1 }
            if k > 0 { return alternatives[k - 1].sampleOwnPath(steps: steps, latent: &latent, using: &rng, noise: &noise) }
        }
        sampleOwnPath(steps: steps, latent: &latent, using: &rng, noise: &noise)
    }

    /// One path of this model alone.
    @inlinable
    func sampleOwnPath(steps: Int, latent: inout [Double], using rng: inout Xoshiro256StarStar, noise: inout Xoshiro256StarStar?) {
        precondition(latent.count >= steps, "latent buffer holds \(latent.count) values, needs \(steps)")
        let lambda = posteriorRate / rng.gamma(precisionDraw)
        let s = lambda.squareRoot()
        let z0 = rng.normal(), z1 = rng.normal()
        var level = latentLevel + s * stateFactor.0 * z0
        var slope = latentSlope + s * (stateFactor.1 * z0 + stateFactor.2 * z1)
        let phi = damping
        let levelSD = s * levelRatio, noiseSD = s * noiseRatio
        var meanLevel = latentLevel, meanSlope = latentSlope
        // Sampling noise shares the path's scale draw, so each marginal is exactly the Student-t of latentLocationScale.
        let samplingSD = samplingVariance > 0 ? (samplingVariance * posteriorShape / posteriorRate).squareRoot() * s : 0
        latent.withUnsafeMutableBufferPointer { out in
            for k in 0..<steps {
                let nextLevel = level + slope + levelSD * rng.normal()
                slope = phi * slope + s * rng.normal()
                level = nextLevel
                meanLevel += meanSlope; meanSlope *= phi
                let observationNoise = noise != nil ? noise!.normal() : rng.normal()
                out[k] = meanLevel + Self.conformalFactor(horizonScale, step: k + 1) * (level + noiseSD * observationNoise - meanLevel)
                if samplingSD > 0 { out[k] += samplingSD * (noise != nil ? noise!.normal() : rng.normal()) }
            }
        }
    }
}
