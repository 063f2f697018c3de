import Foundation
import Testing
@testable import AttainSimulation
@testable import AttainTargets

/// Probabilities the simulation must reproduce within Monte Carlo error, because they are known in closed form.
@Suite struct ClosedFormTests {
    func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    func mcse(_ p: Double, _ n: Int) -> Double { (p * (1 - p) / Double(n)).squareRoot() }

    @Test func randomWalkWithKnownDriftCrossesAtTheExactRate() throws {
        // x₂₀₃₀ = 0 + 5μ + σ√5·Z: P(x₂₀₃₀ ≥ c) = 1 − Φ((c − 5μ)/(σ√5)).
        let (mu, sigma, c) = (0.1, 0.2, 0.8)
        let model = TestModels.model(kind: .level, process: RandomWalkProcess(start: 0, drift: mu, sigma: sigma))
        let spec = TargetSpec(id: "T", indicator: "x", kind: .levelAtDeadline, threshold: c, window: 2030...2030)
        let n = 20_000
        let tally = try TestModels.tally([spec], models: [model], paths: n)
        let exact = 1 - phi((c - 5 * mu) / (sigma * 5.0.squareRoot()))
        let p = TestModels.probability(tally)
        #expect(abs(p - exact) < 4 * mcse(exact, n), "p = \(p), exact = \(exact)")
    }

    @Test func driftUncertaintyWidensTheWalkExactly() throws {
        // With μ ~ N(μ̂, s²) per path: x₂₀₃₀ ~ N(5μ̂, 5σ² + 25s²).
        let (mu, s, sigma, c) = (0.1, 0.05, 0.2, 0.8)
        let model = TestModels.model(kind: .level, process: RandomWalkProcess(start: 0, drift: mu, driftStandardError: s, sigma: sigma))
        let spec = TargetSpec(id: "T", indicator: "x", kind: .levelAtDeadline, threshold: c, window: 2030...2030)
        let n = 20_000
        let exact = 1 - phi((c - 5 * mu) / (5 * sigma * sigma + 25 * s * s).squareRoot())
        let p = TestModels.probability(try TestModels.tally([spec], models: [model], paths: n))
        #expect(abs(p - exact) < 4 * mcse(exact, n), "p = \(p), exact = \(exact)")
    }

    @Test func independentPoissonYearsMultiply() throws {
        // Known rate: years are independent, so P(every year ≥ 2) = Π P(year ≥ 2) = (1 − e^{−λ}(1 + λ))⁴.
        let lambda = 3.0
        let model = TestModels.model(kind: .count, process: PoissonRateProcess(mean: lambda))
        let spec = TargetSpec(id: "E", indicator: "x", kind: .everyYear, threshold: 2, window: 2027...2030)
        let n = 20_000
        let tally = try TestModels.tally([spec], models: [model], paths: n)
        let perYear = 1 - exp(-lambda) * (1 + lambda)
        let joint = TestModels.probability(tally)
        var product = 1.0
        for k in 0..<4 {
            let q = Double(tally.metInYear(k, target: 0)) / Double(n)
            #expect(abs(q - perYear) < 4 * mcse(perYear, n), "year \(k)")
            product *= q
        }
        let exact = pow(perYear, 4)
        #expect(abs(joint - exact) < 4 * mcse(exact, n), "joint \(joint), exact \(exact)")
        #expect(abs(joint - product) < 4 * mcse(exact, n), "joint \(joint), product \(product)")
    }

    @Test func strictlyAboveDiffersFromAtLeastByThePointMass() throws {
        // Counts: P(X > 2) = P(X ≥ 3), while P(X ≥ 2) adds P(X = 2), on the very same paths.
        let lambda = 2.5
        let model = TestModels.model(kind: .count, process: PoissonRateProcess(mean: lambda))
        let atLeast = TargetSpec(id: "A", indicator: "x", kind: .everyYear, comparison: .atLeast, threshold: 2, window: 2026...2026)
        let above = TargetSpec(id: "B", indicator: "x", kind: .everyYear, comparison: .above, threshold: 2, window: 2026...2026)
        let n = 20_000
        let tally = try TestModels.tally([atLeast, above], models: [model], paths: n)
        let p2 = exp(-lambda) * lambda * lambda / 2
        let diff = TestModels.probability(tally, target: 0) - TestModels.probability(tally, target: 1)
        #expect(abs(diff - p2) < 4 * mcse(p2, n))
    }

    @Test func cumulativeCountAddsTheYears() throws {
        // Σ of 4 Poisson(λ) years is Poisson(4λ): P(Σ ≥ 10) exactly.
        let lambda = 2.0
        let model = TestModels.model(kind: .count, process: PoissonRateProcess(mean: lambda))
        let spec = TargetSpec(id: "C", indicator: "x", kind: .cumulativeCount, threshold: 10, window: 2027...2030)
        let n = 20_000
        let p = TestModels.probability(try TestModels.tally([spec], models: [model], paths: n))
        var cdf = 0.0, pmf = exp(-8.0)
        for k in 0..<10 { cdf += pmf; pmf *= 8 / Double(k + 1) }
        #expect(abs(p - (1 - cdf)) < 4 * mcse(1 - cdf, n))
    }

    @Test func aTargetAlreadyMetInTheDataIsMetWithProbabilityOne() throws {
        // 5 groups observed in 2025 of a 2025–2030 window needing 4: every path meets it, whatever is simulated.
        let model = TestModels.model(kind: .count, process: PoissonRateProcess(mean: 0.2), observed: 5)
        let spec = TargetSpec(id: "M", indicator: "x", kind: .cumulativeCount, threshold: 4, window: 2025...2030)
        let tally = try TestModels.tally([spec], models: [model], paths: 5_000)
        #expect(TestModels.probability(tally) == 1)
        let settled = ResultAssembly.settlement(tally.targets[0], indicator: model.indicators[0], partial: nil)
        #expect(settled == true)
        #expect(TargetStatus(probability: 1, settled: settled) == .met)
    }
}
