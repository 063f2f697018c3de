import Foundation

/// Rates of a stock-flow process estimated from year-end stocks, with their uncertainty as Gamma posteriors.
///
/// Given the assumed yearly exit rate `e` (exit hazard `μ = −ln(1 − e)`), each year's transition
/// `(P_{t−1}, S_{t−1}) → (P_t, S_t)` implies an acquisition hazard `ρ_t` (``StockFlowDynamics``) and a number of
/// acquirers `a_t = S_t − e^{−μ}S_{t−1}`. The hazard's distribution is `Gamma(k, k/ρ̄)` around the mean `ρ̄` of the
/// yearly hazards, with `k` the smaller of `½ + Σa` (what the counts alone would allow) and `n·ρ̄²/v` (what the
/// year-to-year variance `v` of the `ρ_t` allows): a large population whose rate still wobbles is not treated as
/// thousands of independent trials. The dispersion `φ ≥ 1` of yearly acquirers around their expectation at `ρ̄`
/// (Pearson, quasi-binomial) widens each simulated year. Entries (enterprises) `P_t − e^{−μ}P_{t−1}` give the entry
/// rate the posterior `Gamma(½ + Σ entries, years)`.
public struct StockFlowEstimate: Sendable, Equatable {
    /// Gamma shape and rate of the acquisition hazard.
    public var hazardShape: Double
    public var hazardRate: Double
    /// Quasi-binomial dispersion of yearly acquisitions.
    public var dispersion: Double
    /// Gamma shape and rate of the yearly entry rate.
    public var entryShape: Double
    public var entryRate: Double
    /// The yearly hazards implied by the data, for reports.
    public var yearlyHazards: [Double]

    /// Estimates from year-end `populations` and `holders` (same length, at least two years) and the exit rate.
    public init?(populations: [Double], holders: [Double], exitRate e: Double) {
        guard populations.count == holders.count, populations.count >= 2, e >= 0, e < 1 else { return nil }
        let mu = -log(1 - e), keep = exp(-mu)
        var hazards: [Double] = [], acquired: [Double] = [], entrants = 0.0
        for t in 1..<populations.count {
            hazards.append(StockFlowDynamics.impliedHazard(from: holders[t - 1], to: holders[t], population: populations[t], exitHazard: mu))
            acquired.append(max(0, holders[t] - keep * holders[t - 1]))
            entrants += max(0, populations[t] - keep * populations[t - 1])
        }
        let n = Double(hazards.count)
        let mean = max(hazards.reduce(0, +) / n, 1e-6)
        let variance = n > 1 ? hazards.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1) : 0
        let countShape = 0.5 + acquired.reduce(0, +)
        let shape = variance > 0 ? min(countShape, n * mean * mean / variance) : countShape
        hazardShape = max(shape, 0.5)
        hazardRate = hazardShape / mean
        var chi2 = 0.0
        for t in 1..<populations.count {
            let q = StockFlowDynamics.acquisitionProbability(from: holders[t - 1], population: populations[t], exitHazard: mu,
                                                             acquisitionHazard: mean, step: 1)
            let atRisk = max(1, populations[t] - keep * holders[t - 1])
            let expected = q * atRisk, variance = max(atRisk * q * (1 - q), 1e-9)
            chi2 += (acquired[t - 1] - expected) * (acquired[t - 1] - expected) / variance
        }
        dispersion = n > 1 ? max(1, chi2 / (n - 1)) : 1
        entryShape = 0.5 + entrants
        entryRate = n
        yearlyHazards = hazards
    }

    /// Mean acquisition hazard (per year).
    public var hazardMean: Double { hazardShape / hazardRate }
}
