/// What the solver reached on one NIST problem from one start, against the certified values.
public struct NISTOutcome: Sendable {
    /// Dataset name.
    public let problem: String
    /// NIST start (1 or 2).
    public let start: Int
    /// Estimates reached.
    public let parameters: [Double]
    /// Their standard deviations, `σ √diag((JᵀJ)⁻¹)` with `σ² = RSS/(n − p)`.
    public let standardDeviations: [Double]
    /// Residual sum of squares reached.
    public let residualSumOfSquares: Double
    /// Smallest number of certified digits matched over the parameters.
    public let parameterDigits: Double
    /// Smallest number of certified digits matched over the standard deviations.
    public let standardDeviationDigits: Double
    /// Why the solver stopped.
    public let termination: LevenbergMarquardt.Termination
    /// Outer iterations and residual evaluations used.
    public let iterations: Int, evaluations: Int
    /// Whether the solver's own test certified convergence.
    public var converged: Bool { termination.isConvergence }
}
