import _AttainLAPACK

/// Eigen-decomposition of a symmetric matrix, `A = V diag(λ) Vᵀ` (LAPACK `dsyev`). Eigenvalues ascend.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// Orthonormal eigenvectors as columns.
    public let vectors: Matrix

    /// Decompose `a`, reading its lower triangle.
    public init(_ a: Matrix) throws {
        guard a.rows == a.columns else { throw LinearAlgebraError.dimensionMismatch("eigen-decomposition needs a square matrix") }
        guard a.isFinite else { throw LinearAlgebraError.nonFiniteInput }
        var f = a
        let n = a.rows
        var w = [Double](repeating: 0, count: n)
        guard n > 0 else { values = w; vectors = f; return }
        var jobz: CChar = 86, uplo: CChar = 76  // "V", "L"
        var nn = Int32(n), lda = Int32(n), info: Int32 = 0, lwork: Int32 = -1
        var query = 0.0
        dsyev_(&jobz, &uplo, &nn, &f.storage, &lda, &w, &query, &lwork, &info, 1, 1)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dsyev_(&jobz, &uplo, &nn, &f.storage, &lda, &w, &work, &lwork, &info, 1, 1)
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dsyev", info: Int(info)) }
        values = w
        vectors = f
    }

    /// The nearest positive-definite matrix in Frobenius norm after flooring eigenvalues at `floor`:
    /// what a covariance estimate that lost definiteness to rounding should be replaced with.
    public func flooredMatrix(floor: Double) -> Matrix {
        let n = values.count
        var out = Matrix(rows: n, columns: n)
        for k in 0..<n {
            let l = max(values[k], floor)
            for j in 0..<n { for i in 0..<n { out[i, j] += l * vectors[i, k] * vectors[j, k] } }
        }
        return out
    }
}
