import AttainLinearAlgebra

/// One GLM problem for penalised IRLS: `g(μᵢ) = xᵢᵀβ + offsetᵢ`, independent normal priors on the coefficients.
struct GLMProblem: Sendable {
    var design: Matrix
    var response: [Double]
    /// Prior weights (binomial trials; ones for counts).
    var weights: [Double]
    var offset: [Double]
    var link: GLMLink
    var variance: GLMVariance
    /// Prior means, one per coefficient.
    var priorMean: [Double]
    /// Prior precisions in units of the data's information (zero = flat).
    var priorPrecision: [Double]
}

/// What penalised IRLS found.
struct GLMSolution: Sendable {
    var coefficients: [Double]
    /// `(XᵀWX + P)⁻¹` at the solution.
    var unscaledCovariance: Matrix
    var eta: [Double]
    var mean: [Double]
    /// Data deviance (without the prior's penalty).
    var deviance: Double
    var iterations: Int
    var converged: Bool
    var rank: Int
}

/// Penalised iteratively reweighted least squares (Fisher scoring) on LAPACK.
///
/// Each step solves the weighted least-squares problem for the working response
/// `zᵢ = ηᵢ − offsetᵢ + (yᵢ − μᵢ)/μ'ᵢ` with weights `wᵢ = mᵢ μ'ᵢ²/V(μᵢ)`, augmented by one pseudo-row per prior
/// (`βⱼ = mⱼ` with weight `1/sdⱼ²`), through ``leastSquares(_:_:weights:rcond:)`` (pivoted QR, so a rank-deficient
/// design drops a column instead of failing). A step that raises the penalised deviance is halved up to 30 times.
/// Cost: O(n p²) per iteration; a handful of iterations for well-posed problems.
enum GLMEngine {
    /// Runs IRLS from `start` (or from means near the data). With `finalCovariance` false, the covariance is the one of
    /// the last step's weights (one solve fewer; enough when only the deviance is wanted).
    static func fit(_ problem: GLMProblem, start: [Double]? = nil, maxIterations: Int = 100,
                    tolerance: Double = 1e-10, finalCovariance: Bool = true) throws -> GLMSolution {
        let n = problem.design.rows, p = problem.design.columns
        let link = problem.link
        var eta: [Double]
        var beta: [Double]? = start
        if let s = start {
            eta = linearPredictor(problem, s)
        } else {
            eta = (0..<n).map { link.eta(startingMean(problem, $0)) }
        }
        var objective = Double.infinity
        var converged = false
        var iterations = 0
        var rank = p
        var lastCovariance = Matrix(rows: p, columns: p)
        for iteration in 1...max(1, maxIterations) {
            iterations = iteration
            let (z, w) = workingProblem(problem, eta: eta)
            let solution = try solveAugmented(problem, z, w)
            rank = solution.rank
            lastCovariance = solution.unscaledCovariance
            var candidate = solution.coefficients
            var candidateEta = linearPredictor(problem, candidate)
            var candidateObjective = penalisedDeviance(problem, candidate, eta: candidateEta)
            if let old = beta, candidateObjective > objective * (1 + 1e-12) + 1e-12 {
                for _ in 0..<30 where candidateObjective > objective * (1 + 1e-12) + 1e-12 {
                    candidate = zip(candidate, old).map { 0.5 * ($0 + $1) }
                    candidateEta = linearPredictor(problem, candidate)
                    candidateObjective = penalisedDeviance(problem, candidate, eta: candidateEta)
                }
            }
            let change = abs(candidateObjective - objective)
            beta = candidate
            eta = candidateEta
            let previous = objective
            objective = candidateObjective
            if previous.isFinite, change <= tolerance * (abs(candidateObjective) + 0.1) {
                converged = true
                break
            }
        }
        guard let coefficients = beta, coefficients.allSatisfy({ $0.isFinite }) else {
            throw GLMError.numericalFailure("IRLS produced non-finite coefficients")
        }
        // Covariance at the solution's own weights.
        if finalCovariance {
            let (z, w) = workingProblem(problem, eta: eta)
            lastCovariance = try solveAugmented(problem, z, w).unscaledCovariance
        }
        let mean = eta.map { link.mean($0) }
        let deviance = (0..<n).reduce(0.0) { $0 + problem.variance.deviance(problem.response[$1], mean[$1], weight: problem.weights[$1]) }
        return GLMSolution(coefficients: coefficients, unscaledCovariance: lastCovariance, eta: eta, mean: mean,
                           deviance: deviance, iterations: iterations, converged: converged, rank: rank)
    }

    /// `Xβ + offset`.
    static func linearPredictor(_ problem: GLMProblem, _ beta: [Double]) -> [Double] {
        var eta = problem.design.multiply(beta)
        for i in eta.indices { eta[i] += problem.offset[i] }
        return eta
    }

    /// Data deviance plus `Σ Pⱼ(βⱼ − mⱼ)²`.
    static func penalisedDeviance(_ problem: GLMProblem, _ beta: [Double], eta: [Double]) -> Double {
        var total = 0.0
        for i in eta.indices {
            total += problem.variance.deviance(problem.response[i], problem.link.mean(eta[i]), weight: problem.weights[i])
        }
        for j in beta.indices where problem.priorPrecision[j] > 0 {
            let d = beta[j] - problem.priorMean[j]
            total += problem.priorPrecision[j] * d * d
        }
        return total.isNaN ? .infinity : total
    }

    /// A mean strictly inside the link's range, near the observation.
    private static func startingMean(_ problem: GLMProblem, _ i: Int) -> Double {
        let y = problem.response[i], m = problem.weights[i]
        switch problem.link {
        case .log: return y + 0.1 + (y == 0 ? 0.1 : 0)
        case .logit(let k):
            let p = (m * y + 0.5) / (m + 1)
            return min(max(p, 0.001 * k), 0.999 * k)
        }
    }

    private static func workingProblem(_ problem: GLMProblem, eta: [Double]) -> (z: [Double], w: [Double]) {
        let n = eta.count
        var z = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
        let range = problem.link.etaRange
        for i in 0..<n {
            let e = min(max(eta[i], range.lowerBound), range.upperBound)
            let mu = problem.link.mean(e)
            let d = max(problem.link.derivative(e), 1e-300)
            z[i] = e - problem.offset[i] + (problem.response[i] - mu) / d
            w[i] = problem.weights[i] * d * d / problem.variance.variance(mu)
            if !z[i].isFinite || !w[i].isFinite { z[i] = e - problem.offset[i]; w[i] = 0 }
        }
        return (z, w)
    }

    private static func solveAugmented(_ problem: GLMProblem, _ z: [Double], _ w: [Double]) throws -> LeastSquaresSolution {
        let n = problem.design.rows, p = problem.design.columns
        let priorRows = (0..<p).filter { problem.priorPrecision[$0] > 0 }
        var a = Matrix(rows: n + priorRows.count, columns: p)
        var b = z, weights = w
        for j in 0..<p { for i in 0..<n { a[i, j] = problem.design[i, j] } }
        for (k, j) in priorRows.enumerated() {
            a[n + k, j] = 1
            b.append(problem.priorMean[j])
            weights.append(problem.priorPrecision[j])
        }
        do {
            return try leastSquares(a, b, weights: weights)
        } catch {
            throw GLMError.numericalFailure("weighted least squares failed: \(error)")
        }
    }
}
