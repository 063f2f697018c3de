import Foundation
import AttainLinearAlgebra

/// The exact (diffuse-start) posterior of the local-trend state at an origin, as linear maps of a window's values.
///
/// For observations at grid steps `s₁ < … < sₙ ≤ T` the latent process is `μ_t = a + b·S_t + d_t`, where `(a, b)` is
/// the unknown (flat-prior) initial level and slope, `S_t = 1 + φ + … + φ^{t−1}`, and `d_t` the zero-started
/// disturbance process of ``TrendHyperparameters`` with `λ = 1`. With ``TrendHyperparameters/stationarySlope`` the
/// initial slope `b` is instead `N(0, 1/(1 − φ²))`, the damped slope's stationary law, and joins the disturbances:
/// only `a` is estimated, and a short window's first steps are not read as a slope of the unit's own. Generalised
/// least squares for the flat-prior states plus kriging of the disturbances gives, with `S` the covariance of the
/// observations:
/// - the state mean at `T`, `(μ_T, β_T) = K y` (``gain``);
/// - its covariance (``stateCovariance``, to be multiplied by `λ`);
/// - the `n − 2` (stationary slope: `n − 1`) standardised one-step innovations `w = R y` (``innovations``: the recursive residuals of the
///   whitened regression, which are what a diffuse Kalman filter's standardised innovations are), i.i.d. `N(0, λ)`
///   under the model, whose sum of squares is the generalised residual sum of squares `q`;
/// - `log det S + log det(XᵀS⁻¹X)` for the restricted likelihood.
/// This equals a Kalman filter with a diffuse initial state (or a diffuse level and a stationary slope). Cost O(n³)
/// once per observation pattern; every window with that pattern then costs O(n²).
struct LocalTrendDesign: Sendable {
    /// Number of observations.
    let count: Int
    /// Number of standardised innovations, `count` less the flat-prior regressors (2, or 1 with a stationary slope).
    let innovationCount: Int
    /// `K`, 2 × n row-major: row 0 gives the level, row 1 the slope.
    let gain: [Double]
    /// `R`, ``innovationCount`` × n row-major: the standardised innovations as linear maps of the window.
    let innovations: [Double]
    /// `(P₀₀, P₀₁, P₁₁)` of the state covariance at the origin, per unit `λ`.
    let stateCovariance: (Double, Double, Double)
    /// `log det S + log det(XᵀS⁻¹X)`.
    let logDeterminant: Double

