import Foundation
import AttainLinearAlgebra

/// Share models on the logit scale: `p(t) = K·logistic(a + r·(t − t_ref))`, fitted by (quasi-)binomial penalised IRLS.
///
/// Variance model: `Var(yᵢ) = φ·pᵢ(1 − pᵢ)/mᵢ`. With numerators and denominators, `mᵢ` is the denominator and
/// `φ = max(1, X²/(n − p))` (quasi-binomial, Pearson `X²`: overdispersion widens the intervals, underdispersion is
/// not trusted). Values-only shares use `mᵢ = 1` and `φ = X²/(n − p)` (a fractional-logit fit: iteratively
/// weighted least squares on the logit scale; values at exactly 0 or 1 need no adjustment). On series of at most
/// `shortSeriesLength` points the values-only φ is blended with a prior guess `φ₀ = 0.0036` (a data-scale sd of
/// 0.03 at p = ½) worth two observations; `GLMOptions.dispersionPrior` replaces that guess (pooling uses the group's). The covariance is `φ(XᵀWX + φP)⁻¹` with `P` the prior precision.
enum ShareRegression {
    static let valuesOnlyDispersionGuess = 0.0036
    static let valuesOnlyDispersionWeight = 2.0

    struct Fitted {
        var solution: GLMSolution
        var trend: GLMTrend
        var phi: Double
        var warnings: [String]
    }

    /// Logit-linear (`K = 1`) share regression.
    static func fitLogitLinear(_ data: ShareData, options: GLMOptions) throws -> FitResult {
        let f = try fitWithFallback(data, ceiling: 1, options: options)
        var result = makeResult(data, f, parameters: f.solution.coefficients,
                                covariance: scaled(f.solution.unscaledCovariance, by: f.phi), estimatedCount: 2)
        result.model = GLMModel.logitLinear.name
        return result
    }

    /// Fits at a fixed ceiling; refits with weak priors when the data are degenerate (all 0 or 1, separation).
    static func fitWithFallback(_ data: ShareData, ceiling k: Double, options: GLMOptions, start: [Double]? = nil) throws -> Fitted {
        let degenerate = data.isDegenerate
        let trend = GLMTrend(times: data.times, options: options, levelGuess: data.levelGuess, degenerate: degenerate,
                             what: "every share is exactly 0 or 1")
        let first = try fitAtCeiling(data, ceiling: k, trend: trend, options: options, start: start)
        guard !degenerate, options.automaticPriors, !first.solution.converged || first.solution.eta.contains(where: { abs($0) >= 25 })
        else { return first }
        let guarded = GLMTrend(times: data.times, options: options, levelGuess: data.levelGuess, degenerate: true, levelSD: 2.5,
                               what: "the shares separate (0 or 1 at one end), so the trend runs off to infinity")
        return try fitAtCeiling(data, ceiling: k, trend: guarded, options: options, start: nil)
    }

    /// Penalised IRLS at ceiling `k`, alternating with the dispersion when priors act (their weight depends on φ).
    static func fitAtCeiling(_ data: ShareData, ceiling k: Double, trend: GLMTrend, options: GLMOptions,
                             start: [Double]?, parameterCount: Int = 2) throws -> Fitted {
        var problem = GLMProblem(design: trend.design, response: data.proportions, weights: data.weights,
                                 offset: [Double](repeating: 0, count: data.count), link: .logit(ceiling: k), variance: .binomial,
                                 priorMean: trend.priorMean, priorPrecision: trend.priorPrecision)
        var s = try GLMEngine.fit(problem, start: start, maxIterations: options.maxIterations, tolerance: options.tolerance)
        var (phi, warnings) = dispersion(data, mean: s.mean, parameterCount: parameterCount, options: options)
        if trend.priorPrecision.contains(where: { $0 > 0 }) {
            for _ in 0..<4 {
                problem.priorPrecision = trend.precision(scaledBy: phi)
                s = try GLMEngine.fit(problem, start: s.coefficients, maxIterations: options.maxIterations, tolerance: options.tolerance)
                let next = dispersion(data, mean: s.mean, parameterCount: parameterCount, options: options)
                let settled = abs(next.phi - phi) <= 1e-6 * phi
                (phi, warnings) = next
                if settled { break }
            }
        }
        return Fitted(solution: s, trend: trend, phi: phi, warnings: trend.warnings + warnings)
    }

