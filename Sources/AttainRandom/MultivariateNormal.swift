import AttainLinearAlgebra

/// A multivariate normal distribution `N(μ, Σ)`, sampled as `μ + L z` with `Σ = L Lᵀ` (Cholesky) and `z` standard normal.
///
/// ```swift
/// let mvn = try MultivariateNormal(mean: [0, 1], covariance: Matrix(rowMajor: [[1, 0.5], [0.5, 2]]))
/// var rng = Xoshiro256StarStar(seed: 1)
/// var draw = [Double](repeating: 0, count: 2)
/// mvn.sample(into: &draw, using: &rng)   // no allocation
/// ```
/// Factoring costs O(d³/3) once; each draw costs `d` normals and `d(d+1)/2` multiply-adds, with no allocation when
/// written into a caller's buffer.
public struct MultivariateNormal: Sendable {
    /// The mean vector `μ`.
    public let mean: [Double]
    /// The lower Cholesky factor `L`, packed row by row: row `i` holds `L[i, 0...i]` starting at `i(i+1)/2`.
    @usableFromInline let packedLower: [Double]

    /// The distribution with mean `mean` and covariance `covariance` (symmetric positive definite; its lower triangle is read).
    ///
    /// Throws ``LinearAlgebraError`` when the sizes disagree, an entry is not finite, or the covariance is not positive
    /// definite.
    public init(mean: [Double], covariance: Matrix) throws {
        guard covariance.rows == mean.count else {
            throw LinearAlgebraError.dimensionMismatch(
                "covariance is \(covariance.rows) × \(covariance.columns) but the mean has \(mean.count) entries")
        }
        try self.init(mean: mean, cholesky: Cholesky(covariance))
    }

    /// The distribution with mean `mean` and covariance `L Lᵀ` for an existing factorisation.
    public init(mean: [Double], cholesky: Cholesky) throws {
        let d = cholesky.order
        guard d == mean.count else {
            throw LinearAlgebraError.dimensionMismatch("Cholesky factor has order \(d) but the mean has \(mean.count) entries")
        }
        guard mean.allSatisfy(\.isFinite) else { throw LinearAlgebraError.nonFiniteInput }
        var packed: [Double] = []
        packed.reserveCapacity(d * (d + 1) / 2)
        for i in 0..<d { for j in 0...i { packed.append(cholesky.lower[i, j]) } }
        self.mean = mean
        self.packedLower = packed
    }

    /// The dimension `d`.
    public var dimension: Int { mean.count }

    /// Write one draw into `buffer` (which must have ``dimension`` entries), allocating nothing.
    ///
    /// Fills the buffer with standard normals, then forms `μ + L z` in place from the last entry up (entry `i` needs only
    /// `z₀…zᵢ`, which are still untouched).
    @inlinable
    public func sample(into buffer: UnsafeMutableBufferPointer<Double>, using rng: inout Xoshiro256StarStar) {
        let d = mean.count
        precondition(buffer.count == d, "buffer has \(buffer.count) entries, the distribution has dimension \(d)")
        for i in 0..<d { buffer[i] = rng.normal() }
        packedLower.withUnsafeBufferPointer { l in
            var i = d - 1
            while i >= 0 {
                let row = i * (i + 1) / 2
                var s = mean[i]
                for j in 0...i { s += l[row + j] * buffer[j] }
                buffer[i] = s
                i -= 1
            }
        }
    }

    /// Write one draw into `buffer` (which must have ``dimension`` entries), allocating nothing.
    @inlinable
    public func sample(into buffer: inout [Double], using rng: inout Xoshiro256StarStar) {
        buffer.withUnsafeMutableBufferPointer { sample(into: $0, using: &rng) }
    }

    /// One draw as a new array.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> [Double] {
        var out = [Double](repeating: 0, count: mean.count)
        sample(into: &out, using: &rng)
        return out
    }
}
