import _AttainLAPACK

/// The thin singular value decomposition `A = U Σ Vᵀ` (LAPACK `dgesvd`).
///
/// Singular values come in decreasing order. Cost O(n p²) for `n ≥ p`.
public struct SingularValueDecomposition: Sendable {
    /// Left singular vectors, `n × k` with `k = min(n, p)`.
    public let u: Matrix
    /// Singular values, decreasing.
    public let singularValues: [Double]
    /// Right singular vectors transposed, `k × p`.
    public let vt: Matrix

    /// Decompose `a`.
    public init(_ a: Matrix) throws {
        guard a.isFinite else { throw LinearAlgebraError.nonFiniteInput }
        let m = a.rows, n = a.columns, k = min(m, n)
        var f = a
        var s = [Double](repeating: 0, count: k)
        var u = Matrix(rows: m, columns: k)
        var vt = Matrix(rows: k, columns: n)
        guard k > 0 else { self.u = u; self.singularValues = s; self.vt = vt; return }
        var jobu: CChar = 83, jobvt: CChar = 83  // "S"
        var mm = Int32(m), nn = Int32(n), lda = Int32(m), ldu = Int32(m), ldvt = Int32(k), info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        dgesvd_(&jobu, &jobvt, &mm, &nn, &f.storage, &lda, &s, &u.storage, &ldu, &vt.storage, &ldvt, &query, &lwork, &info, 1, 1)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgesvd_(&jobu, &jobvt, &mm, &nn, &f.storage, &lda, &s, &u.storage, &ldu, &vt.storage, &ldvt, &work, &lwork, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dgesvd", info: Int(info)) }
        self.u = u
        self.singularValues = s
        self.vt = vt
    }

    /// The 2-norm condition number `σ_max / σ_min` (infinite for a singular matrix).
    public var conditionNumber: Double {
        guard let first = singularValues.first, let last = singularValues.last, last > 0 else { return .infinity }
        return first / last
    }

    /// Numerical rank: singular values above `rcond · σ_max`.
    public func rank(rcond: Double = 1e-12) -> Int {
        guard let first = singularValues.first else { return 0 }
        return singularValues.filter { $0 > rcond * first }.count
    }
}

/// The 2-norm condition number of `a`, from its singular values.
public func conditionNumber(_ a: Matrix) throws -> Double { try SingularValueDecomposition(a).conditionNumber }
