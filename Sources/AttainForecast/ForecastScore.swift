/// Scores of one probabilistic forecast against its outcome: pinball / quantile score, CRPS, Brier, interval coverage.
///
/// ```swift
/// ForecastScore.pinball(quantile: 1, level: 0.9, outcome: 3)      // 1.8
/// ForecastScore.crps(samples: draws, outcome: 0.42)
/// ```
/// All are negatively oriented (smaller is better) and proper: the forecaster's expected score is best when it reports
/// its true belief (Gneiting & Raftery 2007).
public enum ForecastScore {
    /// The pinball loss of the `level`-quantile `q`: `τ(y − q)` when `y ≥ q`, `(1 − τ)(q − y)` otherwise.
    @inlinable public static func pinball(quantile q: Double, level tau: Double, outcome y: Double) -> Double {
        y >= q ? tau * (y - q) : (1 - tau) * (q - y)
    }

    /// The quantile score: the mean pinball loss over `levels` (twice it approximates the CRPS when the levels are a
    /// fine uniform grid such as `(k − ½)/K`).
    public static func quantileScore(quantiles: [Double], levels: [Double], outcome y: Double) -> Double {
        precondition(quantiles.count == levels.count && !levels.isEmpty, "one quantile per level")
        var total = 0.0
        for i in levels.indices { total += pinball(quantile: quantiles[i], level: levels[i], outcome: y) }
        return total / Double(levels.count)
    }

    /// CRPS of the empirical distribution of `samples`: `E|X − y| − ½ E|X − X'|`, in O(n log n) by sorting a copy.
    public static func crps(samples: [Double], outcome y: Double) -> Double {
        precondition(!samples.isEmpty, "CRPS needs at least one sample")
        let x = samples.sorted()
        let n = Double(x.count)
        var absolute = 0.0, spread = 0.0
        for (i, v) in x.enumerated() {
            absolute += abs(v - y)
            // Σ_{i<j} (x_j − x_i) = Σ_i x_i (2i − n + 1) for sorted x (0-based i).
            spread += v * (2 * Double(i) - n + 1)
        }
        return absolute / n - spread / (n * n)
    }

    /// The Brier score of the probability `p` given to an event: `(p − 1{occurred})²`.
    @inlinable public static func brier(probability p: Double, occurred: Bool) -> Double {
        let o = occurred ? 1.0 : 0.0
        return (p - o) * (p - o)
    }

    /// Whether the central `coverage` interval (levels `(1 − c)/2` and `(1 + c)/2`, which must be among `levels`) holds `y`;
    /// nil when the levels are missing.
    public static func covers(quantiles: [Double], levels: [Double], coverage c: Double, outcome y: Double) -> Bool? {
        guard let lo = levels.firstIndex(where: { abs($0 - (1 - c) / 2) < 1e-9 }),
              let hi = levels.firstIndex(where: { abs($0 - (1 + c) / 2) < 1e-9 }) else { return nil }
        return quantiles[lo] <= y && y <= quantiles[hi]
    }

    /// The predictive probability of `Y ≤ y` read off the quantiles by linear interpolation between levels (flat
    /// beyond the outermost levels): an approximate PIT value when only quantiles are known.
    public static func probabilityBelow(_ y: Double, quantiles: [Double], levels: [Double]) -> Double {
        precondition(quantiles.count == levels.count && !levels.isEmpty, "one quantile per level")
        if y <= quantiles[0] { return y < quantiles[0] ? levels[0] / 2 : levels[0] }
        for i in 1..<levels.count where y <= quantiles[i] {
            let width = quantiles[i] - quantiles[i - 1]
            let f = width > 0 ? (y - quantiles[i - 1]) / width : 1
            return levels[i - 1] + f * (levels[i] - levels[i - 1])
        }
        return (1 + levels[levels.count - 1]) / 2
    }
}
