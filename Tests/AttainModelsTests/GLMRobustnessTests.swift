import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainModels

/// Random awkward series through every model and the selection: each gives finite numbers or a typed error.
struct GLMRobustnessTests {
    @Test func randomAwkwardSeriesNeverGiveNaN() throws {
        var rng = Xoshiro256StarStar(seed: 404)
        var fitted = 0, refused = 0
        for case_ in 0..<60 {
            let n = 1 + Int(rng.uniform() * 7)
            let scale = [0.0, 0.3, 3, 50, 1e6, 1e13][Int(rng.uniform() * 6)]
            let counts = (0..<n).map { _ in rng.uniform() < 0.3 ? 0 : Double(rng.poisson(mean: scale * (0.2 + 2 * rng.uniform()))) }
            let trials = (0..<n).map { _ in Double(1 + Int(rng.uniform() * [3, 40, 5000][case_ % 3])) }
            let successes = zip(counts, trials).map { c, m in [0, m, min(c, m), (m * rng.uniform()).rounded()][Int(rng.uniform() * 4)] }
            let values = successes.indices.map { successes[$0] / trials[$0] }
            let first = 2020 + Int(rng.uniform() * 3)
            let shareObs = (0..<n).map { Observation(unit: "u", indicator: "s", period: .year(first + $0), value: values[$0],
                                                      numerator: successes[$0], denominator: trials[$0]) }
            var cumulative = counts
            for i in cumulative.indices.dropFirst() { cumulative[i] += cumulative[i - 1] }
            let series: [(Series, [GLMModel])] = [
                (Series(kind: .count, firstYear: first, values: counts), [.poisson, .negativeBinomial]),
                (Series(kind: .cumulative, firstYear: first, values: cumulative), [.poisson, .negativeBinomial]),
                (Series(unit: "u", indicator: "s", kind: .share, observations: shareObs), [.logitLinear, .logistic(asymptote: nil)]),
                (Series(kind: .share, firstYear: first, values: values), [.logitLinear, .logistic(asymptote: nil), .logistic(asymptote: 0.9)]),
            ]
            for (s, models) in series {
                for model in models {
                    do {
                        let f = try GLM.fit(s, model: model)
                        GLMEdgeCaseTests.expectFinite(f, "case \(case_) \(s.kind) \(model.name) \(s.values)")
                        fitted += 1
                    } catch is GLMError {
                        refused += 1
                    }
                }
                do {
                    let sel = try GLMSelection.select(s)
                    #expect(sel.weights.allSatisfy { $0.isFinite } && abs(sel.weights.reduce(0, +) - 1) < 1e-9)
                } catch is GLMError {}
            }
        }
        print("robustness: \(fitted) fits finite, \(refused) typed refusals")
        #expect(fitted > 400)
    }
}
