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
    /// `2α + n − 2`).
    public var tailDegreesOfFreedom: Double?
    /// Periods per model step.
    public var stepPeriods: Int
    /// Where the values came from.
    public var source: Source

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
}