    /// The dispersion φ of the variance model (see the type's documentation) and any warning about it.
    static func dispersion(_ data: ShareData, mean: [Double], parameterCount p: Int, options: GLMOptions) -> (phi: Double, warnings: [String]) {
        let n = data.count
        let x2 = pearson(data, fitted: mean)
        let df = Double(n - p)
        let prior = options.dispersionPrior ?? (!data.hasDenominators && options.automaticPriors && n <= options.shortSeriesLength
            ? DispersionPrior(value: valuesOnlyDispersionGuess, degreesOfFreedom: valuesOnlyDispersionWeight) : nil)
        let nu0 = prior.map { max($0.degreesOfFreedom, 0) } ?? 0
        let phi0 = prior?.value ?? 0
        var notes: [String] = []
        var phi: Double
        if max(df, 0) + nu0 > 0 {
            phi = (x2 + nu0 * phi0) / (max(df, 0) + nu0)
            if options.dispersionPrior == nil && nu0 > 0 {
                notes.append("short values-only series: the residual variance is blended with a default worth two observations")
            }
        } else if data.hasDenominators {
            phi = 1
            notes.append("\(n) observations leave no degrees of freedom to estimate overdispersion: binomial variance assumed")
        } else {
            phi = valuesOnlyDispersionGuess
            notes.append("no degrees of freedom for the residual variance: the default φ₀ = \(valuesOnlyDispersionGuess) was assumed")
        }
        phi = data.hasDenominators ? max(phi, 1) : max(phi, 1e-12)
        return (phi, notes)
    }

    /// Pearson `X² = Σ mᵢ(yᵢ − μᵢ)²/(μᵢ(1 − μᵢ))` of fitted shares.
    static func pearson(_ data: ShareData, fitted: [Double]) -> Double {
        (0..<data.count).reduce(0.0) { total, i in
            let d = data.proportions[i] - fitted[i]
            return total + data.weights[i] * d * d / GLMVariance.binomial.variance(fitted[i])
        }
    }

    /// Assembles the ``FitResult`` of a share fit with parameters `[a, r]` or `[K, a, r]`.
    static func makeResult(_ data: ShareData, _ f: Fitted, parameters: [Double], covariance: Matrix,
                           estimatedCount: Int) -> FitResult {
        let n = data.count, mu = f.solution.mean
        var logLikelihood = 0.0
        var sigma: Double? = nil
        if data.hasDenominators {
            let binomial = (0..<n).reduce(0.0) { $0 + GLMVariance.binomial.logLikelihood(data.proportions[$1], mu[$1], weight: data.weights[$1]) }
            logLikelihood = binomial / f.phi
        } else {
            // Gaussian likelihood on the data scale with Var = φ·μ(1−μ), φ at its maximum-likelihood value.
            var x2 = 0.0, logV = 0.0, rss = 0.0
            for i in 0..<n {
                let v = GLMVariance.binomial.variance(mu[i]), d = data.proportions[i] - mu[i]
                x2 += d * d / v
                logV += log(v)
                rss += d * d
            }
            let phiML = max(x2 / Double(n), 1e-12)
            logLikelihood = -0.5 * (Double(n) * log(2 * Double.pi * phiML) + logV + Double(n))
            if n > estimatedCount { sigma = (rss / Double(n - estimatedCount)).squareRoot() }
        }
        let tRef = f.trend.referenceTime
        let hasCeiling = parameters.count == 3
        var warnings = f.warnings
        if !f.solution.converged { warnings.append("IRLS did not converge in \(f.solution.iterations) iterations") }
        var result = FitResult(
            model: GLMModel.logistic(asymptote: nil).name, parameterNames: hasCeiling ? ["K"] + GLMTrend.names : GLMTrend.names,
            parameters: parameters, covariance: covariance, sigma: sigma, dispersion: f.phi, logLikelihood: logLikelihood,
            effectiveParameterCount: estimatedCount + 1, observationCount: n, converged: f.solution.converged,
            iterations: f.solution.iterations, fitted: mu, warnings: warnings,
            mean: hasCeiling
                ? MeanFunction { t, theta in min(max(theta[0], 0), 1) * logisticFunction(theta[1] + theta[2] * (t - tRef)) }
                : MeanFunction { t, theta in logisticFunction(theta[0] + theta[1] * (t - tRef)) })
        result.referenceTime = tRef
        result.deviance = f.solution.deviance
        return result
    }

    /// Every entry of `m` multiplied by `factor`.
    static func scaled(_ m: Matrix, by factor: Double) -> Matrix {
        Matrix(rows: m.rows, columns: m.columns, columnMajor: m.storage.map { $0 * factor })
    }
}
