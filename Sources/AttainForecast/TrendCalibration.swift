import AttainData

/// The variance components a ``TrendForecaster`` applies to every unit, and where they came from.
///
/// Learned once per indicator and origin by ``TrendForecaster/calibrate(crossSection:through:)`` (pooled over the
/// units' histories up to the origin) or taken from ``TrendCalibration/defaults(for:stepPeriods:)`` when there is no
/// cross-section to learn from.
public struct TrendCalibration: Sendable, Hashable, Codable {
    /// How the calibration was obtained.
    public enum Source: Sendable, Hashable, Codable {
        /// Pooled over `units` units and `windows` earlier forecast origins, using data up to `through` only.
        case pooled(units: Int, windows: Int, through: String)
        /// The documented defaults for the latent scale (see ``TrendCalibration/defaults(for:stepPeriods:)``).
        case defaults
    }

    /// The variance components.
    public var hyperparameters: TrendHyperparameters
    /// Conformal scale factors `c_h` for steps `h = 1…count` (beyond the last, the last applies): the spread at step `h`
    /// is `c_h` times the model's. Learned from the cross-section's earlier forecasts so every horizon is calibrated
    /// even where the model's growth of uncertainty with the horizon is off; all 1 for the defaults.
    public var horizonScale: [Double]
    /// Degrees of freedom of every predictive marginal when recalibrated from the cross-section (nil: the model's own,
    /// `2α + n − d` with `d` the flat-prior states, ``TrendHyperparameters/diffuseStateCount``).
    public var tailDegreesOfFreedom: Double?
    /// Periods per model step.
    public var stepPeriods: Int
    /// Where the values came from.
    public var source: Source
    /// For one of the ``defaultCandidates(for:stepPeriods:)`` learned from a noisy panel, which panel (nil otherwise).
    public var defaultsName: String?
    /// For sister units too short to learn variances from: the prior probabilities of the default candidates that their
    /// windows show together (``TrendForecaster/calibrate(crossSection:through:)``); each unit then chooses among the
    /// candidates with these prior odds (nil: ``defaultModelPrior(for:stepPeriods:)``).
    public var modelPrior: ModelPrior?

    /// Prior probabilities of the ``TrendCalibration/defaultCandidates(for:stepPeriods:)``, in their order, learned from
    /// the windows of `units` sister units.
    public struct ModelPrior: Sendable, Hashable, Codable {
        /// One probability per candidate (they add to 1).
        public var weights: [Double]
        /// The units whose windows they were learned from.
        public var units: Int
    }
    /// Learned with each count window's own sampling noise added by its size
    /// (``TrendHyperparameters/addingCountNoise(mean:)``); a fit under this calibration adds it the same way.
    public var countSamplingNoise = false

    public init(hyperparameters: TrendHyperparameters, horizonScale: [Double] = [], tailDegreesOfFreedom: Double? = nil,
                stepPeriods: Int, source: Source) {
        self.tailDegreesOfFreedom = tailDegreesOfFreedom
        self.hyperparameters = hyperparameters
        self.horizonScale = horizonScale
        self.stepPeriods = stepPeriods
        self.source = source
    }

