/// Why a nonlinear least-squares problem could not be set up or solved.
public enum LeastSquaresError: Error, Equatable, CustomStringConvertible {
    /// No residuals or no parameters.
    case emptyProblem(observations: Int, parameters: Int)
    /// Vector lengths do not fit the problem.
    case dimensionMismatch(String)
    /// A lower bound exceeds its upper bound.
    case invalidBounds(parameter: Int, lower: Double, upper: Double)
    /// The starting values are not finite, or the residuals there are not.
    case nonFiniteStart(parameters: [Double])
    /// A covariance needs more observations than parameters.
    case noDegreesOfFreedom(observations: Int, parameters: Int)

    public var description: String {
        switch self {
        case .emptyProblem(let n, let p):
            return "least-squares problem is empty (\(n) residuals, \(p) parameters)"
        case .dimensionMismatch(let s):
            return "dimension mismatch: \(s)"
        case .invalidBounds(let j, let lo, let hi):
            return "parameter \(j + 1): lower bound \(lo) exceeds upper bound \(hi); swap or widen them"
        case .nonFiniteStart(let theta):
            return "residuals are not finite at the starting values \(theta); choose a start inside the model's domain"
        case .noDegreesOfFreedom(let n, let p):
            return "\(n) observations cannot give a residual variance for \(p) parameters; supply more data or a prior"
        }
    }
}
