import _AttainLAPACK

/// The solution of a linear least-squares problem `min ‖W^{1/2}(A x − b)‖₂`.
public struct LeastSquaresSolution: Sendable {
    /// The coefficients `x` (zero for columns dropped as rank-deficient).
    public let coefficients: [Double]
    /// Numerical rank of the (scaled) design.
    public let rank: Int
    /// Residuals `b − A x` on the original (unweighted) scale.
    public let residuals: [Double]
    /// Weighted residual sum of squares `Σ wᵢ rᵢ²`.
    public let residualSumOfSquares: Double
    /// `(AᵀWA)⁻¹`: multiply by σ² for the coefficients' covariance. Rows and columns of dropped coefficients are zero.
    public let unscaledCovariance: Matrix
    /// Estimate of the 2-norm condition number of the column-scaled design (ratio of extreme |Rᵢᵢ|).
    public let conditionEstimate: Double
    /// Degrees of freedom `n − rank`.
    public var degreesOfFreedom: Int { residuals.count - rank }
    /// Residual standard deviation `√(RSS / (n − rank))`, NaN when there are no degrees of freedom.
    public var residualStandardDeviation: Double {
        degreesOfFreedom > 0 ? (residualSumOfSquares / Double(degreesOfFreedom)).squareRoot() : .nan
    }
    /// Standard errors `σ √diag((AᵀWA)⁻¹)` with σ the residual standard deviation.
    public var standardErrors: [Double] {
        let s = residualStandardDeviation
        return unscaledCovariance.diagonalEntries.map { s * $0.squareRoot() }
    }
}

/// Linear least squares that survives ill-conditioning.
///
/// Columns are scaled to unit 2-norm, then factored by Householder QR with column pivoting (LAPACK `dgeqp3`).
/// The rank is the number of pivots with `|Rᵢᵢ| > rcond · |R₁₁|`; trailing columns beyond it are dropped
/// (their coefficients set to zero) rather than amplified. Iterative refinement, with the residual
/// accumulated in extended precision where the platform has it (Björck's augmented-system refinement), recovers the digits the factorisation loses on
/// problems as ill-conditioned as NIST's Filip polynomial (condition ≈ 10¹⁵ unscaled).
///
/// - Parameters:
///   - a: the design, `n × p` with `n ≥ 1`.
///   - b: the response, `n` entries.
///   - weights: optional non-negative case weights `wᵢ` (weighted least squares).
///   - rcond: relative threshold for the rank decision; the default `n·ε`-ish `1e-13` keeps Filip's full rank.
/// - Complexity: O(n p²).
public func leastSquares(_ a: Matrix, _ b: [Double], weights: [Double]? = nil, rcond: Double = 1e-13) throws -> LeastSquaresSolution {
    let n = a.rows, p = a.columns
    guard b.count == n else { throw LinearAlgebraError.dimensionMismatch("design has \(n) rows, response has \(b.count) entries") }
    if let w = weights, w.count != n { throw LinearAlgebraError.dimensionMismatch("\(w.count) weights for \(n) rows") }
    guard a.isFinite, b.allSatisfy({ $0.isFinite }), weights?.allSatisfy({ $0.isFinite && $0 >= 0 }) ?? true else {
        throw LinearAlgebraError.nonFiniteInput
    }
    guard n > 0, p > 0 else { throw LinearAlgebraError.dimensionMismatch("empty design (\(n) × \(p))") }

    // Weighted, column-scaled design.
    let rootW = weights.map { $0.map { $0.squareRoot() } }
    var aw = a
    var bw = b
    if let r = rootW {
        for i in 0..<n { bw[i] *= r[i]; for j in 0..<p { aw[i, j] *= r[i] } }
    }
    var scale = [Double](repeating: 1, count: p)
    for j in 0..<p {
        var s = 0.0
        for i in 0..<n { s += aw[i, j] * aw[i, j] }
        s = s.squareRoot()
        scale[j] = s > 0 ? s : 1
        for i in 0..<n { aw[i, j] /= scale[j] }
    }
    let qr = try PivotedQR(aw)
    let rank = qr.rank(rcond: rcond)

    // Solve on the scaled problem, then refine on the augmented system in extended precision.
    let z = try qr.refine(aw, bw, try qr.solve(bw, rank: rank), rank: rank)
    let x = (0..<p).map { z[$0] / scale[$0] }

    var residuals = [Double](repeating: 0, count: n)
    var rss = 0.0
    let fitted = extendedProduct(a, x)
    for i in 0..<n {
        residuals[i] = b[i] - fitted[i]
        rss += (weights?[i] ?? 1) * residuals[i] * residuals[i]
    }
    var cov = try qr.unscaledCovariance(rank: rank)
    for i in 0..<p { for j in 0..<p { cov[i, j] /= scale[i] * scale[j] } }
    return LeastSquaresSolution(coefficients: x, rank: rank, residuals: residuals, residualSumOfSquares: rss,
                                unscaledCovariance: cov, conditionEstimate: qr.conditionEstimate(rank: rank))
}

/// `b − A x`, accumulated in the widest floating type the platform offers.
func extendedResidual(_ a: Matrix, _ x: [Double], _ b: [Double]) -> [Double] {
    let ax = extendedProductWide(a, x)
    return (0..<a.rows).map { Double(WideFloat(b[$0]) - ax[$0]) }
}

func extendedProduct(_ a: Matrix, _ x: [Double]) -> [Double] {
    extendedProductWide(a, x).map { Double($0) }
}

#if arch(x86_64) && !os(Windows)
typealias WideFloat = Float80
#else
typealias WideFloat = Double
#endif

func extendedProductWide(_ a: Matrix, _ x: [Double]) -> [WideFloat] {
    var out = [WideFloat](repeating: 0, count: a.rows)
    for j in 0..<a.columns {
        let xj = WideFloat(x[j])
        if xj == 0 { continue }
        for i in 0..<a.rows { out[i] += WideFloat(a[i, j]) * xj }
    }
    return out
}