    /// Default calibration for a unit with no sister units to learn from, by latent scale and step.
    ///
    /// Provenance: pooled calibrations (``TrendForecaster/calibrate(crossSection:through:)``, window 3, calibration
    /// horizon 10) over the whole shared real series of `../shared/data/real-series/` (see `docs/calibration.md`, which
    /// gives the command that reprints them):
    /// - `logit`, yearly steps: infant survival `1 − IMR/1000`, 106 countries, 1960–2015;
    /// - `log` (and `identity`), yearly steps: total fertility, 135 countries, 1960–2011;
    /// - any scale with steps of several periods: life expectancy (log), 98 countries, 1952–2007 every 5 years.
    /// Window 3 because a plan's own series are often that short (2023–2025): the conformal factors are then those of
    /// 3-observation windows, and a longer single series gets somewhat conservative intervals. These series are smooth
    /// national estimates; small administrative series are noisier, which a unit's own innovations then show (its
    /// trend-change variance is estimated from them, capped at 3σ̂ each), but intervals for a near-straight short
    /// series stay narrow: pool sister units when there are any.
    /// On the identity scale the values assume data of order 1.
    public static func defaults(for transform: LatentTransform, stepPeriods: Int = 1) -> TrendCalibration {
        let step = max(stepPeriods, 1)
        let h: TrendHyperparameters, scale: [Double], tail: Double
        switch (transform, step) {
        case (.logit, 1):
            h = TrendHyperparameters(levelRatio: 0.09554, noiseRatio: 0.07166, damping: 0.99889, scaleShape: 0.5292, scaleRate: 1.703e-5)
            scale = [0.7945, 0.9048, 0.9704, 1.0408, 1.0833, 1.1275, 1.1503, 1.1618, 1.1618, 1.1503]
            tail = 2.5
        case (_, 1):
            h = TrendHyperparameters(levelRatio: 0.9657, noiseRatio: 0.1313, damping: 0.9517, scaleShape: 0.5, scaleRate: 1.009e-5)
            scale = [0.6907, 0.8869, 1.0408, 1.1503, 1.2092, 1.2840, 1.3100, 1.3499, 1.3910, 1.4191]
            tail = 2.5
        default:
            h = TrendHyperparameters(levelRatio: 0.8701, noiseRatio: 0.03663, damping: 0.8522, scaleShape: 1.356, scaleRate: 1.161e-4)
            scale = [0.8106, 0.9048, 0.9324, 1.0, 1.0202, 1.0101, 0.9608, 0.9418, 1.0, 1.0]
            tail = 2.5
        }
        return TrendCalibration(hyperparameters: h, horizonScale: scale, tailDegreesOfFreedom: tail, stepPeriods: step, source: .defaults)
    }

