import Foundation
import Testing
import AttainRandom
@testable import AttainForecast

@Suite("Forecast scores and evaluation")
struct ForecastScoreTests {
    @Test("Pinball loss and quantile score, closed form")
    func pinball() {
        #expect(ForecastScore.pinball(quantile: 1, level: 0.9, outcome: 3) == 0.9 * 2)
        #expect(abs(ForecastScore.pinball(quantile: 1, level: 0.9, outcome: 0) - 0.1) < 1e-15)
        #expect(ForecastScore.pinball(quantile: 2, level: 0.5, outcome: 2) == 0)
        // Levels 0.1, 0.5, 0.9 at 0, 1, 2 with y = 1.5: (0.1·1.5 + 0.5·0.5 + 0.1·0.5)/3.
        let qs = ForecastScore.quantileScore(quantiles: [0, 1, 2], levels: [0.1, 0.5, 0.9], outcome: 1.5)
        #expect(abs(qs - (0.15 + 0.25 + 0.05) / 3) < 1e-15)
    }

    @Test("Quantile score over a fine level grid is half the normal CRPS")
    func quantileScoreApproximatesCRPS() {
        let k = 2000
        let levels = (1...k).map { (Double($0) - 0.5) / Double(k) }
        let quantiles = levels.map { 1 + 2 * StandardNormal.quantile($0) }
        let qs = ForecastScore.quantileScore(quantiles: quantiles, levels: levels, outcome: 2.2)
        #expect(abs(2 * qs - StandardNormal.crps(mean: 1, sd: 2, outcome: 2.2)) < 1e-3)
    }

    @Test("Sample CRPS converges to the normal formula")
    func sampleCRPS() {
        var rng = Xoshiro256StarStar(seed: 11)
        let draws = (0..<40_000).map { _ in 0.5 + 1.5 * rng.normal() }
        let exact = StandardNormal.crps(mean: 0.5, sd: 1.5, outcome: -0.7)
        // The estimator's standard error here is about 0.005.
        #expect(abs(ForecastScore.crps(samples: draws, outcome: -0.7) - exact) < 0.02)
        #expect(ForecastScore.crps(samples: [3], outcome: 1) == 2)
    }

    @Test("Brier, coverage and quantile-based PIT")
    func brierCoverage() {
        #expect(abs(ForecastScore.brier(probability: 0.7, occurred: true) - 0.09) < 1e-15)
        #expect(abs(ForecastScore.brier(probability: 0.7, occurred: false) - 0.49) < 1e-15)
        let levels = [0.025, 0.1, 0.5, 0.9, 0.975]
        let q = [1.0, 2, 3, 4, 5]
        #expect(ForecastScore.covers(quantiles: q, levels: levels, coverage: 0.8, outcome: 4) == true)
        #expect(ForecastScore.covers(quantiles: q, levels: levels, coverage: 0.8, outcome: 4.5) == false)
        #expect(ForecastScore.covers(quantiles: q, levels: levels, coverage: 0.95, outcome: 4.5) == true)
        #expect(ForecastScore.covers(quantiles: q, levels: levels, coverage: 0.5, outcome: 3) == nil)
        #expect(abs(ForecastScore.probabilityBelow(3.5, quantiles: q, levels: levels) - 0.7) < 1e-12)
    }

    @Test("Random walk with drift: drift, σ and quantiles in closed form")
    func randomWalkDrift() throws {
        let rw = try #require(RandomWalkDrift(window: [1, 2, 4, 5]))
        #expect(rw.drift == 4.0 / 3)
        // Differences 1, 2, 1 around 4/3: squares 1/9, 4/9, 1/9 → variance (6/9)/2.
        #expect(abs(rw.sigma - (1.0 / 3).squareRoot()) < 1e-15)
        let q = rw.quantiles(horizon: 2, levels: [0.5, 0.975])
        #expect(abs(q[0] - (5 + 8.0 / 3)) < 1e-12)
        let sd = (1.0 / 3).squareRoot() * (2 * (1 + 2.0 / 3)).squareRoot()
        #expect(abs(q[1] - (q[0] + 1.959963984540054 * sd)) < 1e-12)
        #expect(RandomWalkDrift(window: [1]) == nil)
    }

    @Test("Evaluation: coverage, PIT, MASE, Brier and relative score by horizon and overall")
    func evaluation() throws {
        let levels = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975]
        var e = ForecastEvaluation(levels: levels, pitBins: 4)
        let q = [-2.0, -1, -0.5, 0, 0.5, 1, 2]
        e.add(horizon: 1, quantiles: q, outcome: 0.2, pit: 0.6, baseline: q.map { $0 * 2 }, maseScale: 0.5,
              events: [(0.3, false)])
        e.add(horizon: 1, quantiles: q, outcome: 1.5, pit: 0.95, baseline: q.map { $0 * 2 }, maseScale: 0.5)
        e.add(horizon: 2, quantiles: q, outcome: -3, pit: 0.01, baseline: q.map { $0 * 2 }, maseScale: 1)
        let h1 = try #require(e.summary(horizon: 1))
        #expect(h1.count == 2)
        #expect(h1.coverage[0.5] == 0.5 && h1.coverage[0.8] == 0.5 && h1.coverage[0.95] == 1)
        #expect(h1.pitHistogram == [0, 0, 0.5, 0.5])
        #expect(abs(h1.mase! - (0.2 / 0.5 + 1.5 / 0.5) / 2) < 1e-12)
        #expect(abs(h1.brier! - 0.09) < 1e-12)
        let all = try #require(e.summary())
        #expect(all.count == 3)
        #expect(all.coverage[0.95] == 2.0 / 3)
        #expect(all.pitHistogram[0] == 1.0 / 3)
        let own = [0.2, 1.5, -3.0].map { ForecastScore.quantileScore(quantiles: q, levels: levels, outcome: $0) }.reduce(0, +)
        let base = [0.2, 1.5, -3.0].map { ForecastScore.quantileScore(quantiles: q.map { $0 * 2 }, levels: levels, outcome: $0) }.reduce(0, +)
        #expect(abs(all.relativeScore! - own / base) < 1e-12)
        #expect(abs(all.crps - 2 * own / 3) < 1e-12)
        #expect(e.summary(horizon: 7) == nil)
    }
}
