import Foundation
import AttainLinearAlgebra

/// Logistic growth of a share toward an asymptote `K ≤ 1`: `p(t) = K·logistic(a + r·(t − t_ref))`.
///
/// For fixed `K` the model is a GLM with link `logit(μ/K)`, fitted by the same penalised IRLS as the logit-linear
/// model. `K` is estimated by maximising the profile likelihood over `[max(0.5·max yᵢ, 0.01), 1]` (a 13-point grid,
/// then golden-section refinement). The covariance of `(K, a, r)` is `φ(Σ mᵢ gᵢgᵢᵀ/Vᵢ + φP)⁻¹` with
/// `gᵢ = ∂μᵢ/∂(K, a, r)` (expected information). Fewer than four points cannot inform `K`: it is then fixed at 1
/// with a warning. The fit's mean clamps `K` into `[0, 1]`, so parameter draws from the normal approximation never
/// give shares above 1. Cost: about 45 small IRLS fits.
enum ShareAsymptote {
    static let minimumPointsForCeiling = 4

    static func fit(_ data: ShareData, ceiling: Double?, options: GLMOptions) throws -> FitResult {
        if let k = ceiling, !(k > 0 && k <= 1) { throw GLMError.invalidCeiling(k) }
        let maxShare = data.proportions.max() ?? 0
        let n = data.count
        var extra: [String] = []
        var k = ceiling ?? 1
        var estimated = false
        if ceiling == nil {
            if n < minimumPointsForCeiling || maxShare == 0 {
                extra.append("\(n) observations cannot inform an asymptote: K fixed at 1 (the logit-linear model)")
            } else {
                k = profileCeiling(data, lower: max(0.5 * maxShare, 0.01), options: options)
                estimated = true
                if k >= 1 - 1e-6 { extra.append("the asymptote is at its bound K = 1: no evidence of a ceiling below 1") }
            }
        }
        var f = try ShareRegression.fitWithFallback(data, ceiling: k, options: options)
        if estimated {
            f = try ShareRegression.fitAtCeiling(data, ceiling: k, trend: f.trend, options: options,
                                                 start: f.solution.coefficients, parameterCount: 3)
        }
        var covariance: Matrix
        if estimated {
            (covariance, extra) = try fullCovariance(data, f, ceiling: k, warnings: extra)
        } else {
            let ar = ShareRegression.scaled(f.solution.unscaledCovariance, by: f.phi)
            covariance = Matrix(rows: 3, columns: 3)
            for i in 0..<2 { for j in 0..<2 { covariance[i + 1, j + 1] = ar[i, j] } }
        }
        f.warnings += extra
        return ShareRegression.makeResult(data, f, parameters: [k] + f.solution.coefficients, covariance: covariance,
                                          estimatedCount: estimated ? 3 : 2)
    }

    /// The `K` maximising the penalised profile likelihood (φ = 1; φ does not move the maximum without priors).
    static func profileCeiling(_ data: ShareData, lower: Double, options: GLMOptions) -> Double {
        guard lower < 1 else { return 1 }
        var start: [Double]? = nil
        let trend = GLMTrend(times: data.times, options: options, levelGuess: data.levelGuess, degenerate: data.isDegenerate, what: "")
        func objective(_ k: Double) -> Double {
                        let problem = GLMProblem(design: trend.design, response: data.proportions, weights: data.weights,
                                     offset: [Double](repeating: 0, count: data.count), link: .logit(ceiling: k),
                                     variance: .binomial, priorMean: trend.priorMean, priorPrecision: trend.priorPrecision)
            // Loose inner fits: the profile only needs the deviance to a few digits more than the grid resolves.
            guard let s = try? GLMEngine.fit(problem, start: start, maxIterations: min(options.maxIterations, 30),
                                             tolerance: max(options.tolerance, 1e-9), finalCovariance: false) else { return -.infinity }
            start = s.coefficients
            return -GLMEngine.penalisedDeviance(problem, s.coefficients, eta: s.eta)
        }
        let steps = 12
        let grid = (0...steps).map { lower + (1 - lower) * Double($0) / Double(steps) }
        let values = grid.map(objective)
        let best = values.indices.max { values[$0] < values[$1] } ?? steps
        let lo = grid[max(best - 1, 0)], hi = grid[min(best + 1, steps)]
        return min(max(GoldenSection.maximise(objective, lower: lo, upper: hi, iterations: 30).x, lower), 1)
    }

    /// `φ(Σ mᵢ gᵢgᵢᵀ/Vᵢ + φP)⁻¹` for `(K, a, r)`; a weak prior on `K` steps in when the information is singular.
    private static func fullCovariance(_ data: ShareData, _ f: ShareRegression.Fitted, ceiling k: Double,
                                       warnings: [String]) throws -> (Matrix, [String]) {
        var info = Matrix(rows: 3, columns: 3)
        let tRef = f.trend.referenceTime
        for i in 0..<data.count {
            let s = logisticFunction(f.solution.eta[i]), mu = f.solution.mean[i]
            let ds = s * (1 - s)
            let g = [s, k * ds, k * ds * (data.times[i] - tRef)]
            let w = data.weights[i] / GLMVariance.binomial.variance(mu)
            for a in 0..<3 { for b in 0..<3 { info[a, b] += w * g[a] * g[b] } }
        }
        for j in 0..<2 { info[j + 1, j + 1] += f.trend.priorPrecision[j] * f.phi }
        var notes = warnings
        var inverse = try? inverseSPD(info)
        if inverse == nil || !(inverse!.isFinite) {
            info[0, 0] += f.phi / (0.25 * 0.25)
            inverse = try? inverseSPD(info)
            notes.append("the data barely inform the asymptote: a weak prior (sd 0.25) on K stabilises its uncertainty")
        }
        guard let inv = inverse, inv.isFinite else { throw GLMError.numericalFailure("information matrix of (K, a, r) is singular") }
        return (ShareRegression.scaled(inv, by: f.phi), notes)
    }
}
