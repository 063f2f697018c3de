import Foundation
import AttainData

/// The dispersion sister units share, estimated from their first-stage fits.
///
/// Shares: the pooled Pearson estimate `φ_g = Σⱼ X²ⱼ / Σⱼ (nⱼ − pⱼ)` (floored at 1 with denominators), handed to each
/// unit's refit as a prior worth ``priorDegreesOfFreedom`` residual degrees of freedom, so a three-point unit (one
/// degree of freedom of its own) mostly uses the group's value and a long unit mostly its own. Counts: a moment
/// estimate of the negative-binomial size θ from every unit's counts, used by units too short to estimate their own.
enum PoolingDispersion {
    static let priorDegreesOfFreedom = 4.0

    /// `φ_g`, or nil when no unit has residual degrees of freedom.
    static func shareDispersion(units: [Series], fits: [String: FitResult]) throws -> Double? {
        var x2 = 0.0, df = 0.0, denominators = true
        for u in units {
            let data = try ShareData(u)
            let f = fits[u.unit]!
            denominators = denominators && data.hasDenominators
            let p = f.effectiveParameterCount - 1
            guard data.count > p else { continue }
            x2 += ShareRegression.pearson(data, fitted: f.fitted)
            df += Double(data.count - p)
        }
        guard df >= 1 else { return nil }
        return denominators ? max(1, x2 / df) : max(x2 / df, 1e-12)
    }

    /// The moment estimate of θ: the root of `Σ (y − μ)²/(μ + μ²/θ) = N − P` over every unit's counts at their
    /// first-stage means (`P` = fitted parameters, so the short units' overfitting does not hide overdispersion);
    /// nil when the Pearson statistic is already below `N − P` at θ = ∞ (no overdispersion) or no count is positive.
    static func negativeBinomialSize(units: [Series], fits: [String: FitResult], exposures: [String: [Double]]) throws -> Double? {
        var y: [Double] = [], mu: [Double] = []
        var parameters = 0
        for u in units {
            let data = try GLM.countData(u, exposure: exposures[u.unit])
            y += data.counts
            mu += fits[u.unit]!.fitted
            parameters += min(2, data.counts.count)
        }
        let df = Double(y.count - parameters)
        guard df >= 1, y.contains(where: { $0 > 0 }) else { return nil }
        func pearson(_ logTheta: Double) -> Double {
            let theta = exp(logTheta)
            return y.indices.reduce(0.0) { total, i in
                let m = max(mu[i], 1e-300), d = y[i] - m
                return total + d * d / (m + m * m / theta)
            }
        }
        let meanCount = y.reduce(0, +) / Double(y.count)
        var lo = log(CountRegression.minimumSize), hi = log(CountRegression.thetaBoundaryFactor * max(meanCount, 1))
        guard pearson(hi) > df else { return nil }
        guard pearson(lo) < df else { return exp(lo) }
        for _ in 0..<200 where hi - lo > 1e-10 {
            let mid = 0.5 * (lo + hi)
            if pearson(mid) > df { hi = mid } else { lo = mid }
        }
        return exp(0.5 * (lo + hi))
    }
}
