import AttainLinearAlgebra

/// `(JᵀJ)⁻¹` computed from a factorisation of the column-scaled `J`, never by forming and inverting `JᵀJ`.
///
/// When the pivoted QR of `J S⁻¹` (`S` the column norms) shows full rank, `(JᵀJ)⁻¹ = S⁻¹ P R⁻¹ R⁻ᵀ Pᵀ S⁻¹`, cheap at
/// curve-fitting sizes. Otherwise, with `J S⁻¹ = U Σ Vᵀ` (`S` the column norms), `(JᵀJ)⁻¹ = S⁻¹ V Σ⁻² Vᵀ S⁻¹`. Forming `JᵀJ` would square the
/// condition number; the SVD keeps the relative accuracy of each variance near `κ(J)·ε`. Singular values
/// below `rcond · σ₁` are dropped (a pseudo-inverse), and `rank` reports how many were kept.
/// `explained` is `‖U_kᵀ r‖²` for the given residuals: the part of `‖r‖²` a Gauss–Newton step would still remove.
/// Cost O(n p²).
func normalInverse(_ jacobian: Matrix, rcond: Double, residuals: [Double]? = nil) throws -> (matrix: Matrix, rank: Int, explained: Double) {
    if let fast = normalInverseByQR(jacobian, rcond: rcond, residuals: residuals) { return fast }
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

/// The full-rank case of ``normalInverse(_:rcond:residuals:)`` by pivoted QR (LAPACK `dlaqp2`); nil when a pivot is
/// below `rcond · |R₁₁|` (the caller then takes the SVD route) or the factors are not finite.
private func normalInverseByQR(_ jacobian: Matrix, rcond: Double, residuals: [Double]?) -> (matrix: Matrix, rank: Int, explained: Double)? {
    let n = jacobian.rows, p = jacobian.columns
    guard n >= p, p > 0 else { return nil }
    var ws = LevenbergMarquardtWorkspace(residualCount: n, parameterCount: p)
    for j in 0..<p { for i in 0..<n { ws.jac[i + j * ws.m] = jacobian.storage[i + j * n] } }
    return normalInverseByQR(&ws, rcond: rcond, residuals: residuals)
}

/// The same on a workspace whose `jac` holds `J` (rows past `n` zero); `jac` is overwritten.
func normalInverseByQR(_ ws: inout LevenbergMarquardtWorkspace, rcond: Double, residuals: [Double]?) -> (matrix: Matrix, rank: Int, explained: Double)? {
    let n = ws.n, p = ws.p, m = ws.m
    guard n >= p, p > 0 else { return nil }
    var scale = [Double](repeating: 0, count: p)
    for j in 0..<p {
        var sum = 0.0
        for i in 0..<n { sum += ws.jac[i + j * m] * ws.jac[i + j * m] }
        scale[j] = sum.squareRoot()
        guard scale[j] > 0, scale[j].isFinite else { return nil }
        let inv = 1 / scale[j]
        for i in 0..<n { ws.jac[i + j * m] *= inv }
    }
    guard ws.factor() else { return nil }
    let r00 = abs(ws.r(0, 0))
    for k in 0..<p where !(abs(ws.r(k, k)) > rcond * r00) { return nil }
    // T = R⁻¹ (upper triangular) by back substitution, column by column, in the workspace's p × p scratch.
    for j in 0..<p {
        ws.s[j + j * p] = 1 / ws.r(j, j)
        var i = j - 1
        while i >= 0 {
            var sum = 0.0
            for k in (i + 1)...j { sum += ws.r(i, k) * ws.s[k + j * p] }
            ws.s[i + j * p] = -sum / ws.r(i, i)
            i -= 1
        }
    }
    var out = Matrix(rows: p, columns: p)
    for a in 0..<p {
        for b in a..<p {
            var sum = 0.0
            for k in b..<p { sum += ws.s[a + k * p] * ws.s[b + k * p] }
            let (ia, ib) = (ws.perm[a], ws.perm[b])
            let v = sum / (scale[ia] * scale[ib])
            out.storage[ia + ib * p] = v
            out.storage[ib + ia * p] = v
        }
    }
    var explained = 0.0
    if let r = residuals {
        ws.applyQTranspose(r)
        for k in 0..<p { explained += ws.qtf[k] * ws.qtf[k] }
    }
    return (out, p, explained)
}
