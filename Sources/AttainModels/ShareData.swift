import AttainData

/// A validated share series: proportions `yᵢ ∈ [0, 1]` with binomial weights (denominators) when the data have them.
struct ShareData: Sendable {
    var unit: String
    var indicator: String
    var times: [Double]
    /// Observed proportions.
    var proportions: [Double]
    /// Denominators, or ones for values-only shares.
    var weights: [Double]
    /// Whether ``weights`` are real binomial denominators.
    var hasDenominators: Bool

    init(_ series: Series) throws {
        unit = series.unit
        indicator = series.indicator
        guard series.count > 0 else { throw GLMError.emptySeries(unit: unit, indicator: indicator) }
        times = series.times
        func bad(_ o: Observation, _ reason: String) -> GLMError {
            .invalidObservation(unit: series.unit, indicator: series.indicator, period: o.period.description, line: o.line, reason: reason)
        }
        if let num = series.numerators, let den = series.denominators {
            for (k, o) in series.observations.enumerated() {
                guard num[k].isFinite, den[k].isFinite, den[k] > 0 else {
                    throw bad(o, "denominator \(den[k]) must be a positive number (numerator \(num[k]))")
                }
                guard num[k] >= 0, num[k] <= den[k] else {
                    throw bad(o, "numerator \(num[k]) must lie between 0 and the denominator \(den[k])")
                }
            }
            proportions = zip(num, den).map { $0 / $1 }
            weights = den
            hasDenominators = true
        } else {
            for o in series.observations where !(o.value.isFinite && o.value >= 0 && o.value <= 1) {
                throw bad(o, "share \(o.value) is outside [0, 1] (give percentages as proportions: 90% is 0.9)")
            }
            proportions = series.values
            weights = [Double](repeating: 1, count: series.count)
            hasDenominators = false
        }
    }

    var count: Int { proportions.count }
    /// True when every share sits at 0 or 1: the logit MLE is infinite (all at one bound, or separation).
    var isDegenerate: Bool { proportions.allSatisfy { $0 == 0 || $0 == 1 } }
    /// `logit` of the pooled share, shrunk half a success from the bounds.
    var levelGuess: Double {
        let s = zip(proportions, weights).reduce(0.0) { $0 + $1.0 * $1.1 }, m = weights.reduce(0, +)
        return GLMMath.logit((s + 0.5) / (m + 1))
    }
}
