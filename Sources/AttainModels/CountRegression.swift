import Foundation
import AttainLinearAlgebra

/// Poisson and negative-binomial regression with a log link, a linear trend in time and exposure offsets.
///
/// `log μᵢ = log Eᵢ + a + r·(tᵢ − t_ref)`. Poisson by penalised IRLS; the negative binomial alternates IRLS for
/// `(a, r)` with a one-dimensional maximisation of the likelihood in `log θ` until θ settles. When the likelihood
/// keeps rising as θ → ∞ (no overdispersion), the Poisson fit is returned with a warning: the boundary of the
/// negative binomial is the Poisson.
enum CountRegression {
    /// θ above `thetaBoundaryFactor · max(mean count, 1)` is treated as the Poisson boundary (extra variance below 1e−6 of μ).
    static let thetaBoundaryFactor = 1e6
    /// The negative binomial needs this many points (two degrees of freedom beyond the trend).
    static let minimumPointsForDispersion = 4
    /// Smallest size θ searched (variance `μ + 10⁴μ²`).
    static let minimumSize = 1e-4

    static func fit(_ data: CountData, model: GLMModel, options: GLMOptions) throws -> FitResult {
        var poisson = try fitWithFallback(data, variance: .poisson, options: options)
        guard model == .negativeBinomial else { return poisson.result }
        if let theta = options.negativeBinomialSize, theta > 0, theta.isFinite {
            var fixed = try fitOnce(data, variance: .negativeBinomial(size: theta), trend: poisson.trend, options: options,
                                    start: poisson.solution.coefficients).result
            fixed.model = GLMModel.negativeBinomial.name
            fixed.dispersion = theta
            fixed.warnings = poisson.result.warnings + ["negative binomial size θ fixed at \(GLMTrend.format(theta)), not estimated"]
            return fixed
        }
        let n = data.counts.count
        guard n >= minimumPointsForDispersion else {
            poisson.result.warnings.append("\(n) observations are too few to estimate overdispersion: the Poisson fit is returned")
            return poisson.result
        }
        let meanCount = data.counts.reduce(0, +) / Double(n)
        guard meanCount > 0 else {
            poisson.result.warnings.append("all counts are zero: overdispersion cannot be estimated, the Poisson fit is returned")
            return poisson.result
        }
        let upper = log(thetaBoundaryFactor * max(meanCount, 1))
        var logTheta = log(max(meanCount, 1))
        var current = poisson
        var iterations = 0
        for _ in 0..<50 {
            iterations += 1
            let mu = current.solution.mean
            let best = GoldenSection.maximise({ lt in
                let v = GLMVariance.negativeBinomial(size: exp(lt))
                return (0..<n).reduce(0.0) { $0 + v.logLikelihood(data.counts[$1], mu[$1], weight: 1) }
            }, lower: log(minimumSize), upper: upper, iterations: 90)
            let step = abs(best.x - logTheta)
            logTheta = best.x
            if logTheta >= upper - 1e-3 { break }
            current = try fitOnce(data, variance: .negativeBinomial(size: exp(logTheta)), trend: current.trend,
                                  options: options, start: current.solution.coefficients)
            if step < 1e-8 { break }
        }
        if logTheta >= upper - 1e-3 {
            poisson.result.warnings.append("negative binomial dispersion at its boundary (θ → ∞): the data show no "
                                           + "overdispersion, so the Poisson fit is returned")
            return poisson.result
        }
        var result = current.result
        if logTheta <= log(minimumSize) + 1e-3 {
            result.warnings.append("negative binomial size θ at its lower bound \(minimumSize): extreme overdispersion, check the data")
        }
        result.model = GLMModel.negativeBinomial.name
        result.dispersion = exp(logTheta)
        result.effectiveParameterCount += 1
        result.iterations += iterations
        return result
    }

    private struct Fitted { var solution: GLMSolution; var trend: GLMTrend; var result: FitResult }

    /// Fits once; if the estimates run off to infinity (zeros at one end, all zeros), refits with weak priors.
    private static func fitWithFallback(_ data: CountData, variance: GLMVariance, options: GLMOptions) throws -> Fitted {
        let total = data.counts.reduce(0, +), exposure = data.exposure.reduce(0, +)
        let levelGuess = log((total + 0.5) / exposure)
        let allZero = total == 0
        let trend = GLMTrend(times: data.times, options: options, levelGuess: levelGuess, degenerate: allZero, what: "all counts are zero")
        let first = try fitOnce(data, variance: variance, trend: trend, options: options, start: nil)
        guard !allZero, options.automaticPriors, isDegenerate(first.solution, data) else { return first }
        let guarded = GLMTrend(times: data.times, options: options, levelGuess: levelGuess, degenerate: true, levelSD: 2.5,
                               what: "the counts drop to zero at one end, so the trend runs off to infinity")
        return try fitOnce(data, variance: variance, trend: guarded, options: options, start: nil)
    }

    /// True when some fitted mean collapses toward zero relative to the data, or IRLS did not converge.
    static func isDegenerate(_ s: GLMSolution, _ data: CountData) -> Bool {
        let meanCount = data.counts.reduce(0, +) / Double(data.counts.count)
        let floor = 1e-9 * max(meanCount, 1e-12)
        return !s.converged || s.mean.contains { $0 < floor } || s.eta.contains { $0 <= GLMLink.log.etaRange.lowerBound + 1 }
    }

    private static func fitOnce(_ data: CountData, variance: GLMVariance, trend: GLMTrend, options: GLMOptions,
                                start: [Double]?) throws -> Fitted {
        let problem = GLMProblem(design: trend.design, response: data.counts,
                                 weights: [Double](repeating: 1, count: data.counts.count),
                                 offset: data.exposure.map { log($0) }, link: .log, variance: variance,
                                 priorMean: trend.priorMean, priorPrecision: trend.priorPrecision)
        let s = try GLMEngine.fit(problem, start: start, maxIterations: options.maxIterations, tolerance: options.tolerance)
        let ll = (0..<data.counts.count).reduce(0.0) { $0 + variance.logLikelihood(data.counts[$1], s.mean[$1], weight: 1) }
        let tRef = trend.referenceTime
        var warnings = data.warnings + trend.warnings
        if !s.converged { warnings.append("IRLS did not converge in \(s.iterations) iterations") }
        var result = FitResult(model: GLMModel.poisson.name, parameterNames: GLMTrend.names, parameters: s.coefficients,
                               covariance: s.unscaledCovariance, sigma: nil, dispersion: nil, logLikelihood: ll,
                               effectiveParameterCount: 2, observationCount: data.counts.count, converged: s.converged,
                               iterations: s.iterations, fitted: s.mean, warnings: warnings,
                               mean: MeanFunction { t, theta in exp(min(theta[0] + theta[1] * (t - tRef), 700)) })
        result.referenceTime = tRef
        result.deviance = s.deviance
        return Fitted(solution: s, trend: trend, result: result)
    }
}
