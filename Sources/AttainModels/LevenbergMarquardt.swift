import AttainLinearAlgebra

/// Levenberg–Marquardt for nonlinear least squares, with Moré's scaling and trust-region control and simple bounds.
///
/// ```swift
/// let lm = LevenbergMarquardt(options: .init(relativeStepTolerance: 1e-15))
/// let result = try lm.minimize(problem, from: start)
/// let covariance = try result.covariance()     // σ²(JᵀJ)⁻¹ from the SVD of J
/// ```
/// Each iteration factors the Jacobian by pivoted Householder QR (LAPACK `dgeqp3`), finds the damping that
/// puts the scaled step `‖D s‖` on the trust-region radius Δ (Moré 1978), and adapts Δ from the ratio of
/// actual to predicted reduction. The scaling `D` is the running maximum of the Jacobian's column norms
/// (Moré's update), which makes the iteration invariant to rescaling the parameters. Bounds are honoured by
/// projecting each trial point onto the box and judging the step actually taken.
///
/// Cost per iteration: one Jacobian, one O(n p²) QR, a few O(p³) damped solves, one residual evaluation per
/// trial step. No allocation after the first iteration.
public struct LevenbergMarquardt: Sendable {
    /// Tolerances and limits. A small reduction of the sum of squares (1e-8, about √ε as in MINPACK) ends the
    /// iteration only once the last step also changed θ by at most 1e-10 relative (scaled), so θ̂ and the fitted values
    /// reach about 10 digits where the data determine them (NIST Rat42, Rat43 through `attain fit`) for one or two
    /// more iterations than the reduction test alone; ``strict`` tightens every test to rounding level and polishes.
    public struct Options: Sendable {
        /// Stop when both the actual and predicted relative reductions of `‖r‖²` fall below this, and the step that
        /// gave them is below ``relativeParameterTolerance``.
        public var relativeReductionTolerance: Double
        /// The largest relative change of the parameters, `‖D s‖ ≤ tolerance · ‖D θ‖` (scaled as the trust region),
        /// with which a small reduction ends the iteration. A reduction test alone places θ̂ only within
        /// `√relativeReductionTolerance` standard errors of the minimum (the sum of squares is flat there); near the
        /// minimum steps shrink quadratically, so one or two more reach this. When steps fall into rounding noise the
        /// iteration still ends (`roundingLimit`).
        public var relativeParameterTolerance: Double
        /// Stop when the trust radius falls below this fraction of `‖D θ‖`.
        public var relativeStepTolerance: Double
        /// Stop when every column of J is nearly orthogonal to r: `max |cos(Jⱼ, r)| ≤ gradientTolerance`.
        public var gradientTolerance: Double
        /// Maximum accepted-or-rejected outer iterations (Jacobian evaluations).
        public var maxIterations: Int
        /// Maximum residual evaluations.
        public var maxEvaluations: Int
        /// Initial trust radius as a multiple of `‖D θ₀‖` (Moré's `factor`, 100 by default).
        public var initialStepBound: Double
        /// Undamped Gauss–Newton steps taken after convergence while they keep shrinking.
        ///
        /// Near the minimum the sum of squares changes by less than its rounding error (`ε·RSS`), so a test on
        /// the reduction can only place θ within about `√ε` standard errors. A Gauss–Newton step is computed
        /// from `Jᵀr` instead and keeps converging below that level; each is kept only if it is shorter than
        /// the one before and leaves `‖r‖` no larger than rounding allows.
        public var polishingSteps: Int

        public init(relativeReductionTolerance: Double = 1e-8, relativeParameterTolerance: Double = 1e-10,
                    relativeStepTolerance: Double = 1e-8, gradientTolerance: Double = 0, maxIterations: Int = 100,
                    maxEvaluations: Int = 200, initialStepBound: Double = 100, polishingSteps: Int = 0) {
            self.relativeReductionTolerance = relativeReductionTolerance
            self.relativeParameterTolerance = relativeParameterTolerance
            self.relativeStepTolerance = relativeStepTolerance
            self.gradientTolerance = gradientTolerance
            self.maxIterations = maxIterations
            self.maxEvaluations = maxEvaluations
            self.initialStepBound = initialStepBound
            self.polishingSteps = polishingSteps
        }

