import AttainData

/// Fits count and share indicators with trend GLMs: the engine behind `attain fit` for `count`, `cumulative` and `share`.
///
/// ```swift
/// let fit = try GLM.fit(series, model: .negativeBinomial)
/// fit.parameter("r")          // yearly growth of the log rate
/// fit.mean(2030, fit.parameters)  // expected count per unit exposure in 2030
/// ```
/// Parameters are `a` (level on the link scale at ``FitResult/referenceTime``), `r` (growth per year on the link
/// scale) and, for the logistic share, `K` first. Cumulative series are fitted through their increments (see
/// ``CumulativeSeries``): the fit's mean is then the expected increment per period. Counts' means are per unit
/// exposure (`fitted` includes the exposure), so a half-year of data enters with exposure 0.5.
///
/// What the ``FitResult`` holds: `covariance` is `φ(XᵀWX + φP)⁻¹` (`P` the precision of any prior that acted),
/// `dispersion` the quasi-binomial φ for shares or the size θ for the negative binomial, `deviance` the residual
/// deviance. For shares with denominators `logLikelihood` is the quasi-likelihood `ℓ_binomial/φ` (so `aicc` is QAICc);
/// for values-only shares it is a Gaussian likelihood on the data scale with `Var = φ·p(1 − p)`. Every prior that
/// acted, and every boundary reached, is named in `warnings`. Cost: O(n) per IRLS iteration.
public enum GLM {
    /// Fits `model` to `series`.
    ///
    /// - Parameters:
    ///   - series: a `count`, `cumulative` or `share` series (shares use numerators/denominators when every row has them).
    ///   - model: a count model for counts and cumulative totals, a share model for shares.
    ///   - exposure: counts only: one positive exposure per observation (population, months observed); the rate is per
    ///     unit exposure. Cumulative series default to the number of periods each increment spans.
    ///   - options: time origin, priors, iteration limits.
    /// - Throws: ``GLMError`` naming the offending row, or a model that does not fit the kind.
    public static func fit(_ series: Series, model: GLMModel, exposure: [Double]? = nil,
                           options: GLMOptions = GLMOptions()) throws -> FitResult {
        switch series.kind {
        case .count, .cumulative:
            guard model.isCountModel else { throw GLMError.modelNotForKind(model: model.name, kind: series.kind.rawValue) }
            var data = try countData(series, exposure: exposure)
            let cumulative = series.kind == .cumulative
            if cumulative { data.warnings.append("cumulative total modelled through its \(data.counts.count) increments") }
            return try CountRegression.fit(data, model: model, options: options)
        case .share:
            let data = try ShareData(series)
            switch model {
            case .logitLinear: return try ShareRegression.fitLogitLinear(data, options: options)
            case .logistic(let k): return try ShareAsymptote.fit(data, ceiling: k, options: options)
            default: throw GLMError.modelNotForKind(model: model.name, kind: series.kind.rawValue)
            }
        case .level:
            throw GLMError.modelNotForKind(model: model.name, kind: series.kind.rawValue)
        }
    }

    /// The validated counts of a count series, or of a cumulative series' increments.
    static func countData(_ series: Series, exposure: [Double]?) throws -> CountData {
        guard series.kind == .cumulative else { return try CountData(series, exposure: exposure) }
        if let e = exposure, e.count != series.count {
            throw GLMError.invalidExposure("\(e.count) exposures for \(series.count) observations of unit '\(series.unit)'")
        }
        let (increments, spans) = try CumulativeSeries.increments(of: series)
        return try CountData(increments, exposure: exposure.map { Array($0.dropFirst()) } ?? spans)
    }
}
