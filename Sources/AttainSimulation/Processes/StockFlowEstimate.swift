import Foundation

/// Rates of a stock-flow process estimated from yearly stocks, with their uncertainty as Beta / Gamma posteriors.
///
/// From consecutive year-end stocks `(P_{t−1}, S_{t−1}) → (P_t, S_t)` and an assumed exit rate `e`:
/// surviving holders `(1 − e)·S_{t−1}`, acquirers `a_t = S_t − (1 − e)·S_{t−1}`, at risk `n_t = P_t − (1 − e)·S_{t−1}`,
/// and (enterprises) entrants `P_t − (1 − e)·P_{t−1}`. The yearly acquisition probability has the posterior
/// `Beta(½ + Σa/φ, ½ + Σ(n − a)/φ)` (Jeffreys prior), where φ ≥ 1 is the Pearson dispersion of the yearly rates
/// around the pooled one: a large population whose rate still wobbles from year to year is not treated as thousands of
/// independent trials. The entry rate has the posterior `Gamma(½ + Σ entrants, years)`.
public struct StockFlowEstimate: Sendable, Equatable {
    public var hazardAlpha: Double
    public var hazardBeta: Double
    public var dispersion: Double
    public var entryShape: Double
    public var entryRate: Double
    /// Yearly acquisition rates observed, for reports.
    public var yearlyRates: [Double]

    /// Estimates from year-end `populations` and `holders` (same length, at least two years) and the exit rate.
    public init?(populations: [Double], holders: [Double], exitRate e: Double) {
        guard populations.count == holders.count, populations.count >= 2 else { return nil }
        var acquired: [Double] = [], atRisk: [Double] = [], entrants = 0.0
        for t in 1..<populations.count {
            let survivors = (1 - e) * holders[t - 1]
            let n = max(1, populations[t] - survivors)
            acquired.append(min(n, max(0, holders[t] - survivors)))
            atRisk.append(n)
            entrants += max(0, populations[t] - (1 - e) * populations[t - 1])
        }
        let a = acquired.reduce(0, +), n = atRisk.reduce(0, +)
        let pooled = min(max(a / n, 1e-6), 1 - 1e-6)
        var chi2 = 0.0
        for t in acquired.indices {
            let expected = pooled * atRisk[t]
            chi2 += (acquired[t] - expected) * (acquired[t] - expected) / (expected * (1 - pooled))
        }
        let df = acquired.count - 1
        dispersion = df > 0 ? max(1, chi2 / Double(df)) : 1
        hazardAlpha = 0.5 + a / dispersion
        hazardBeta = 0.5 + (n - a) / dispersion
        entryShape = 0.5 + entrants
        entryRate = Double(acquired.count)
        yearlyRates = zip(acquired, atRisk).map { $0 / $1 }
    }

    /// Mean yearly acquisition probability.
    public var hazardMean: Double { hazardAlpha / (hazardAlpha + hazardBeta) }
}
