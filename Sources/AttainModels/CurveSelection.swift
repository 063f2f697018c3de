import AttainData

/// Chooses a growth curve for a series by AICc, with Akaike weights for model averaging.
///
/// **Default candidates** (``candidates(for:count:)``), simplest first:
/// - `level`: linear, exponential (log-linear), damped trend, saturating, logistic, Gompertz; Richards too from
///   ten points on (its shape parameter needs them).
/// - `cumulative`: linear, damped, saturating, logistic, Gompertz (Richards from ten points): running totals bend
///   toward a ceiling rather than grow exponentially.
/// - `share`: linear, logistic with `K = 1` and with `K` estimated, Gompertz (least squares on the data scale);
/// - `count`: linear, exponential, damped.
/// For whole series, ``select(_:options:)`` sends shares, counts and cumulative totals to ``GLMSelection`` instead,
/// whose likelihoods respect their bounds and integer nature; the lists above serve callers who want curves.
///
/// **Rule.** Each candidate is fitted (``CurveSpec/fit(times:values:weights:options:)``); candidates that did not
/// converge are set aside. The lowest AICc wins; ties (within 1e-9) go to the simpler candidate. AICc needs
/// `n ≥ k + 2` with `k` the parameter count plus σ, so a straight line needs five points and a logistic six; when no
/// candidate has a finite AICc, the first candidate (linear) is kept and the rule says so. Akaike weights
/// `exp(−Δᵢ/2)/Σ exp(−Δⱼ/2)` express the evidence for each; ``averagedFitted(_:)`` averages the fitted curves by them
/// (Burnham & Anderson's model averaging), which helps when two families fit about equally well.
public enum CurveSelection {
    /// The default candidate specifications for `kind` with `n` observations.
    public static func candidates(for kind: IndicatorKind, count n: Int) -> [CurveSpec] {
        let richards = n >= 10 ? [CurveSpec(.richards)] : []
        switch kind {
        case .level:
            return [CurveSpec(.linear), .logLinear, CurveSpec(.damped), CurveSpec(.saturating), CurveSpec(.logistic),
                    CurveSpec(.gompertz)] + richards
        case .cumulative:
            return [CurveSpec(.linear), CurveSpec(.damped), CurveSpec(.saturating), CurveSpec(.logistic), CurveSpec(.gompertz)] + richards
        case .share:
            return [CurveSpec(.linear), CurveSpec(.logistic, asymptote: 1), CurveSpec(.logistic), CurveSpec(.gompertz)]
        case .count:
            return [CurveSpec(.linear), .logLinear, CurveSpec(.damped)]
        }
    }

    /// Fits `candidates` (default: those for `kind`) to `(times, values)` and ranks them by AICc.
    /// - Throws: ``CurveFitError`` when the data are unusable for every candidate.
    public static func select(times: [Double], values: [Double], weights: [Double]? = nil, kind: IndicatorKind = .level,
                              candidates: [CurveSpec]? = nil, options: CurveFitOptions = CurveFitOptions()) throws -> ModelSelection {
        let specs = candidates ?? Self.candidates(for: kind, count: values.count)
        var fits: [FitResult] = []
        var firstError: Error?
        for spec in specs {
            do { fits.append(try spec.fit(times: times, values: values, weights: weights, options: options)) } catch {
                if firstError == nil { firstError = error }
            }
        }
        guard !fits.isEmpty else { throw firstError ?? CurveFitError.noFit(model: "auto", reason: "no candidate model") }
        let criteria = fits.map { $0.converged ? $0.aicc : .infinity }
        var chosen = 0
        for i in fits.indices.dropFirst() where criteria[i].isFinite && (!criteria[chosen].isFinite || criteria[i] < criteria[chosen] - 1e-9) {
            chosen = i
        }
        let rule: String
        if criteria.contains(where: \.isFinite) {
            rule = "lowest AICc among " + fits.map(\.model).joined(separator: ", ")
        } else {
            rule = "\(values.count) points are too few for AICc to rank curves (a straight line needs 5): kept \(fits[0].model)"
            fits[0].warnings.append("model not selected by data: with \(values.count) points the simplest curve (\(fits[0].model)) is used")
        }
        return ModelSelection(candidates: fits, criteria: criteria, weights: GLMSelection.akaikeWeights(criteria),
                              chosenIndex: chosen, rule: rule)
    }

    /// Picks a model for a whole series: growth curves for `level` series, ``GLMSelection`` (binomial, Poisson and
    /// negative-binomial trends) for shares, counts and cumulative totals.
    public static func select(_ series: Series, options: CurveFitOptions = CurveFitOptions()) throws -> ModelSelection {
        switch series.kind {
        case .level:
            return try select(times: series.times, values: series.values, kind: .level, options: options)
        case .share, .count, .cumulative:
            return try GLMSelection.select(series)
        }
    }

    /// The Akaike-weighted average of the candidates' fitted values at the observed times.
    public static func averagedFitted(_ selection: ModelSelection) -> [Double] {
        let n = selection.chosen.fitted.count
        var out = [Double](repeating: 0, count: n)
        for (fit, w) in zip(selection.candidates, selection.weights) where w > 0 && fit.fitted.count == n {
            for i in 0..<n { out[i] += w * fit.fitted[i] }
        }
        return out
    }
}
