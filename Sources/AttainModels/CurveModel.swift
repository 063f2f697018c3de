/// A growth-curve family for the level of an indicator over time.
///
/// With `s = t − t_ref` (years from the reference time, the mean observed time) and `z = r·(t − t0)`:
///
/// | model | mean `μ(t)` | parameters |
/// |---|---|---|
/// | `linear` | `a + b·s` | level `a` at `t_ref`, slope `b` per year |
/// | `exponential` | `a·exp(r·s)` | level `a` at `t_ref`, growth rate `r` per year |
/// | `logistic` | `K / (1 + exp(−z))` | asymptote `K`, rate `r`, midpoint `t0` (calendar year) |
/// | `gompertz` | `K·exp(−exp(−z))` | asymptote `K`, rate `r`, inflection `t0` (at 37% of K) |
/// | `richards` | `K·(1 + ν·exp(−z))^(−1/ν)` | `K`, `r`, `t0`, shape `nu` (1 = logistic, → 0 Gompertz) |
/// | `saturating` | `K − (K − y0)·exp(−r·s)` | asymptote `K`, level `y0` at `t_ref`, rate `r ≥ 0` |
/// | `damped` | `a + b·(1 − φ^s)/(−ln φ)` | level `a` and slope `b` at `t_ref`, damping `phi` ∈ (0, 1] per year |
///
/// The damped trend is linear growth whose slope shrinks by the factor φ every year; φ = 1 is the straight line,
/// so it nests ``linear``. The asymptote `K` of the sigmoid and saturating families can be fixed (``CurveSpec``).
public enum CurveModel: String, Sendable, CaseIterable, Codable {
    case linear, exponential, logistic, gompertz, richards, saturating, damped

    /// The model a `--model` word names (case-insensitive; `log-linear` means ``exponential``), nil otherwise.
    public init?(name: String) {
        let word = name.lowercased()
        if word == "log-linear" || word == "loglinear" { self = .exponential; return }
        if word == "saturating-exponential" || word == "monomolecular" { self = .saturating; return }
        if word == "damped-trend" { self = .damped; return }
        self.init(rawValue: word)
    }

    /// Parameter names in order, all of them (including an asymptote that may be fixed).
    public var parameterNames: [String] {
        switch self {
        case .linear: return ["a", "b"]
        case .exponential: return ["a", "r"]
        case .logistic, .gompertz: return ["K", "r", "t0"]
        case .richards: return ["K", "r", "t0", "nu"]
        case .saturating: return ["K", "y0", "r"]
        case .damped: return ["a", "b", "phi"]
        }
    }

    /// Whether the first parameter is an asymptote `K` that can be fixed.
    public var hasAsymptote: Bool {
        switch self {
        case .logistic, .gompertz, .richards, .saturating: return true
        case .linear, .exponential, .damped: return false
        }
    }

    /// Whether the parameters refer to the reference time `t_ref` (the sigmoid families use a calendar-year `t0`).
    var usesReferenceTime: Bool {
        switch self {
        case .linear, .exponential, .saturating, .damped: return true
        case .logistic, .gompertz, .richards: return false
        }
    }

    /// Index of the growth-rate parameter in the full vector (the one short-series priors mainly act on).
    var rateIndex: Int {
        switch self {
        case .linear, .exponential, .logistic, .gompertz, .richards, .damped: return 1
        case .saturating: return 2
        }
    }
}
