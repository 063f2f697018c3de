import AttainLinearAlgebra

/// `(JᵀJ)⁻¹` computed from the SVD of the column-scaled `J`, never by forming and inverting `JᵀJ`.
///
/// With `J S⁻¹ = U Σ Vᵀ` (`S` the column norms), `(JᵀJ)⁻¹ = S⁻¹ V Σ⁻² Vᵀ S⁻¹`. Forming `JᵀJ` would square the
/// condition number; the SVD keeps the relative accuracy of each variance near `κ(J)·ε`. Singular values
/// below `rcond · σ₁` are dropped (a pseudo-inverse), and `rank` reports how many were kept.
/// `explained` is `‖U_kᵀ r‖²` for the given residuals: the part of `‖r‖²` a Gauss–Newton step would still remove.
/// Cost O(n p²).
func normalInverse(_ jacobian: Matrix, rcond: Double, residuals: [Double]? = nil) throws -> (matrix: Matrix, rank: Int, explained: Double) {
    let n = jacobian.rows, p = jacobian.columns
    var scaled = jacobian
    var scale = [Double](repeating: 0, count: p)
    for j in 0..<p {
        var sum = 0.0
        for i in 0..<n { sum += jacobian[i, j] * jacobian[i, j] }
        scale[j] = sum.squareRoot()
        if scale[j] > 0 { for i in 0..<n { scaled[i, j] /= scale[j] } }
    }
    let svd = try SingularValueDecomposition(scaled)
    let sigma = svd.singularValues
    let cutoff = rcond * (sigma.first ?? 0)
    var out = Matrix(rows: p, columns: p)
    var rank = 0, explained = 0.0
    for k in sigma.indices where sigma[k] > cutoff && sigma[k] > 0 {
        rank += 1
        if let r = residuals {
            var dot = 0.0
            for i in 0..<n { dot += svd.u[i, k] * r[i] }
            explained += dot * dot
        }
        let inv2 = 1 / (sigma[k] * sigma[k])
        for a in 0..<p where scale[a] > 0 {
            let va = svd.vt[k, a] / scale[a]
            for b in 0..<p where scale[b] > 0 { out[a, b] += va * (svd.vt[k, b] / scale[b]) * inv2 }
        }
    }
    return (out, rank, explained)
}
