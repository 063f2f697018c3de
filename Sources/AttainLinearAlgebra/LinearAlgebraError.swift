/// Why a linear-algebra routine could not give an answer.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// Operand shapes do not fit together.
    case dimensionMismatch(String)
    /// The matrix is not (numerically) positive definite: the leading minor of this order is not positive.
    case notPositiveDefinite(order: Int)
    /// The matrix is singular to working precision (a zero pivot at this position).
    case singular(position: Int)
    /// An entry is NaN or infinite.
    case nonFiniteInput
    /// LAPACK reported an illegal argument or a failure to converge (`info` as LAPACK returned it).
    case lapackFailure(routine: String, info: Int)

    public var description: String {
        switch self {
        case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
        case .notPositiveDefinite(let k): return "matrix is not positive definite (leading minor \(k) is not positive)"
        case .singular(let k): return "matrix is singular (zero pivot at \(k))"
        case .nonFiniteInput: return "matrix or vector has NaN or infinite entries"
        case .lapackFailure(let r, let info): return "LAPACK \(r) failed with info = \(info)"
        }
    }
}
