import Foundation
import Testing
@testable import AttainSimulation
@testable import AttainTargets

@Suite struct GoalSeekTests {
    /// A study of one Poisson count (rate 2 a year, 2026–2030) with a rate multiplier from 2027.
    func study(value: Double = 1) throws -> PlanStudy {
        let lever = Intervention(id: "boost", lever: .rateMultiplier, indicators: ["x"], from: 2027, value: value)
        let model = TestModels.model(kind: .count, process: PoissonRateProcess(mean: 2), interventions: [lever])
        let scenario = Scenario(name: "m", horizon: 2030, cutoff: .endOfYear(2025),
                                indicators: [IndicatorSpec(name: "x", kind: .count)], interventions: [lever])
        let spec = TargetSpec(id: "C", indicator: "x", kind: .cumulativeCount, threshold: 12, window: 2027...2030)
        let compiled = CompiledScenario(scenario: scenario, model: model,
                                        histories: [YearlyHistory(observations: [], kind: .count, cutoff: .endOfYear(2025))], warnings: [])
        return PlanStudy(compiled: compiled, targetFile: TargetFile(targets: [spec]), targets: [try CompiledTarget(spec, models: [model])])
    }

    /// P(Poisson(8m) ≥ 12).
    func exact(_ m: Double) -> Double {
        var cdf = 0.0, pmf = exp(-8 * m)
        for k in 0..<12 { cdf += pmf; pmf *= 8 * m / Double(k + 1) }
        return 1 - cdf
    }

    @Test("Progress is heard after every run, with an expected count that is never below what is done")
    func progressFollowsTheRuns() throws {
        var heard: [(Int, Int)] = []
        let result = try study().goalSeek(target: "C", probability: 0.8, lever: "boost", range: 1...4, paths: 2_000, seed: 3,
                                          progress: { heard.append(($0, $1)) })
        #expect(heard.map(\.0) == Array(1...result.evaluations.count))
        #expect(heard.allSatisfy { $0.1 >= $0.0 })
        #expect(heard.last?.1 == 13)  // 3 + ⌈log₂(1/tolerance)⌉ at the default tolerance 10⁻³
    }

    @Test func findsTheMultiplierThatReachesTheProbability() throws {
        let want = 0.8, paths = 20_000
        let result = try study().goalSeek(target: "C", probability: want, lever: "boost", range: 1...4, paths: paths, seed: 3, threads: 2)
        var lo = 1.0, hi = 4.0
        for _ in 0..<60 { let mid = (lo + hi) / 2; if exact(mid) < want { lo = mid } else { hi = mid } }
        let slope = (exact(hi + 0.01) - exact(hi - 0.01)) / 0.02
        let tolerance = 4 * (want * (1 - want) / Double(paths)).squareRoot() / slope + 0.01
        let required = try #require(result.required)
        #expect(abs(required - hi) < tolerance, "found \(required), exact \(hi)")
        #expect(result.direction == "increasing")
        #expect(try #require(result.achievedProbability) >= want)
        #expect(result.currentValue == 1 && abs(result.currentProbability - exact(1)) < 0.02)
        // Monotone along the search on common random numbers.
        let sorted = result.evaluations.sorted { $0.value < $1.value }
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.probability <= b.probability) }
    }

    @Test func unreachableAndUnknownAreReported() throws {
        let s = try study()
        let none = try s.goalSeek(target: "C", probability: 0.999999, lever: "boost", range: 1...1.2, paths: 2_000, seed: 3)
        #expect(none.required == nil)
        #expect(throws: StudyError.self) { try s.goalSeek(target: "Z", probability: 0.5, lever: "boost", paths: 100, seed: 1) }
        #expect(throws: StudyError.self) { try s.goalSeek(target: "C", probability: 0.5, lever: "nope", paths: 100, seed: 1) }
        // A lever named LEVER:INDICATOR is created on the fly.
        let adhoc = try s.goalSeek(target: "C", probability: 0.8, lever: "rate-multiplier:x", range: 1...4, paths: 2_000, seed: 3)
        #expect(adhoc.required != nil)
    }
}