        /// Tolerances at rounding level, generous limits and Gauss–Newton polishing: iterate until the step
        /// cannot change θ.
        public static let strict = Options(relativeReductionTolerance: 1e-15, relativeParameterTolerance: .infinity,
                                           relativeStepTolerance: 1e-15,
                                           gradientTolerance: 0, maxIterations: 5000, maxEvaluations: 10000,
                                           polishingSteps: 8)
    }

    /// Why the iteration stopped.
    public enum Termination: String, Sendable {
        /// Actual and predicted relative reductions of the sum of squares are below tolerance.
        case smallReduction
        /// The trust radius is below tolerance relative to the parameters.
        case smallStep
        /// The residual is (nearly) orthogonal to every column of the Jacobian.
        case smallGradient
        /// The residuals are exactly zero.
        case exactFit
        /// No further reduction is possible in floating point (tolerances tighter than rounding).
        case roundingLimit
        /// The iteration limit was reached first.
        case iterationLimit
        /// The evaluation limit was reached first.
        case evaluationLimit
        /// The Jacobian became non-finite.
        case nonFiniteJacobian

        /// True for the stopping reasons that certify a (local) minimum.
        public var isConvergence: Bool {
            switch self {
            case .smallReduction, .smallStep, .smallGradient, .exactFit, .roundingLimit: return true
            case .iterationLimit, .evaluationLimit, .nonFiniteJacobian: return false
            }
        }
    }

    /// The minimiser found and the quantities needed to judge it.
    public struct Result: Sendable {
        /// The estimates `θ̂`.
        public var parameters: [Double]
        /// `r(θ̂)`.
        public var residuals: [Double]
        /// `J(θ̂)`, `n × p`.
        public var jacobian: Matrix
        /// `‖r(θ̂)‖²`.
        public var residualSumOfSquares: Double
        /// Outer iterations (Jacobian evaluations before the final one).
        public var iterations: Int
        /// Residual evaluations.
        public var evaluations: Int
        /// Why the iteration stopped.
        public var termination: Termination
        /// Whether the stop certifies a minimum.
        public var converged: Bool { termination.isConvergence }
        /// Which parameters ended on a bound.
        public var atBound: [Bool]
        /// `(JᵀJ)⁻¹`, its rank and `‖Q₁ᵀr‖²` at the default `rcond`, computed while the solver's buffers were at hand.
        var normalInverseAtDefault: (matrix: Matrix, rank: Int, explained: Double)?

        /// `(JᵀJ)⁻¹` from the pivoted QR of the column-scaled Jacobian, or its SVD when a pivot falls below
        /// `rcond` (then singular values below `rcond · σ₁` are treated as zero: a pseudo-inverse); `rank` says how
        /// many directions were kept.
        public func unscaledCovariance(rcond: Double = 1e-13) throws -> (matrix: Matrix, rank: Int) {
            let c = try inverse(rcond)
            return (c.matrix, c.rank)
        }

        /// The minimum of `‖r‖²` to first order: `‖r‖² − ‖Q₁ᵀ r‖²`, removing what one more Gauss–Newton step
        /// would. At a converged θ̂ this differs from ``residualSumOfSquares`` only by the effect of rounding θ̂ to
        /// `Double`, which matters when residuals are tiny (NIST Lanczos1: 1e-13 of the response).
        public func linearizedResidualSumOfSquares(rcond: Double = 1e-13) throws -> Double {
            max(0, residualSumOfSquares - (try inverse(rcond)).explained)
        }

        /// `σ² (JᵀJ)⁻¹` with `σ² = RSS/(n − p)`, the RSS taken at the linearised minimum; throws when `n ≤ p`.
        public func covariance(rcond: Double = 1e-13) throws -> Matrix {
            let dof = residuals.count - parameters.count
            guard dof > 0 else { throw LeastSquaresError.noDegreesOfFreedom(observations: residuals.count, parameters: parameters.count) }
            let c = try inverse(rcond)
            var out = c.matrix
            let s2 = max(0, residualSumOfSquares - c.explained) / Double(dof)
            for k in out.storage.indices { out.storage[k] *= s2 }
            return out
        }

