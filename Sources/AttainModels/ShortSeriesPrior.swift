#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The weakly informative priors that let a growth curve be fitted to a very short series.
///
/// A curve with `p` parameters fitted by least squares to `n ≤ p + 2` points has fewer than three residual
/// degrees of freedom: with `n = p` it interpolates the data and has no noise estimate at all, with `n < p` it is
/// not determined. Rather than refuse (or return a curve that means nothing), the fit then adds these priors as
/// penalty rows (maximum a posteriori), and says so in ``FitResult/warnings``.
///
/// **Noise.** A prior guess `σ₀ = noiseFraction · mean|y|` (5% by default) enters as a scaled-inverse-χ² prior
/// with `noiseDegreesOfFreedom` (2) pseudo-observations: `σ̂² = (RSS + ν₀σ₀²) / (max(n − p, 0) + ν₀)`. With two
/// points and a straight line the spread therefore comes entirely from the prior, which the warning states.
///
/// **Growth.** Rates are per year. Normal priors, centred on "no growth" except where that is degenerate:
/// - `linear`: slope `b ~ N(0, (growthRateScale · mean|y|)²)`, i.e. ±50% of the level a year;
/// - `exponential`: `r ~ N(0, growthRateScale²)`;
/// - `logistic`, `gompertz`, `richards`: `r ~ N(0, (2·growthRateScale)²)`, `t0 ~ N(t̄, (span/2 + 5)²)` (a weak
///   pull of the midpoint toward the data), and for Richards `ln ν ~ N(0, 1)`;
/// - `saturating`: `r ~ N(growthRateScale/2, growthRateScale²)`;
/// - `damped`: `b` as for `linear`, `φ ~ N(0.85, 0.15²)`.
///
/// **Asymptote.** An estimated `K` gets `ln K ~ N(ln(asymptoteMultiplier · y*), asymptoteLogSD²)`, with `y*` the
/// largest observed value (the smallest, and `K` below it, for a falling saturating series): the curve is expected
/// to level off about 50% beyond what has been seen, give or take a factor of e^0.5.
///
/// With three points these priors act alongside the data; with two they dominate. Long series are fitted by plain
/// least squares unless priors are asked for.
public struct ShortSeriesPrior: Sendable, Equatable {
    /// Prior noise SD as a fraction of the mean absolute level.
    public var noiseFraction: Double
    /// Pseudo-observations behind the noise guess.
    public var noiseDegreesOfFreedom: Double
    /// Scale of the growth-rate priors (per year).
    public var growthRateScale: Double
    /// Prior median of the asymptote relative to the most extreme observed value.
    public var asymptoteMultiplier: Double
    /// Prior SD of `ln K`.
    public var asymptoteLogSD: Double

    public init(noiseFraction: Double = 0.05, noiseDegreesOfFreedom: Double = 2, growthRateScale: Double = 0.5,
                asymptoteMultiplier: Double = 1.5, asymptoteLogSD: Double = 0.5) {
        self.noiseFraction = noiseFraction
        self.noiseDegreesOfFreedom = noiseDegreesOfFreedom
        self.growthRateScale = growthRateScale
        self.asymptoteMultiplier = asymptoteMultiplier
        self.asymptoteLogSD = asymptoteLogSD
    }

    /// One penalty row `σ₀·(h(θⱼ) − mean)/sd`, with `h` the identity or `ln`.
    struct Row: Sendable {
        var index: Int
        var logScale: Bool
        var prior: NormalPrior
    }

    /// The rows for `model` on data summarised by `summary` (indices into the full parameter vector).
    func rows(for model: CurveModel, summary: CurveDataSummary, asymptoteFixed: Bool) -> [Row] {
        let g = growthRateScale
        let levelSlope = NormalPrior(mean: 0, standardDeviation: g * max(summary.meanAbsolute, .leastNormalMagnitude))
        var rows: [Row] = []
        if model.hasAsymptote && !asymptoteFixed {
            let falling = model == .saturating && summary.slope < 0
            let extreme = falling ? summary.minimum / asymptoteMultiplier : summary.maximum * asymptoteMultiplier
            if extreme > 0 {
                rows.append(Row(index: 0, logScale: true, prior: NormalPrior(mean: log(extreme), standardDeviation: asymptoteLogSD)))
            }
        }
        switch model {
        case .linear:
            rows.append(Row(index: 1, logScale: false, prior: levelSlope))
        case .exponential:
            rows.append(Row(index: 1, logScale: false, prior: NormalPrior(mean: 0, standardDeviation: g)))
        case .logistic, .gompertz, .richards:
            rows.append(Row(index: 1, logScale: false, prior: NormalPrior(mean: 0, standardDeviation: 2 * g)))
            rows.append(Row(index: 2, logScale: false, prior: NormalPrior(mean: 0, standardDeviation: summary.span / 2 + 5)))
            if model == .richards { rows.append(Row(index: 3, logScale: true, prior: NormalPrior(mean: 0, standardDeviation: 1))) }
        case .saturating:
            rows.append(Row(index: 2, logScale: false, prior: NormalPrior(mean: g / 2, standardDeviation: g)))
        case .damped:
            rows.append(Row(index: 1, logScale: false, prior: levelSlope))
            rows.append(Row(index: 2, logScale: false, prior: NormalPrior(mean: 0.85, standardDeviation: 0.15)))
        }
        return rows
    }

    /// A sentence for ``FitResult/warnings`` naming what the priors did.
    func warning(model: CurveModel, observations n: Int, parameters p: Int) -> String {
        let base = "short series: \(n) point\(n == 1 ? "" : "s") for \(p) parameters of the \(model.rawValue) curve; "
        if n < p || n <= 2 {
            return base + "the estimates are dominated by the default priors (noise ≈ \(Int(noiseFraction * 100))% of the level, "
                + "weak growth-rate and asymptote priors), not by the data; treat them as a rough guess"
        }
        return base + "estimates and standard errors lean on weak default priors (noise ≈ \(Int(noiseFraction * 100))% of the level, "
            + "growth-rate and asymptote priors); collect more periods before relying on them"
    }
}
