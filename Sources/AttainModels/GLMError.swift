/// Why a count or share model could not be fitted, with where and how to fix it.
public enum GLMError: Error, Equatable, CustomStringConvertible {
    /// The series has no observations.
    case emptySeries(unit: String, indicator: String)
    /// An observation cannot be modelled by this kind (negative count, share outside [0, 1], numerator above denominator, NaN).
    case invalidObservation(unit: String, indicator: String, period: String, line: Int, reason: String)
    /// The exposure array does not match the series, or holds a value that is not positive and finite.
    case invalidExposure(String)
    /// A cumulative series went down between two periods.
    case decreasingCumulative(unit: String, indicator: String, period: String, line: Int, previous: Double, value: Double)
    /// A cumulative series needs two values to form one increment.
    case tooShortForIncrements(unit: String, indicator: String)
    /// The requested model does not describe this kind of indicator.
    case modelNotForKind(model: String, kind: String)
    /// A fixed asymptote outside `(0, 1]`.
    case invalidCeiling(Double)
    /// Units given to pooling share a name.
    case duplicateUnit(String)
    /// The linear algebra underneath failed (a bug or wildly scaled data).
    case numericalFailure(String)

    public var description: String {
        func place(_ unit: String, _ indicator: String, _ period: String, _ line: Int) -> String {
            "\(unit.isEmpty ? "" : "unit '\(unit)', ")\(indicator.isEmpty ? "" : "indicator '\(indicator)', ")period \(period)"
                + (line > 0 ? " (line \(line))" : "")
        }
        switch self {
        case .emptySeries(let u, let i):
            return "series for unit '\(u)', indicator '\(i)' has no observations: add at least one row"
        case .invalidObservation(let u, let i, let p, let l, let r):
            return "\(place(u, i, p, l)): \(r)"
        case .invalidExposure(let s):
            return "exposure: \(s); give one positive finite exposure per observation"
        case .decreasingCumulative(let u, let i, let p, let l, let prev, let v):
            return "\(place(u, i, p, l)): cumulative total fell from \(prev) to \(v); "
                + "a running total cannot decrease (check the row, or declare the indicator as `count`)"
        case .tooShortForIncrements(let u, let i):
            return "cumulative series for unit '\(u)', indicator '\(i)' has one value: two are needed to form an increment"
        case .modelNotForKind(let m, let k):
            return "model '\(m)' does not describe a '\(k)' indicator: counts use poisson | negative-binomial, "
                + "shares use logit-linear | logistic, levels use the growth curves"
        case .invalidCeiling(let k):
            return "asymptote K = \(k) is outside (0, 1]: a share's ceiling must be a proportion above 0"
        case .duplicateUnit(let u):
            return "unit '\(u)' appears twice among the units to pool: give each series a distinct unit"
        case .numericalFailure(let s):
            return "numerical failure while fitting: \(s)"
        }
    }
}