        private func inverse(_ rcond: Double) throws -> (matrix: Matrix, rank: Int, explained: Double) {
            if rcond == 1e-13, let cached = normalInverseAtDefault { return cached }
            return try normalInverse(jacobian, rcond: rcond, residuals: residuals)
        }
    }

    /// The tolerances and limits used.
    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Minimises `½‖r(θ)‖²` from `start`, keeping `lower ≤ θ ≤ upper` (either may be omitted).
    ///
    /// Throws ``LeastSquaresError`` when the start is unusable (wrong length, outside the model's domain).
    public func minimize<P: LeastSquaresProblem>(_ problem: P, from start: [Double],
                                                 lower: [Double]? = nil, upper: [Double]? = nil) throws -> Result {
        let n = problem.residualCount, p = problem.parameterCount
        guard p > 0, n > 0 else { throw LeastSquaresError.emptyProblem(observations: n, parameters: p) }
        guard start.count == p else { throw LeastSquaresError.dimensionMismatch("start has \(start.count) values for \(p) parameters") }
        let lo = lower ?? [Double](repeating: -.infinity, count: p)
        let hi = upper ?? [Double](repeating: .infinity, count: p)
        guard lo.count == p, hi.count == p else { throw LeastSquaresError.dimensionMismatch("bounds must have \(p) entries") }
        for j in 0..<p where !(lo[j] <= hi[j]) { throw LeastSquaresError.invalidBounds(parameter: j, lower: lo[j], upper: hi[j]) }
        guard allFinite(start) else { throw LeastSquaresError.nonFiniteStart(parameters: start) }

        var ws = LevenbergMarquardtWorkspace(residualCount: n, parameterCount: p)
        var x = start
        for j in 0..<p { x[j] = min(max(start[j], lo[j]), hi[j]) }
        var f = [Double](repeating: 0, count: n)
        problem.residuals(at: x, into: &f)
        var fnorm = norm(f, n)
        guard fnorm.isFinite else { throw LeastSquaresError.nonFiniteStart(parameters: x) }

        var trial = x, step = x, fTrial = f, grad = x
        var diag = [Double](repeating: 0, count: p)
        var evaluations = 1, iterations = 0
        var delta = 0.0, xnorm = 0.0, par = 0.0
        var termination: Termination? = fnorm == 0 ? .exactFit : nil
        let eps = Double.ulpOfOne

        outer: while termination == nil {
            for k in ws.jac.indices { ws.jac[k] = 0 }
            problem.jacobian(at: x, into: &ws.jac, leadingDimension: ws.m)
            guard allFinite(ws.jac) else { termination = .nonFiniteJacobian; break }
            holdActiveBounds(&ws, x: x, f: f, lo: lo, hi: hi)
            guard ws.factor() else { termination = .nonFiniteJacobian; break }
            ws.applyQTranspose(f)
            if iterations == 0 {
                for j in 0..<p { diag[j] = ws.columnNorms[j] == 0 ? 1 : ws.columnNorms[j] }
                xnorm = scaledNorm(diag, x)
                delta = options.initialStepBound * xnorm
                if delta == 0 { delta = options.initialStepBound }
            }
            // Scaled gradient over the free parameters (held ones have zero columns).
            ws.gradient(into: &grad)
            var gnorm = 0.0
            for j in 0..<p where ws.columnNorms[j] != 0 {
                gnorm = max(gnorm, abs(grad[j] / fnorm) / ws.columnNorms[j])
            }
            if gnorm <= options.gradientTolerance { termination = .smallGradient; break }
            for j in 0..<p { diag[j] = max(diag[j], ws.columnNorms[j]) }

            var ratio = 0.0
            repeat {
                par = ws.levenbergMarquardtParameter(diag: diag, delta: delta, par: par)
                var projected = false
                for j in 0..<p {
                    let t = x[j] - ws.x[j]
                    let c = min(max(t, lo[j]), hi[j])
                    if c != t { projected = true }
                    trial[j] = c
                    step[j] = c - x[j]
                }
                let pnorm = scaledNorm(diag, step)
                if iterations == 0 { delta = min(delta, pnorm) }
                problem.residuals(at: trial, into: &fTrial)
                evaluations += 1
                var fnorm1 = norm(fTrial, n)
                if !fnorm1.isFinite { fnorm1 = .infinity }
                let actred = 0.1 * fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) * (fnorm1 / fnorm) : -1
                let terms = ws.modelTerms(step)
                // ‖J s‖² + 2λ‖Ds‖² for the exact LM step (no cancellation); the direct form for a projected one.
                let prered: Double, dirder: Double
                if projected {
                    prered = -(2 * terms.fjv + terms.jvSquared) / (fnorm * fnorm)
                    dirder = terms.fjv / (fnorm * fnorm)
                } else {
                    let t1 = terms.jvSquared / (fnorm * fnorm)
                    let t2 = par * pnorm * pnorm / (fnorm * fnorm)
                    prered = t1 + 2 * t2
                    dirder = -(t1 + t2)
                }
                ratio = prered > 0 ? actred / prered : 0
                if ratio <= 0.25 {
                    var shrink = actred >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actred)
                    if 0.1 * fnorm1 >= fnorm || shrink < 0.1 || !shrink.isFinite { shrink = 0.1 }
                    delta = shrink * min(delta, pnorm / 0.1)
                    par /= shrink
                } else if par == 0 || ratio >= 0.75 {
                    delta = pnorm / 0.5
                    par *= 0.5
                }
                if ratio >= 1e-4 {
                    swap(&x, &trial)
                    swap(&f, &fTrial)
                    xnorm = scaledNorm(diag, x)
                    fnorm = fnorm1
                    iterations += 1
                }
                if fnorm == 0 { termination = .exactFit }
                else if abs(actred) <= options.relativeReductionTolerance && prered <= options.relativeReductionTolerance && 0.5 * ratio <= 1
                            && pnorm <= options.relativeParameterTolerance * xnorm {
                    termination = .smallReduction
                } else if delta <= options.relativeStepTolerance * xnorm || pnorm == 0 {
                    termination = .smallStep
                } else if abs(actred) <= eps && prered <= eps && 0.5 * ratio <= 1 {
                    termination = .roundingLimit
                } else if delta <= eps * xnorm || gnorm <= eps {
                    termination = .roundingLimit
                } else if evaluations >= options.maxEvaluations {
                    termination = .evaluationLimit
                } else if iterations >= options.maxIterations {
                    termination = .iterationLimit
                }
                if termination != nil { break outer }
            } while ratio < 1e-4
        }

        if termination?.isConvergence == true && fnorm > 0 && options.polishingSteps > 0 {
            evaluations += polish(problem, &ws, x: &x, f: &f, fnorm: &fnorm, diag: diag, lo: lo, hi: hi)
        }

        // The working Jacobian holds QR factors by now: evaluate J(θ̂) afresh for the covariance.
        for k in ws.jac.indices { ws.jac[k] = 0 }
        problem.jacobian(at: x, into: &ws.jac, leadingDimension: ws.m)
        var jacobian = Matrix(rows: n, columns: p)
        for j in 0..<p { for i in 0..<n { jacobian[i, j] = ws.jac[i + j * ws.m] } }
        let finite = jacobian.isFinite
        if !finite, termination?.isConvergence == true { termination = .nonFiniteJacobian }
        var atBound = [Bool](repeating: false, count: p)
        for j in 0..<p { atBound[j] = x[j] <= lo[j] || x[j] >= hi[j] }
        return Result(parameters: x, residuals: f, jacobian: jacobian, residualSumOfSquares: fnorm * fnorm,
                      iterations: iterations, evaluations: evaluations, termination: termination ?? .iterationLimit,
                      atBound: atBound,
                      normalInverseAtDefault: finite ? normalInverseByQR(&ws, rcond: 1e-13, residuals: f) : nil)
    }

    /// Gauss–Newton steps after convergence, each shortened by a secant search on the directional derivative
    /// `φ'(α) = r(θ+αd)ᵀ J(θ+αd) d`, which resolves the minimum far below the `√ε` limit of comparing sums of
    /// squares and turns GN's slow oscillation on large-residual problems into fast convergence.
    /// Returns the number of residual evaluations used.
    private func polish<P: LeastSquaresProblem>(_ problem: P, _ ws: inout LevenbergMarquardtWorkspace, x: inout [Double],
                                                f: inout [Double], fnorm: inout Double, diag: [Double],
                                                lo: [Double], hi: [Double]) -> Int {
        let n = ws.n, p = ws.p, m = ws.m, eps = Double.ulpOfOne
        var d = x, y = x, fy = f
        var evaluations = 0, previous = Double.infinity
        for _ in 0..<options.polishingSteps {
            for k in ws.jac.indices { ws.jac[k] = 0 }
            problem.jacobian(at: x, into: &ws.jac, leadingDimension: m)
            holdActiveBounds(&ws, x: x, f: f, lo: lo, hi: hi)
            guard allFinite(ws.jac), ws.factor() else { break }
            ws.applyQTranspose(f)
            ws.dampedSolve(diag: diag, sqrtPar: 0)
            for j in 0..<p { d[j] = min(max(x[j] - ws.x[j], lo[j]), hi[j]) - x[j] }
            let size = scaledNorm(diag, d)
            let slope0 = ws.modelTerms(d).fjv
            guard size > eps * scaledNorm(diag, x), size < previous, slope0 < 0 else { break }
            for j in 0..<p { y[j] = x[j] + d[j] }
            problem.residuals(at: y, into: &fy)
            for k in ws.jac.indices { ws.jac[k] = 0 }
            problem.jacobian(at: y, into: &ws.jac, leadingDimension: m)
            var slope1 = 0.0
            for i in 0..<n {
                var jd = 0.0
                for j in 0..<p { jd += ws.jac[i + j * m] * d[j] }
                slope1 += fy[i] * jd
            }
            let alpha = slope1.isFinite && slope1 > 0 ? max(0.1, min(1, slope0 / (slope0 - slope1))) : 1
            for j in 0..<p { y[j] = min(max(x[j] + alpha * d[j], lo[j]), hi[j]) }
            problem.residuals(at: y, into: &fy)
            evaluations += 2
            let fnorm1 = norm(fy, n)
            guard fnorm1 <= fnorm * (1 + 16 * eps) else { break }
            swap(&x, &y)
            swap(&f, &fy)
            fnorm = fnorm1
            previous = size
        }
        return evaluations
    }
}

