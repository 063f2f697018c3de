import AttainLinearAlgebra

/// The mean curve of a fitted model: `μ(t; θ)` at decimal-year time `t` for parameters `θ`.
///
/// Every fitted model carries one, so projections can redraw `θ` from the fit's uncertainty and evaluate the curve.
public struct MeanFunction: Sendable {
    private let body: @Sendable (Double, [Double]) -> Double
    /// Wraps `body(t, θ)`.
    public init(_ body: @escaping @Sendable (Double, [Double]) -> Double) { self.body = body }
    /// `μ(t; θ)`.
    @inlinable public func callAsFunction(_ t: Double, _ theta: [Double]) -> Double { evaluate(t, theta) }
    @usableFromInline func evaluate(_ t: Double, _ theta: [Double]) -> Double { body(t, theta) }
}

/// What a fit found: estimates, their uncertainty, and how well the curve describes the data.
///
/// Produced by every fitting routine in this module (least-squares curves and GLMs alike), so model selection,
/// projection and reporting treat them the same way.
public struct FitResult: Sendable {
    /// Model name as users write it: `linear`, `logistic`, `poisson`, … (the `--model` vocabulary).
    public var model: String
    /// Parameter names, in order (`K`, `r`, `t0` for the logistic).
    public var parameterNames: [String]
    /// Estimates, in the order of ``parameterNames``.
    public var parameters: [Double]
    /// Approximate covariance of the estimates (σ²(JᵀJ)⁻¹ for least squares, φ(XᵀWX)⁻¹ for GLMs).
    public var covariance: Matrix
    /// Residual standard deviation on the data scale for least-squares fits; nil for likelihood-only fits.
    public var sigma: Double?
    /// Dispersion (quasi-likelihood φ, or negative-binomial size) where the family has one.
    public var dispersion: Double?
    /// Maximised log-likelihood (Gaussian for least squares).
    public var logLikelihood: Double
    /// Number of estimated quantities counted by the information criteria (including σ or dispersion).
    public var effectiveParameterCount: Int
    /// Number of observations fitted.
    public var observationCount: Int
    /// Whether the optimiser met its convergence test.
    public var converged: Bool
    /// Iterations used.
    public var iterations: Int
    /// Fitted values at the observed times, on the data scale.
    public var fitted: [Double]
    /// Plain-language warnings (short series, prior-dominated estimates, boundary solutions).
    public var warnings: [String]
    /// The mean curve, for projection.
    public var mean: MeanFunction
    /// The time origin of models that centre time (GLMs: `η = a + r·(t − referenceTime)`); nil when time is not centred.
    public var referenceTime: Double? = nil
    /// Residual deviance `2(ℓ_saturated − ℓ)` of GLM fits (unscaled by the dispersion); nil for least-squares fits.
    public var deviance: Double? = nil

    public init(model: String, parameterNames: [String], parameters: [Double], covariance: Matrix, sigma: Double?,
                dispersion: Double? = nil, logLikelihood: Double, effectiveParameterCount: Int, observationCount: Int,
                converged: Bool, iterations: Int, fitted: [Double], warnings: [String] = [], mean: MeanFunction) {
        self.model = model
        self.parameterNames = parameterNames
        self.parameters = parameters
        self.covariance = covariance
        self.sigma = sigma
        self.dispersion = dispersion
        self.logLikelihood = logLikelihood
        self.effectiveParameterCount = effectiveParameterCount
        self.observationCount = observationCount
        self.converged = converged
        self.iterations = iterations
        self.fitted = fitted
        self.warnings = warnings
        self.mean = mean
    }

    /// Standard errors, `√diag(covariance)`.
    public var standardErrors: [Double] { covariance.diagonalEntries.map { $0 > 0 ? $0.squareRoot() : 0 } }

    /// Akaike's criterion corrected for small samples, `−2ℓ + 2k + 2k(k+1)/(n−k−1)`; infinite when `n ≤ k + 1`.
    public var aicc: Double {
        let k = Double(effectiveParameterCount), n = Double(observationCount)
        guard n - k - 1 > 0 else { return .infinity }
        return -2 * logLikelihood + 2 * k + 2 * k * (k + 1) / (n - k - 1)
    }

    /// Estimate of the named parameter, if the model has it.
    public func parameter(_ name: String) -> Double? {
        parameterNames.firstIndex(of: name).map { parameters[$0] }
    }
}
