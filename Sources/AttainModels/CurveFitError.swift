/// Why a growth curve could not be fitted to a series, with what to do about it.
public enum CurveFitError: Error, Equatable, CustomStringConvertible {
    /// Times, values or weights have different lengths.
    case lengthMismatch(times: Int, values: Int, weights: Int?)
    /// Fewer observations than any fit can use.
    case tooFewObservations(count: Int, minimum: Int, model: String)
    /// A time, value or weight is NaN or infinite (index is 0-based in the series).
    case nonFiniteInput(what: String, index: Int)
    /// A weight is negative, or all weights are zero.
    case invalidWeights(String)
    /// The model needs positive values (log scale) and the series has one that is not.
    case nonPositiveValue(model: String, index: Int, value: Double)
    /// Two observations share a time, or every observation has the same time.
    case degenerateTimes(String)
    /// A fixed asymptote was given for a model without one, or is not positive.
    case invalidAsymptote(model: String, value: Double)
    /// No start led to a finite fit.
    case noFit(model: String, reason: String)

    public var description: String {
        switch self {
        case .lengthMismatch(let t, let v, let w):
            return "series has \(t) times and \(v) values" + (w.map { " and \($0) weights" } ?? "") + "; give one of each per observation"
        case .tooFewObservations(let n, let k, let model):
            return "\(model) needs at least \(k) observations, the series has \(n); add periods or choose a simpler model"
        case .nonFiniteInput(let what, let i):
            return "\(what) at observation \(i + 1) is not a finite number; fix or drop that row"
        case .invalidWeights(let s):
            return "invalid weights: \(s)"
        case .nonPositiveValue(let model, let i, let v):
            return "\(model) on the log scale needs positive values, observation \(i + 1) is \(v); use --model linear or a data-scale fit"
        case .degenerateTimes(let s):
            return "cannot fit a trend: \(s)"
        case .invalidAsymptote(let model, let k):
            return "asymptote \(k) cannot be fixed for \(model): it must be positive and the model must have one (logistic, gompertz, richards, saturating)"
        case .noFit(let model, let reason):
            return "\(model) could not be fitted: \(reason)"
        }
    }
}
