import _AttainLAPACK

/// The Cholesky factorisation `A = L Lᵀ` of a symmetric positive-definite matrix (LAPACK `dpotrf`).
///
/// ```swift
/// let c = try Cholesky(covariance)
/// let x = try c.solve(b)          // A x = b
/// let z = c.lowerTimes(normals)   // L z: a draw with covariance A
/// ```
/// Factoring costs O(n³/3); each solve O(n²).
public struct Cholesky: Sendable {
    /// The lower-triangular factor `L` (upper triangle zero).
    public let lower: Matrix

    /// Factor `a`, reading its lower triangle. Throws ``LinearAlgebraError/notPositiveDefinite(order:)`` when it is not SPD.
    public init(_ a: Matrix) throws {
        guard a.rows == a.columns else { throw LinearAlgebraError.dimensionMismatch("Cholesky needs a square matrix, got \(a.rows) × \(a.columns)") }
        guard a.isFinite else { throw LinearAlgebraError.nonFiniteInput }
        var f = a
        var uplo: CChar = 76  // "L"
        var n = Int32(a.rows), lda = Int32(max(1, a.rows)), info: Int32 = 0
        if a.rows > 0 { dpotrf_(&uplo, &n, &f.storage, &lda, &info, 1) }
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dpotrf", info: Int(info)) }
        for j in 0..<a.columns { for i in 0..<j { f[i, j] = 0 } }
        self.lower = f
    }

    /// Order of the matrix.
    public var order: Int { lower.rows }

    /// Solve `A x = b` (LAPACK `dpotrs`).
    public func solve(_ b: [Double]) throws -> [Double] {
        guard b.count == order else { throw LinearAlgebraError.dimensionMismatch("right-hand side has \(b.count) entries, expected \(order)") }
        var x = b
        var uplo: CChar = 76
        var n = Int32(order), nrhs: Int32 = 1, lda = Int32(max(1, order)), info: Int32 = 0
        if order > 0 { dpotrs_(&uplo, &n, &nrhs, lower.storage, &lda, &x, &lda, &info, 1) }
        guard info == 0 else { throw LinearAlgebraError.lapackFailure(routine: "dpotrs", info: Int(info)) }
        return x
    }

    /// `A⁻¹` (LAPACK `dpotri`), symmetrised.
    public func inverse() throws -> Matrix {
        var f = lower
        var uplo: CChar = 76
        var n = Int32(order), lda = Int32(max(1, order)), info: Int32 = 0
        if order > 0 { dpotri_(&uplo, &n, &f.storage, &lda, &info, 1) }
        guard info == 0 else { throw LinearAlgebraError.singular(position: Int(info)) }
        for j in 0..<order { for i in 0..<j { f[i, j] = f[j, i] } }
        return f
    }

    /// `log det A = 2 Σ log Lᵢᵢ`.
    public var logDeterminant: Double { (0..<order).reduce(0) { $0 + 2 * _log(lower[$1, $1]) } }

    /// `L z`, the map that turns independent standard normals into a draw with covariance `A`.
    @inlinable
    public func lowerTimes(_ z: [Double]) -> [Double] {
        let n = order
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = 0.0
            for j in 0...i { s += lower.storage[i + j * n] * z[j] }
            out[i] = s
        }
        return out
    }
}

@usableFromInline func _log(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.log(x)
    #else
    return Foundation.log(x)
    #endif
}

/// Solve the symmetric positive-definite system `A x = b` by Cholesky.
public func solveSPD(_ a: Matrix, _ b: [Double]) throws -> [Double] { try Cholesky(a).solve(b) }

/// The inverse of a symmetric positive-definite matrix, by Cholesky.
public func inverseSPD(_ a: Matrix) throws -> Matrix { try Cholesky(a).inverse() }

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
