import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainForecast

/// A share standing alone forecasts with every default model its window cannot rule out, weighted by posterior
/// probability (Bayesian model averaging in Occam's window); a count takes the one of wider spread
/// (`CountDispersionTests`).
@Suite("Averages of the default models")
struct ModelAverageTests {
    static func series(_ values: [Double], kind: IndicatorKind = .share) -> Series {
        Series(unit: "U", indicator: "x", kind: kind, observations: values.enumerated().map {
            Observation(unit: "U", indicator: "x", period: .year(2019 + $0.offset), value: $0.element)
        })
    }

    static let windows: [[Double]] = [[0.80, 0.83, 0.845], [0.30, 0.70, 0.25], [0.52, 0.55, 0.53, 0.56],
                                      [0.05, 0.071, 0.058, 0.083, 0.062, 0.049, 0.068],
                                      (0..<7).map { 1 / (1 + exp(-(-1 + 0.3 * Double($0)))) }]

    @Test("The weights are the models' posterior probabilities, those below 5% dropped and the rest renormalised")
    func weightsArePosterior() throws {
        let forecaster = TrendForecaster(kind: .share)
        let candidates = TrendCalibration.defaultCandidates(for: .logit)
        let prior = TrendCalibration.defaultModelPrior(for: .logit)
        var averaged = 0, single = 0
        for values in Self.windows {
            let latent = values.map { log($0 / (1 - $0)) }, steps = Array(0..<values.count)
            let e = try candidates.indices.map {
                try forecaster.evidence(latent, steps: steps, deepest: values.count - 1, under: candidates[$0]) + log(prior[$0])
            }
            let posterior = e.map { exp($0 - e.max()!) }, total = posterior.reduce(0, +)
            let kept = posterior.map { $0 / total }.filter { $0 >= 0.05 }
            let expected = kept.map { $0 / kept.reduce(0, +) }.sorted(by: >)
            let f = try forecaster.fit(series: Self.series(values), calibration: .defaults(for: .logit))
            let weights = f.components.map(\.weight)
            #expect(weights.count == expected.count, "\(values): \(weights) vs \(expected)")
            for (w, x) in zip(weights, expected) { #expect(abs(w - x) < 1e-12, "\(values): \(weights) vs \(expected)") }
            if f.alternatives.isEmpty { single += 1 } else { averaged += 1 }
            // Quantiles and probabilities of the mixture agree: P(Z ≤ q_α) = α.
            for level in [0.1, 0.5, 0.9] {
                let q = f.quantiles(horizon: 5, levels: [level])[0]
                #expect(abs(f.probability(atMost: q, horizon: 5) - level) < 1e-7, "\(values) at \(level)")
            }
        }
        #expect(averaged > 0 && single > 0, "averaged \(averaged), single \(single)")
    }

    @Test("Each path of an average follows one model drawn by weight: the paths' frequencies are the mixture's")
    func pathsFollowTheMixture() throws {
        let f = try TrendForecaster(kind: .share).fit(series: Self.series([0.80, 0.83, 0.845]), calibration: .defaults(for: .logit))
        try #require(!f.alternatives.isEmpty)
        let levels = [0.1, 0.5, 0.9]
        let q = f.latentQuantiles(horizon: 5, levels: levels)
        // The models differ: their own medians are apart, so a sampler that ignored the weights would miss.
        let medians = f.components.map { $0.forecast.ownLatentQuantiles(horizon: 5, levels: [0.5])[0] }
        #expect(abs(medians[0] - medians[1]) > 0.05, "\(medians)")
        var rng = Xoshiro256StarStar(seed: 21)
        let sampler = f.pathSampler
        var latent = [Double](repeating: 0, count: 5), none: Xoshiro256StarStar? = nil
        var below = [Int](repeating: 0, count: 3)
        let n = 40_000
        for _ in 0..<n {
            sampler.samplePath(steps: 5, latent: &latent, using: &rng, noise: &none)
            for k in 0..<3 where latent[4] <= q[k] { below[k] += 1 }
        }
        for k in 0..<3 {
            let p = Double(below[k]) / Double(n), sd = (levels[k] * (1 - levels[k]) / Double(n)).squareRoot()
            #expect(abs(p - levels[k]) < 4 * sd, "level \(levels[k]): paths \(p)")
        }
    }
}
