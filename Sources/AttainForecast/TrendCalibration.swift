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

    /// Default variance components for a single unit with no sister units, by latent scale.
    ///
    /// Provenance: pooled minimum-quantile-score fits (``TrendForecaster/calibrate(crossSection:through:)``, window 8,
    /// data through 2000) on the shared real series of `../shared/data/real-series/`: infant survival (logit) for
    /// `logit`, total fertility (log) for `log`; see `docs/calibration.md`. The identity scale borrows the log values,
    /// which assume changes of a few percent a year. The values are per step: for data every `k` periods the trend-change
    /// variance scale is multiplied by `k²` (slopes per step are `k` times larger).
    public static func defaults(for transform: LatentTransform, stepPeriods: Int = 1) -> TrendCalibration {
        var h: TrendHyperparameters
        switch transform {
        case .logit: h = TrendHyperparameters(levelRatio: 0.8, noiseRatio: 0.3, damping: 0.93, scaleShape: 3.5, scaleRate: 1.7e-4)
        case .log, .identity: h = TrendHyperparameters(levelRatio: 0.8, noiseRatio: 0.3, damping: 0.93, scaleShape: 3.5, scaleRate: 1.7e-4)
        }
        let k = Double(max(stepPeriods, 1))
        h.scaleRate *= k * k
        return TrendCalibration(hyperparameters: h, stepPeriods: max(stepPeriods, 1), source: .defaults)
    }
}