    /// The design for observations at `steps` (ascending, ≥ 0) and the origin at `originStep ≥ steps.last`.
    ///
    /// `knownNoise` (empty, or one per observation) adds variance per unit `λ` to each observation's own noise: the
    /// known sampling noise of a counted share divided by the `λ` it is weighed at (``ScaleIntegral``).
    init(_ h: TrendHyperparameters, steps: [Int], originStep: Int, knownNoise: [Double] = []) throws {
        let n = steps.count
        precondition(n >= 2 && originStep >= steps[n - 1], "design needs two observations before the origin")
        precondition(knownNoise.isEmpty || knownNoise.count == n, "one known noise variance per observation")
        let phi = h.damping, q11 = h.levelRatio * h.levelRatio, noise = h.noiseRatio * h.noiseRatio
        // With a stationary slope start, the initial slope is N(0, v) with v = 1/(1 − φ²) per λ (part of the
        // disturbances) and only the level is a flat-prior regressor.
        let p = h.diffuseStateCount
        let v = p == 1 ? 1 / (1 - phi * phi) : 0
        let gridCount = originStep + 1
        // Powers and partial sums of φ, and the disturbance state covariance P_t (P_0 = 0).
        var powers = [Double](repeating: 1, count: gridCount + 1), sums = [Double](repeating: 0, count: gridCount + 1)
        for k in 1...gridCount { powers[k] = powers[k - 1] * phi; sums[k] = sums[k - 1] + powers[k - 1] }
        var p00 = [Double](repeating: 0, count: gridCount), p01 = p00, p11 = p00
        for t in 1..<gridCount {
            let a = p00[t - 1], b = p01[t - 1], c = p11[t - 1]
            // T P Tᵀ + Q with T = [[1, 1], [0, φ]], Q = diag(q11, 1).
            p00[t] = a + 2 * b + c + q11
            p01[t] = phi * (b + c)
            p11[t] = phi * phi * c + 1
        }
        // Observation covariance S (n × n) and regressors X (n × p).
        var s = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in i..<n {
                let t = steps[i], k = steps[j] - t
                let value = p00[t] + sums[k] * p01[t] + (i == j ? noise + (knownNoise.isEmpty ? 0 : knownNoise[i]) : 0) + v * sums[t] * sums[steps[j]]
                s[i, j] = value; s[j, i] = value
            }
        }
        let chol = try Cholesky(s)
        let sInv = try chol.inverse()
        var x = Matrix(rows: n, columns: p)
        for i in 0..<n { x[i, 0] = 1; if p == 2 { x[i, 1] = sums[steps[i]] } }
        let sInvX = sInv * x                                    // n × p
        let g = Matrix.product(x, sInvX, transposeA: true)      // p × p
        let (gInv, gDet) = try Self.inverse(g)
        let b = Matrix.product(gInv, sInvX, transposeB: true)   // p × n: θ̂ = B y
        // Ω = S⁻¹ − S⁻¹ X B (for the state mean).
        var omega = sInv
        let sxb = sInvX * b
        for i in 0..<n { for j in 0..<n { omega[i, j] -= sxb[i, j] } }
        innovations = Self.recursiveResiduals(lower: chol.lower, x: x)
        // Covariance of the origin state with the observations, C (2 × n), and the origin's regressors X_T (2 × p).
        let tOrigin = originStep
        var c = Matrix(rows: 2, columns: n)
        for j in 0..<n {
            let t = steps[j], k = tOrigin - t
            c[0, j] = p00[t] + sums[k] * p01[t] + v * sums[tOrigin] * sums[t]
            c[1, j] = powers[k] * p01[t] + v * powers[tOrigin] * sums[t]
        }
        let xT = p == 2 ? Matrix(rowMajor: [[1, sums[tOrigin]], [0, powers[tOrigin]]]) : Matrix(rowMajor: [[1], [0]])
        var k = xT * b                                          // 2 × n
        let cOmega = c * omega
        for i in 0..<2 { for j in 0..<n { k[i, j] += cOmega[i, j] } }
        let cSInv = c * sInv                                    // 2 × n
        let cSc = Matrix.product(cSInv, c, transposeB: true)    // 2 × 2
        var r = xT
        let cSx = cSInv * x
        for i in 0..<2 { for j in 0..<p { r[i, j] -= cSx[i, j] } }
        let rgr = r * Matrix.product(gInv, r, transposeB: true)
        let v00 = p00[tOrigin] + v * sums[tOrigin] * sums[tOrigin] - cSc[0, 0] + rgr[0, 0]
        let v01 = p01[tOrigin] + v * sums[tOrigin] * powers[tOrigin] - cSc[0, 1] + rgr[0, 1]
        let v11 = p11[tOrigin] + v * powers[tOrigin] * powers[tOrigin] - cSc[1, 1] + rgr[1, 1]
        count = n
        innovationCount = n - p
        gain = (0..<2).flatMap { i in (0..<n).map { k[i, $0] } }
        stateCovariance = (max(v00, 0), v01, max(v11, 0))
        logDeterminant = chol.logDeterminant + Foundation.log(gDet)
    }

    /// The inverse and determinant of a 1 × 1 or 2 × 2 positive definite matrix.
    private static func inverse(_ g: Matrix) throws -> (Matrix, Double) {
        if g.rows == 1 {
            guard g[0, 0] > 0, g[0, 0].isFinite else { throw LinearAlgebraError.singular(position: 1) }
            return (Matrix(rowMajor: [[1 / g[0, 0]]]), g[0, 0])
        }
        let det = g[0, 0] * g[1, 1] - g[0, 1] * g[1, 0]
        guard det > 0, det.isFinite else { throw LinearAlgebraError.singular(position: 2) }
        return (Matrix(rowMajor: [[g[1, 1] / det, -g[0, 1] / det], [-g[1, 0] / det, g[0, 0] / det]]), det)
    }

    /// `(level, slope, q)` for window values `y` (count ``count``), where `q` sums the squared innovations, each
    /// capped at `cap` (winsorised: a one-off jump counts as a large but bounded innovation; `.infinity` gives the
    /// exact generalised residual sum of squares).
    @inline(__always)
    func apply(_ y: UnsafeBufferPointer<Double>, cap: Double = .infinity) -> (level: Double, slope: Double, q: Double) {
        let n = count
        var level = 0.0, slope = 0.0, q = 0.0
        gain.withUnsafeBufferPointer { k in
            innovations.withUnsafeBufferPointer { r in
                for j in 0..<n { level += k[j] * y[j]; slope += k[n + j] * y[j] }
                for i in 0..<innovationCount {
                    var w = 0.0
                    for j in 0..<n { w += r[i * n + j] * y[j] }
                    q += min(w * w, cap)
                }
            }
        }
        return (level, slope, q)
    }

    /// The recursive residuals of regressing `L⁻¹y` on `L⁻¹X` (Brown, Durbin & Evans 1975), as an (n − p) × n
    /// row-major map of `y` for p = 1 or 2 regressors: `w_i = (z_i − a_iᵀ θ̂_{i−1}) / √(1 + a_iᵀ (A_{i−1}ᵀ A_{i−1})⁻¹ a_i)`
    /// for `i = p + 1…n`.
    private static func recursiveResiduals(lower l: Matrix, x: Matrix) -> [Double] {
        let n = l.rows, p = x.columns
        // M = L⁻¹ (forward substitution, column by column), A = M X.
        var m = Matrix(rows: n, columns: n)
        for c in 0..<n {
            for i in c..<n {
                var v = i == c ? 1.0 : 0.0
                for k in c..<i { v -= l[i, k] * m[k, c] }
                m[i, c] = v / l[i, i]
            }
        }
        let a = m * x
        func row(_ i: Int) -> (Double, Double) { (a[i, 0], p == 2 ? a[i, 1] : 0) }
        var out = [Double](repeating: 0, count: (n - p) * n)
        var g = (0.0, 0.0, 0.0)                 // A_{i−1}ᵀ A_{i−1}, symmetric (2 × 2, or its first entry)
        for i in 0..<p { let (a0, a1) = row(i); g.0 += a0 * a0; g.1 += a0 * a1; g.2 += a1 * a1 }
        for i in p..<n {
            let (a0, a1) = row(i)
            // u = G⁻¹ a_i.
            let u0: Double, u1: Double
            if p == 2 {
                let det = g.0 * g.2 - g.1 * g.1
                u0 = (g.2 * a0 - g.1 * a1) / det; u1 = (g.0 * a1 - g.1 * a0) / det
            } else {
                u0 = a0 / g.0; u1 = 0
            }
            let f = (1 + a0 * u0 + a1 * u1).squareRoot()
            // w_i = (z_i − uᵀ Σ_{k<i} a_k z_k) / f with z = M y.
            for j in 0..<n {
                var v = m[i, j]
                for k in 0..<i { let (b0, b1) = row(k); v -= (u0 * b0 + u1 * b1) * m[k, j] }
                out[(i - p) * n + j] = v / f
            }
            g.0 += a0 * a0; g.1 += a0 * a1; g.2 += a1 * a1
        }
        return out
    }
}
