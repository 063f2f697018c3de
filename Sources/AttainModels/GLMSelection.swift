import Foundation
import AttainData

/// Candidate models of one series ranked by AICc, with Akaike weights for model averaging.
public struct ModelSelection: Sendable {
    /// Every candidate that was fitted, in the order of the rule (simplest first).
    public var candidates: [FitResult]
    /// The criterion of each candidate (AICc, or QAICc with a common dispersion for binomial shares); infinite when the
    /// series is too short for the candidate.
    public var criteria: [Double]
    /// Akaike weights `exp(−Δᵢ/2)/Σ exp(−Δⱼ/2)`: the weight of evidence for each candidate.
    public var weights: [Double]
    /// Index of the chosen candidate.
    public var chosenIndex: Int
    /// How the choice was made, in words.
    public var rule: String

    /// The chosen fit.
    public var chosen: FitResult { candidates[chosenIndex] }
}

/// The documented default model choice for count and share indicators.
///
/// - Counts and cumulative totals (through increments): Poisson versus negative binomial by AICc. The negative
///   binomial is a candidate only when it can be estimated (at least four points, size θ below the Poisson boundary);
///   when every AICc is infinite (three points or fewer) the Poisson is kept.
/// - Shares: logit-linear versus logistic with an estimated asymptote `K ≤ 1`. With denominators both are compared by
///   QAICc, `−2ℓ/φ̂ + 2k + 2k(k+1)/(n−k−1)`, with `φ̂` of the larger model (Burnham & Anderson); values-only shares by
///   AICc of their data-scale likelihood. The logistic needs six points for a finite criterion; shorter series keep
///   the logit-linear model.
/// Ties and infinite criteria go to the simpler model.
public enum GLMSelection {
    /// Fits the candidates for `series.kind` and picks one.
    /// - Throws: ``GLMError`` as ``GLM/fit(_:model:exposure:options:)``; `level` series are not handled here.
    public static func select(_ series: Series, exposure: [Double]? = nil, options: GLMOptions = GLMOptions()) throws -> ModelSelection {
        switch series.kind {
        case .count, .cumulative:
            let poisson = try GLM.fit(series, model: .poisson, exposure: exposure, options: options)
            let nb = try GLM.fit(series, model: .negativeBinomial, exposure: exposure, options: options)
            let candidates = nb.model == GLMModel.negativeBinomial.name ? [poisson, nb] : [poisson]
            return rank(candidates, criteria: candidates.map(\.aicc),
                        rule: candidates.count == 1 ? "Poisson: the negative binomial is not estimable here (no overdispersion or too few points)"
                                                    : "Poisson vs negative binomial by AICc")
        case .share:
            let linear = try GLM.fit(series, model: .logitLinear, options: options)
            let logistic = try GLM.fit(series, model: .logistic(asymptote: nil), options: options)
            let candidates = [linear, logistic]
            let data = try ShareData(series)
            if data.hasDenominators {
                let phi = max(logistic.dispersion ?? 1, 1)
                let criteria = candidates.map { quasiAICc($0, phi: phi) }
                return rank(candidates, criteria: criteria, rule: "logit-linear vs logistic by QAICc (common φ = \(GLMTrend.format(phi)))")
            }
            return rank(candidates, criteria: candidates.map(\.aicc), rule: "logit-linear vs logistic by AICc")
        case .level:
            throw GLMError.modelNotForKind(model: "auto", kind: series.kind.rawValue)
        }
    }

    /// Akaike weights for criteria (infinite criteria get weight 0; if all are infinite, the first gets 1).
    public static func akaikeWeights(_ criteria: [Double]) -> [Double] {
        guard let best = criteria.filter({ $0.isFinite }).min() else {
            return criteria.indices.map { $0 == 0 ? 1 : 0 }
        }
        let raw = criteria.map { $0.isFinite ? exp(-0.5 * ($0 - best)) : 0 }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// QAICc of a binomial share fit under a common dispersion `phi` (the fit stores `ℓ_binomial/φ_own`).
    static func quasiAICc(_ fit: FitResult, phi: Double) -> Double {
        let k = Double(fit.effectiveParameterCount), n = Double(fit.observationCount)
        guard n - k - 1 > 0 else { return .infinity }
        let binomial = fit.logLikelihood * (fit.dispersion ?? 1)
        return -2 * binomial / phi + 2 * k + 2 * k * (k + 1) / (n - k - 1)
    }

    private static func rank(_ candidates: [FitResult], criteria: [Double], rule: String) -> ModelSelection {
        let weights = akaikeWeights(criteria)
        var chosen = 0
        for i in candidates.indices.dropFirst() {
            let c = criteria[i], best = criteria[chosen]
            if c.isFinite && (!best.isFinite || c < best - 1e-9) { chosen = i }
        }
        return ModelSelection(candidates: candidates, criteria: criteria, weights: weights, chosenIndex: chosen, rule: rule)
    }
}
