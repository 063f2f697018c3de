import AttainLinearAlgebra

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Turns a solved curve problem into a ``FitResult``: reported parameters, covariance, σ, likelihood, warnings.
///
/// Covariance: plain least squares gives `σ̂²(JᵀJ)⁻¹` with `σ̂² = RSS/(n − p)`; with priors, the Laplace
/// approximation `(JᵀJ/σ̂² + Σ h'ⱼ²/sdⱼ²)⁻¹` with the prior-informed `σ̂` of ``ShortSeriesPrior``. Both come from
/// the SVD of the (augmented, column-scaled) Jacobian, never from inverting `JᵀJ`. The log-likelihood is Gaussian
/// on the data scale (the log-linear fit adds the Jacobian `−Σ ln yᵢ`), so AICc compares families fairly.
struct CurveFitAssembly {
    let spec: CurveSpec
    let kernel: CurveModel
    let problem: CurveProblem
    let result: LevenbergMarquardt.Result
    let times: [Double]
    let values: [Double]
    let weights: [Double]?
    let referenceTime: Double
    let usePriors: Bool
    let sigma0: Double
    let prior: ShortSeriesPrior

    func fitResult() throws -> FitResult {
        let n = values.count
        let theta = result.parameters
        let fixedK = spec.asymptote
        let free = Array((fixedK == nil ? 0 : 1)..<theta.count)
        let pFree = free.count
        let dof = n - pFree
        let packed = CurveModel.pack(theta)
        var fitted = [Double](repeating: 0, count: n)
        var rss = 0.0, dataRSS = 0.0, sumLogW = 0.0, sumLogY = 0.0, sumAbsY = 0.0
        for i in 0..<n {
            sumAbsY += abs(problem.y[i])
            let v = kernel.value(problem.s[i], packed)
            fitted[i] = spec.logScale ? exp(v) : v
            let w = weights?[i] ?? 1
            rss += w * (problem.y[i] - v) * (problem.y[i] - v)
            dataRSS += w * (values[i] - fitted[i]) * (values[i] - fitted[i])
            if weights != nil, w > 0 { sumLogW += log(w) }
            if spec.logScale { sumLogY += log(values[i]) }
        }

        // Residual variance: data alone, or data plus the prior's pseudo-observations.
        let sigma2: Double
        if usePriors {
            sigma2 = (rss + prior.noiseDegreesOfFreedom * sigma0 * sigma0) / (Double(max(dof, 0)) + prior.noiseDegreesOfFreedom)
        } else {
            sigma2 = dof > 0 ? rss / Double(dof) : 0
        }

        var cov: Matrix, rank: Int
        if !usePriors && fixedK == nil, let cached = try? result.unscaledCovariance(rcond: 1e-13), cached.rank == pFree {
            // Plain least squares over every parameter: σ̂²(JᵀJ)⁻¹ from the solver's own factorisation.
            cov = cached.matrix
            rank = cached.rank
            for k in cov.storage.indices { cov.storage[k] *= sigma2 }
        } else {
            // Augmented Jacobian over the free parameters: data rows / σ̂, prior rows / σ₀.
            let rows = problem.residualCount
            var a = Matrix(rows: rows, columns: pFree)
            let dataScale = sigma2 > 0 ? 1 / sigma2.squareRoot() : 1
            for (c, j) in free.enumerated() {
                for i in 0..<rows {
                    a[i, c] = result.jacobian[i, j] * (i < n ? dataScale : 1 / sigma0)
                }
            }
            (cov, rank, _) = try normalInverse(a, rcond: 1e-12)
            if sigma2 == 0 && !usePriors { cov = Matrix(rows: pFree, columns: pFree) }
        }

        // Reported parameters: sigmoid midpoints in calendar years, the log-linear level back on the data scale.
        var reported = free.map { theta[$0] }
        var names = free.map { kernel.parameterNames[$0] }
        if spec.logScale {
            names = CurveModel.exponential.parameterNames
            let level = exp(reported[0])
            reported[0] = level
            for j in 0..<pFree { cov[0, j] *= level; cov[j, 0] *= level }
        }
        if !spec.model.usesReferenceTime, let k = names.firstIndex(of: "t0") { reported[k] += referenceTime }

        // Gaussian log-likelihood at the ML variance (floored so an exact fit stays finite).
        // In logs, so that neither an exact fit nor levels of 1e-300 reach log(0): σ²_ML ≥ (1e-10 · mean|y|)².
        let scale = max(sumAbsY / Double(n), .leastNormalMagnitude)
        let logVariance = max(log(rss / Double(n)), 2 * (log(scale) + log(1e-10)))
        let logLikelihood = 0.5 * sumLogW - 0.5 * Double(n) * (log(2 * Double.pi) + logVariance + 1) - sumLogY

        let sigma: Double
        if spec.logScale {
            sigma = (dataRSS / Double(max(dof, 1))).squareRoot()
        } else {
            sigma = sigma2.squareRoot()
        }

        var warnings: [String] = []
        if usePriors { warnings.append(prior.warning(model: spec.model, observations: n, parameters: pFree)) }
        if !result.converged {
            warnings.append("the \(spec.model.rawValue) fit did not converge (\(result.termination.rawValue)); estimates are the best found")
        }
        for (c, j) in free.enumerated() where result.atBound[j] {
            warnings.append("\(names[c]) = \(reported[c]) is on its bound: the data push the \(spec.model.rawValue) curve to a limiting case")
        }
        if rank < pFree {
            warnings.append("the data do not determine all \(pFree) parameters of the \(spec.model.rawValue) curve (rank \(rank)); standard errors are not reliable")
        }

        return FitResult(model: spec.model.rawValue, parameterNames: names, parameters: reported,
                         covariance: cov, sigma: sigma, logLikelihood: logLikelihood, effectiveParameterCount: pFree + 1,
                         observationCount: n, converged: result.converged, iterations: result.iterations, fitted: fitted,
                         warnings: warnings, mean: meanFunction(), referenceTimeIfUsed: spec.model.usesReferenceTime ? referenceTime : nil)
    }

    /// `μ(t; θ_reported)` on the data scale.
    private func meanFunction() -> MeanFunction {
        let model = kernel, tref = referenceTime, fixedK = spec.asymptote, logScale = spec.logScale
        let calendarMidpoint = !spec.model.usesReferenceTime
        return MeanFunction { t, reported in
            var th = reported
            if logScale { th[0] = log(th[0]) }
            if calendarMidpoint { th[th.count - (model == .richards ? 2 : 1)] -= tref }
            if let k = fixedK { th.insert(k, at: 0) }
            let v = model.value(t - tref, th)
            return logScale ? exp(v) : v
        }
    }
}

extension FitResult {
    /// A fit with `referenceTime` set (nil when the parameters do not refer to one).
    init(model: String, parameterNames: [String], parameters: [Double], covariance: Matrix, sigma: Double?,
         logLikelihood: Double, effectiveParameterCount: Int, observationCount: Int, converged: Bool, iterations: Int,
         fitted: [Double], warnings: [String], mean: MeanFunction, referenceTimeIfUsed: Double?) {
        self.init(model: model, parameterNames: parameterNames, parameters: parameters, covariance: covariance, sigma: sigma,
                  logLikelihood: logLikelihood, effectiveParameterCount: effectiveParameterCount,
                  observationCount: observationCount, converged: converged, iterations: iterations, fitted: fitted,
                  warnings: warnings, mean: mean)
        self.referenceTime = referenceTimeIfUsed
    }
}