    /// The default calibrations a unit standing alone chooses among, by latent scale and step: the smooth-series
    /// ``defaults(for:stepPeriods:)`` first, then calibrations learned from noisy real panels of that scale.
    ///
    /// A unit with no sister units cannot learn how noisy it is from others, and a few points cannot tell a trend from
    /// noise on their own. So each of these candidates is a whole model learned from a panel of many units (pooled
    /// calibration, window 7, every origin up to the panel's end), and ``TrendForecaster/fit(series:calibration:origin:)``
    /// takes the one under which the unit's own window is most probable (the restricted marginal likelihood, with each
    /// candidate's own prior on the scale of change integrated out). Provenance (`docs/calibration.md` has the command):
    /// - `logit`, yearly: state unemployment rates, 48 US states, 1970–1986 (a share that swings with the business cycle);
    /// - `log(x + 1)` (counts), yearly: murders in the 533 US counties of `county-murders-by-county.csv` averaging 2+ a
    ///   year, 1980–1996 (small, noisy counts), learned with each window's own Poisson sampling noise added by its size
    ///   (``countSamplingNoise``; `attain backtest … --kind count --window 7 --origin 1996` on those counties
    ///   reprints it). A third candidate learned from state disease cases (outbreaks, df 3 tails)
    ///   was tried and dropped: chosen by 62% of county series, its heavy tails pushed five-year sums up by a quarter,
    ///   and the probability study scored counts alone worse with it (Brier 0.219 against 0.216, ECE 0.095 against 0.068).
    /// The prior on a unit's scale of change is weakened to shape ≤ 1 (same typical scale) so that a unit noisier or
    /// steadier than its panel shows it, and so that the choice rests on the shape of the window's movements rather than
    /// on their size (with the panel's own shape, a count that collapsed from thousands to zero was "explained" only by
    /// the smooth defaults' vague prior, which then projected zero with certainty; the study: counts alone Brier 0.216 →
    /// 0.207, ECE 0.068 → 0.060, certain-and-wrong probabilities 188 → 22; smooth shares unchanged).
    /// The noisy candidates start the slope at its stationary law (``TrendHyperparameters/stationarySlope``): their
    /// learned damping sits at the optimiser's bound φ = 0.5 with almost no slope variance, so the slope is a passing
    /// wobble, yet with a flat-prior start a three-point window's first step was carried forward as the unit's own trend
    /// (0, 3, 4 murders → a median of 8.8 five years on). The learned values are kept: learned again with the stationary
    /// start (`attain backtest … --stationary-slope`) they scored worse on the study's large counts at 7 years; the
    /// study with 3-year windows, units alone: Brier 0.219 → 0.189, ECE 0.104 → 0.066 (`docs/probabilities.md`).
    /// Other scales and steps have the smooth defaults only.
    public static func defaultCandidates(for transform: LatentTransform, stepPeriods: Int = 1) -> [TrendCalibration] {
        let smooth = defaults(for: transform, stepPeriods: stepPeriods)
        guard stepPeriods <= 1 else { return [smooth] }
        func learned(_ name: String, _ h: TrendHyperparameters, _ scale: [Double], tail: Double, countNoise: Bool = false) -> TrendCalibration {
            var h = h
            let shape = min(h.scaleShape, 1)
            h.scaleRate *= shape / h.scaleShape
            h.scaleShape = shape
            var c = TrendCalibration(hyperparameters: h, horizonScale: scale, tailDegreesOfFreedom: tail, stepPeriods: 1, source: .defaults)
            c.defaultsName = name
            c.countSamplingNoise = countNoise
            return c
        }
        switch transform {
        case .logit:
            return [smooth, learned("noisy shares (state unemployment rates)",
                                    TrendHyperparameters(levelRatio: 12.444556733481868, noiseRatio: 18.629846296794817, damping: 0.5000180501040351,
                                                         scaleShape: 3830.344258495484, scaleRate: 0.5149895965766347, stationarySlope: true),
                                    [0.794533602503334, 1, 1, 0.8958341352965282, 0.8105842459701871, 0.8693582353988059,
                                     0.9231163463866358, 0.9801986733067553, 1.0618365465453596, 1.1162780704588713], tail: 100)]
        case .log(let offset) where offset == 1:
            return [smooth,
                    learned("small noisy counts (county murders)",
                            TrendHyperparameters(levelRatio: 11634.124625604554, noiseRatio: 217.37796947715532, damping: 0.5000000001044839,
                                                 scaleShape: 10686474581524.963, scaleRate: 1382.7415105140935, stationarySlope: true),
                            [1.1162780704588713, 1.1051709180756477, 1.0941742837052104, 1.0725081812542165, 1.0725081812542165,
                             1.0618365465453596, 1.0512710963760241, 1.0512710963760241, 1.0512710963760241, 1.030454533953517],
                            tail: 15, countNoise: true)]
        default:
            return [smooth]
        }
    }

    /// The prior probabilities of the ``defaultCandidates(for:stepPeriods:)`` for a unit standing alone (no sister units
    /// to learn them from: ``modelPrior``), in their order.
    ///
    /// Counts (`log(x + 1)`): learned the way sister units learn them (empirical Bayes over window evidences,
    /// ``TrendForecaster/calibrate(crossSection:through:)``) from every three-year window of the three count panels in
    /// `../shared/data/real-series/` (5,301 windows averaging 2+ a year: county murders, state and national disease
    /// cases; `scripts/calibration/count_model_prior.py` reprints it). Real counts are almost never the smooth kind:
    /// the smooth defaults get 0.0077 (the murders windows alone: 0.020; the disease panels: below 10⁻⁹). Shares keep
    /// even odds: their two panels are two different populations (state unemployment 0.97 noisy, infant survival
    /// 1.00 smooth), so neither says what a share standing alone is likely to be.
    public static func defaultModelPrior(for transform: LatentTransform, stepPeriods: Int = 1) -> [Double] {
        let count = defaultCandidates(for: transform, stepPeriods: stepPeriods).count
        if transform == .log(offset: 1), count == 2 { return [countSmoothPrior, 1 - countSmoothPrior] }
        return Array(repeating: 1 / Double(count), count: count)
    }

    /// The smooth defaults' prior probability for a count standing alone (``defaultModelPrior(for:stepPeriods:)``).
    static let countSmoothPrior = 0.0077316526447116585
}
