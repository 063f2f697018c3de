import _AttainLAPACK

/// Householder QR with column pivoting, `A P = Q R` (LAPACK `dgeqp3`).
///
/// Used by ``leastSquares(_:_:weights:rcond:)``; exposed for callers who solve several right-hand sides
/// against one design. Cost O(n p²) to factor, O(n p) per solve.
public struct PivotedQR: Sendable {
    let factors: Matrix
    let tau: [Double]
    /// `permutation[k]` is the original column in position `k` (0-based).
    public let permutation: [Int]

    /// Factor `a` (`n × p`).
    public init(_ a: Matrix) throws {
        guard a.isFinite else { throw LinearAlgebraError.nonFiniteInput }
        var f = a
        var m = Int32(a.rows), n = Int32(a.columns), lda = Int32(max(1, a.rows))
        var jpvt = [Int32](repeating: 0, count: a.columns)
        var tau = [Double](repeating: 0, count: min(a.rows, a.columns))
        var info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        dgeqp3_(&m, &n, &f.storage, &lda, &jpvt, &tau, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgeqp3_(&m, &n, &f.storage, &lda, &jpvt, &tau, &work, &lwork, &info)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dgeqp3", info: Int(info)) }
        self.factors = f
        self.tau = tau
        self.permutation = jpvt.map { Int($0) - 1 }
    }

    /// Number of diagonal entries of R with `|Rᵢᵢ| > rcond · |R₁₁|`.
    public func rank(rcond: Double) -> Int {
        let k = min(factors.rows, factors.columns)
        guard k > 0 else { return 0 }
        let r11 = abs(factors[0, 0])
        if r11 == 0 { return 0 }
        var r = 0
        while r < k && abs(factors[r, r]) > rcond * r11 { r += 1 }
        return r
    }

    func conditionEstimate(rank: Int) -> Double {
        guard rank > 0 else { return .infinity }
        return abs(factors[0, 0]) / abs(factors[rank - 1, rank - 1])
    }

    /// The basic least-squares solution using the leading `rank` columns; the others get zero.
    public func solve(_ b: [Double], rank: Int) throws -> [Double] {
        guard b.count == factors.rows else {
            throw LinearAlgebraError.dimensionMismatch("right-hand side has \(b.count) entries, expected \(factors.rows)")
        }
        let c = try applyQ(b, transpose: true)
        let y = try solveR(Array(c.prefix(rank)), rank: rank, transpose: false)
        return unpermute(y)
    }

    /// Iterative refinement on the augmented system `[I A; Aᵀ 0][r; x] = [b; 0]` (Björck), with both residual
    /// blocks accumulated in extended precision. Unlike refining `x` alone, this recovers accuracy on
    /// large-residual problems, where least squares is sensitive to the square of the condition number.
    func refine(_ a: Matrix, _ b: [Double], _ x0: [Double], rank: Int, steps: Int = 3) throws -> [Double] {
        let n = factors.rows
        var x = x0
        var r = extendedResidual(a, x, b)
        for _ in 0..<steps {
            // f = b − r − A x,  g = −Aᵀ r, both in extended precision.
            let ax = extendedProductWide(a, x)
            let f = (0..<n).map { Double(WideFloat(b[$0]) - WideFloat(r[$0]) - ax[$0]) }
            var gp = [Double](repeating: 0, count: rank)
            for k in 0..<rank {
                let j = permutation[k]
                var s: WideFloat = 0
                for i in 0..<n { s -= WideFloat(a[i, j]) * WideFloat(r[i]) }
                gp[k] = Double(s)
            }
            let h = try solveR(gp, rank: rank, transpose: true)
            var d = try applyQ(f, transpose: true)
            let dxPermuted = try solveR((0..<rank).map { d[$0] - h[$0] }, rank: rank, transpose: false)
            for k in 0..<rank { d[k] = h[k] }
            let dr = try applyQ(d, transpose: false)
            let dx = unpermute(dxPermuted)
            for j in x.indices { x[j] += dx[j] }
            for i in 0..<n { r[i] += dr[i] }
        }
        return x
    }

    private func unpermute(_ y: [Double]) -> [Double] {
        var x = [Double](repeating: 0, count: factors.columns)
        for k in 0..<y.count { x[permutation[k]] = y[k] }
        return x
    }

    /// `Qᵀ v` or `Q v` (LAPACK `dormqr`).
    private func applyQ(_ v: [Double], transpose: Bool) throws -> [Double] {
        let n = factors.rows, p = factors.columns
        var c = v
        var side: CChar = 76, trans: CChar = transpose ? 84 : 78
        var m = Int32(n), nrhs: Int32 = 1, k = Int32(min(n, p)), lda = Int32(max(1, n)), ldc = Int32(max(1, n))
        var info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        dormqr_(&side, &trans, &m, &nrhs, &k, factors.storage, &lda, tau, &c, &ldc, &query, &lwork, &info, 1, 1)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dormqr_(&side, &trans, &m, &nrhs, &k, factors.storage, &lda, tau, &c, &ldc, &work, &lwork, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dormqr", info: Int(info)) }
        return c
    }

    /// Solve `R₁₁ y = v` or `R₁₁ᵀ y = v` with the leading `rank × rank` block of R (LAPACK `dtrtrs`).
    private func solveR(_ v: [Double], rank: Int, transpose: Bool) throws -> [Double] {
        guard rank > 0 else { return [] }
        var y = v
        var uplo: CChar = 85, tr: CChar = transpose ? 84 : 78, diag: CChar = 78
        var r = Int32(rank), nrhs: Int32 = 1, lda = Int32(max(1, factors.rows)), ldb = Int32(rank), info: Int32 = 0
        dtrtrs_(&uplo, &tr, &diag, &r, &nrhs, factors.storage, &lda, &y, &ldb, &info, 1, 1, 1)
        guard info == 0 else { throw LinearAlgebraError.singular(position: Int(info)) }
        return y
    }

    /// `(AᵀA)⁻¹ = P R⁻¹ R⁻ᵀ Pᵀ` restricted to the leading `rank` pivots (zeros elsewhere).
    public func unscaledCovariance(rank: Int) throws -> Matrix {
        let p = factors.columns
        var out = Matrix(rows: p, columns: p)
        guard rank > 0 else { return out }
        var rinv = Matrix(rows: rank, columns: rank)
        for j in 0..<rank { for i in 0...j { rinv[i, j] = factors[i, j] } }
        var uplo: CChar = 85, diag: CChar = 78
        var n = Int32(rank), lda = Int32(rank), info: Int32 = 0
        dtrtri_(&uplo, &diag, &n, &rinv.storage, &lda, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError.singular(position: Int(info)) }
        let c = Matrix.product(rinv, rinv, transposeB: true)
        for i in 0..<rank { for j in 0..<rank { out[permutation[i], permutation[j]] = c[i, j] } }
        return out
    }
}
