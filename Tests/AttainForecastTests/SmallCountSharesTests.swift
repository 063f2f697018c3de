import Testing
import AttainData
import AttainRandom
@testable import AttainForecast

/// Shares counted out of a few enterprises: a count of 0 or n must not become certainty, and under the default
/// calibration (learned on smooth national series) the binomial noise of a small denominator must widen the forecast.
@Suite("Trend forecasts of shares with small denominators")
struct SmallCountSharesTests {
    static func share(_ counts: [(Double, Double)]) -> Series {
        Series(unit: "zone", indicator: "covered", kind: .share, observations: counts.enumerated().map { k, c in
            Observation(unit: "zone", indicator: "covered", period: .year(2019 + k), value: c.0 / c.1, numerator: c.0, denominator: c.1)
        })
    }

    static func valuesOnly(_ s: Series) -> Series {
        Series(unit: s.unit, indicator: s.indicator, kind: .share,
               observations: s.observations.map { Observation(unit: $0.unit, indicator: $0.indicator, period: $0.period, value: $0.value) })
    }

    let forecaster = TrendForecaster(kind: .share)
    let defaults = TrendCalibration.defaults(for: .logit, stepPeriods: 1)

    @Test("n of n is read with a continuity correction: a finite level, not a logit of 14")
    func allCountedIsNotCertainty() throws {
        let f = try forecaster.fit(series: Self.share([(2, 4), (3, 4), (3, 3), (3, 3)]), calibration: defaults)
        #expect(f.latentLevel < 3)                       // logit((3 + ½)/4) ≈ 1.95
        let q = f.quantiles(horizon: 1, levels: [0.1, 0.9])
        #expect(q[0] < 0.8, "10% quantile \(q[0])")      // three enterprises do not make a certainty
    }

    @Test("A denominator of 8 widens the 80% interval well beyond the values alone; a denominator of 10⁹ does not")
    func smallDenominatorsWiden() throws {
        let small = Self.share([(3, 8), (4, 8), (4, 8), (5, 8)])
        let width = { (s: Series) throws -> Double in
            let q = try forecaster.fit(series: s, calibration: defaults).latentQuantiles(horizon: 1, levels: [0.1, 0.9])
            return q[1] - q[0]
        }
        let withCounts = try width(small), alone = try width(Self.valuesOnly(small))
        // The binomial variance of a logit out of 8 near p = ½ is above 0.3 — the noise dominates the width: the 80%
        // interval is at least the binomial noise's own (2 × 1.2816 × its SD, less 5%), and wider than the values alone
        // give (whichever default model they choose: four points cannot tell a trend from noise).
        let level = try forecaster.fit(series: small, calibration: defaults).transform.toData(
            try forecaster.fit(series: small, calibration: defaults).latentLevel)
        let noise = TrendHyperparameters.shareSamplingVariance(share: level, denominator: 8)
        #expect(noise > 0.3)
        #expect(withCounts > 0.95 * 2 * 1.2816 * noise.squareRoot(), "\(withCounts)")
        #expect(withCounts > 1.5 * alone, "\(withCounts) vs \(alone)")
        let big = Self.share([(3e8, 8e8), (4e8, 8e8), (4e8, 8e8), (5e8, 8e8)])
        #expect(abs(try width(big) - alone) < 0.01 * alone)
        // Paths carry the same noise: their spread at step 1 matches the marginal's.
        let f = try forecaster.fit(series: small, calibration: defaults)
        var rng = Xoshiro256StarStar(seed: 5)
        var latent = [Double](repeating: 0, count: 1), draws: [Double] = []
        for _ in 0..<20_000 { f.samplePath(steps: 1, latent: &latent, using: &rng); draws.append(latent[0]) }
        draws.sort()
        let sampledWidth = draws[18_000] - draws[2_000]
        #expect(abs(sampledWidth / withCounts - 1) < 0.05, "sampled \(sampledWidth) vs marginal \(withCounts)")
    }
}