/// Active set: a parameter on a bound whose gradient pushes it outward is held there (its Jacobian column zeroed);
/// a parameter whose bounds coincide is held always (a fixed parameter).
@inline(__always) func holdActiveBounds(_ ws: inout LevenbergMarquardtWorkspace, x: [Double], f: [Double], lo: [Double], hi: [Double]) {
    for j in 0..<ws.p where x[j] <= lo[j] || x[j] >= hi[j] {
        var g = 0.0
        if lo[j] < hi[j] { for i in 0..<ws.n { g += ws.jac[i + j * ws.m] * f[i] } }
        if lo[j] == hi[j] || (x[j] <= lo[j] && g > 0) || (x[j] >= hi[j] && g < 0) {
            for i in 0..<ws.n { ws.jac[i + j * ws.m] = 0 }
        }
    }
}

/// Whether every entry is finite (a plain loop: `allSatisfy(\.isFinite)` goes through a key path per element).
@inline(__always) func allFinite(_ v: [Double]) -> Bool {
    for x in v where !x.isFinite { return false }
    return true
}

/// Euclidean norm of the first `n` entries, scaled against overflow only when needed.
@inline(__always) func norm(_ v: [Double], _ n: Int) -> Double {
    var sum = v.withUnsafeBufferPointer { v in
        var sum = 0.0
        for i in 0..<n { sum += v[i] * v[i] }
        return sum
    }
    if sum.isFinite && sum > 1e-280 { return sum.squareRoot() }
    var scale = 0.0
    for i in 0..<n { scale = max(scale, abs(v[i])) }
    guard scale > 0, scale.isFinite else { return scale == 0 ? 0 : .infinity }
    sum = 0
    for i in 0..<n { let t = v[i] / scale; sum += t * t }
    return scale * sum.squareRoot()
}

@inline(__always) func scaledNorm(_ d: [Double], _ v: [Double]) -> Double {
    var sum = 0.0
    for j in v.indices { let t = d[j] * v[j]; sum += t * t }
    return sum.squareRoot()
}
