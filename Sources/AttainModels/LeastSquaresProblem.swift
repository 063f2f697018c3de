/// A nonlinear least-squares problem: minimise `½‖r(θ)‖²` over `θ ∈ ℝᵖ`.
///
/// Conformers supply the residual vector `r(θ) ∈ ℝⁿ` and its Jacobian `J = ∂r/∂θ`; ``LevenbergMarquardt``
/// does the rest. Both methods write into buffers the solver owns and reuses, so a well-written conformer
/// allocates nothing per evaluation. For curve fitting `rᵢ = √wᵢ (f(tᵢ; θ) − yᵢ)`, so `J` is the weighted
/// model gradient.
public protocol LeastSquaresProblem {
    /// `n`, the number of residuals.
    var residualCount: Int { get }
    /// `p`, the number of parameters.
    var parameterCount: Int { get }
    /// Writes `r(θ)` into the first `n` entries of `residuals`. Non-finite values mark `θ` as outside the
    /// model's domain; the solver then shortens its step.
    func residuals(at theta: [Double], into residuals: inout [Double])
    /// Writes `∂rᵢ/∂θⱼ` column-major (entry `i + j·ld`) into `jacobian`, where `ld ≥ n` is the leading
    /// dimension the solver passes. Rows from `n` to `ld − 1` must be left untouched.
    func jacobian(at theta: [Double], into jacobian: inout [Double], leadingDimension ld: Int)
}
