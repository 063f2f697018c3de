import AttainData
import AttainRandom
@testable import AttainForecast

/// A cross-section simulated from the local-trend model itself, so the true variance components are known.
///
/// Unit `i` draws its trend-change variance `λ_i ~ InverseGamma(shape, rate)`, a starting level and slope, then runs
/// the recursion of ``TrendHyperparameters`` for `years` steps; values are on the latent scale, mapped to data by
/// `transform`.
func syntheticPanel(units: Int, years: Int, truth: TrendHyperparameters, transform: LatentTransform = .identity,
                    kind: IndicatorKind = .level, firstYear: Int = 1990, seed: UInt64 = 7) -> [Series] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<units).map { i in
        let lambda = truth.scaleRate / rng.gamma(shape: truth.scaleShape, scale: 1)
        let s = lambda.squareRoot()
        var level = 0.5 * rng.normal(), slope = 0.05 + 0.03 * rng.normal()
        var values = [Double]()
        for _ in 0..<years {
            values.append(transform.toData(level + s * truth.noiseRatio * rng.normal()))
            let next = level + slope + s * truth.levelRatio * rng.normal()
            slope = truth.damping * slope + s * rng.normal()
            level = next
        }
        return Series(unit: "U\(i)", indicator: "x", kind: kind, firstYear: firstYear, values: values)
    }
}
