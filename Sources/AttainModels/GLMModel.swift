/// A count or share model with a linear trend on the link scale.
///
/// Counts: `log μ(t) = log E + a + r·(t − t_ref)` (Poisson, or negative binomial with size θ).
/// Shares: `p(t) = K·logistic(a + r·(t − t_ref))`, with `K = 1` for ``logitLinear``.
public enum GLMModel: Sendable, Equatable, CaseIterable {
    /// Poisson regression with a log link.
    case poisson
    /// Negative-binomial (NB2, `Var = μ + μ²/θ`) regression with a log link; θ by maximum likelihood.
    case negativeBinomial
    /// Binomial (or quasi-binomial) regression with a logit link: the simplest share model.
    case logitLinear
    /// Logistic growth toward an asymptote `K ≤ 1`; `K` is estimated when `asymptote` is nil, fixed otherwise.
    case logistic(asymptote: Double?)

    public static var allCases: [GLMModel] { [.poisson, .negativeBinomial, .logitLinear, .logistic(asymptote: nil)] }

    /// The `--model` word: `poisson`, `negative-binomial`, `logit-linear`, `logistic`.
    public var name: String {
        switch self {
        case .poisson: return "poisson"
        case .negativeBinomial: return "negative-binomial"
        case .logitLinear: return "logit-linear"
        case .logistic: return "logistic"
        }
    }

    /// The model a `--model` word names (`nb` is accepted for the negative binomial), nil for other words.
    public init?(name: String) {
        switch name.lowercased() {
        case "poisson": self = .poisson
        case "negative-binomial", "negativebinomial", "nb", "negbin": self = .negativeBinomial
        case "logit-linear", "logit", "binomial": self = .logitLinear
        case "logistic": self = .logistic(asymptote: nil)
        default: return nil
        }
    }

    /// Whether the model describes counts (as opposed to shares).
    public var isCountModel: Bool { self == .poisson || self == .negativeBinomial }
}
