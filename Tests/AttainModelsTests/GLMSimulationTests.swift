import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainModels

/// Recovery of known parameters and 95% interval coverage over simulated replicates.
///
/// Tolerances: a nominal 95% Wald interval should cover in 91–99% of 400 replicates (±4 points; the binomial Monte
/// Carlo sd of the coverage at 95% is 1.1 points). Seeds are fixed, so the numbers below are reproducible.
struct GLMSimulationTests {
    struct Tally {
        var covered = 0, total = 0, sum = 0.0, sumSquares = 0.0
        mutating func add(_ estimate: Double, _ se: Double, truth: Double) {
            total += 1
            if abs(estimate - truth) <= 1.959964 * se { covered += 1 }
            sum += estimate - truth
            sumSquares += (estimate - truth) * (estimate - truth)
        }
        var coverage: Double { Double(covered) / Double(total) }
        var bias: Double { sum / Double(total) }
        var rmse: Double { (sumSquares / Double(total)).squareRoot() }
    }

    static let years = 2014...2023
    static var times: [Double] { years.map(Double.init) }
    static let tRef = 2018.5

    @Test func poissonRecoveryAndCoverage() throws {
        var rng = Xoshiro256StarStar(seed: 20_231)
        let a = log(20.0), r = 0.08
        var ta = Tally(), tr = Tally()
        for _ in 0..<400 {
            let y = Self.times.map { Double(rng.poisson(mean: exp(a + r * ($0 - Self.tRef)))) }
            let f = try GLM.fit(Series(kind: .count, firstYear: 2014, values: y), model: .poisson)
            ta.add(f.parameters[0], f.standardErrors[0], truth: a)
            tr.add(f.parameters[1], f.standardErrors[1], truth: r)
        }
        print("poisson: coverage a \(ta.coverage) r \(tr.coverage), bias r \(tr.bias), rmse r \(tr.rmse)")
        #expect(abs(tr.bias) < 0.005 && abs(ta.bias) < 0.02)
        #expect((0.91...0.99).contains(ta.coverage) && (0.91...0.99).contains(tr.coverage))
    }

    @Test func negativeBinomialRecoveryAndCoverage() throws {
        var rng = Xoshiro256StarStar(seed: 77)
        let a = log(30.0), r = 0.1, theta = 8.0
        let years = 2009...2023, tRef = 2016.0
        var tr = Tally(), logThetas: [Double] = []
        var chosenNB = 0
        for _ in 0..<300 {
            let y = years.map { Double(rng.negativeBinomial(mean: exp(a + r * (Double($0) - tRef)), dispersion: theta)) }
            let series = Series(kind: .count, firstYear: 2009, values: y)
            let selection = try GLMSelection.select(series)
            let f = selection.candidates.last!  // the negative binomial, or the Poisson at its boundary
            tr.add(f.parameters[1], f.standardErrors[1], truth: r)
            if f.model == "negative-binomial" { logThetas.append(log(f.dispersion!)) }
            if selection.chosen.model == "negative-binomial" { chosenNB += 1 }
        }
        let medianTheta = exp(logThetas.sorted()[logThetas.count / 2])
        print("nb: coverage r \(tr.coverage), bias r \(tr.bias), median θ \(medianTheta), AICc chose NB in \(chosenNB)/300")
        #expect(abs(tr.bias) < 0.01)
        #expect((0.90...0.99).contains(tr.coverage))
        #expect(medianTheta > 5 && medianTheta < 12)
        #expect(chosenNB > 240)
    }

    @Test func quasiBinomialRecoveryAndCoverage() throws {
        // Beta-binomial shares: m = 300 trials, intra-class correlation ρ = 0.01, so φ ≈ 1 + 299ρ ≈ 4.
        var rng = Xoshiro256StarStar(seed: 5)
        let a = 0.3, r = 0.25, rho = 0.01, m = 300
        let years = 2009...2023, tRef = 2016.0
        var tr = Tally(), phis: [Double] = []
        for _ in 0..<400 {
            let successes = years.map { year -> Double in
                let p = logisticFunction(a + r * (Double(year) - tRef))
                let s = (1 - rho) / rho
                return Double(rng.binomial(count: m, probability: rng.beta(p * s, (1 - p) * s)))
            }
            let f = try GLM.fit(GLMReferenceTests.shares(successes, .init(repeating: Double(m), count: years.count), firstYear: 2009),
                                model: .logitLinear)
            tr.add(f.parameters[1], f.standardErrors[1], truth: r)
            phis.append(f.dispersion!)
        }
        let meanPhi = phis.reduce(0, +) / Double(phis.count)
        print("quasi-binomial: coverage r \(tr.coverage), bias r \(tr.bias), mean φ \(meanPhi)")
        #expect(abs(tr.bias) < 0.01)
        #expect((0.90...0.99).contains(tr.coverage))
        #expect(abs(meanPhi - 3.99) < 0.5)
    }

    @Test func asymptoteRecovery() throws {
        var rng = Xoshiro256StarStar(seed: 11)
        let k = 0.9, a = 0.5, r = 0.6, m = 400
        let years = 2012...2023, tRef = 2017.5
        var tk = Tally(), tr = Tally()
        var chosenLogistic = 0
        for _ in 0..<120 {
            let successes = years.map { Double(rng.binomial(count: m, probability: k * logisticFunction(a + r * (Double($0) - tRef)))) }
            let series = GLMReferenceTests.shares(successes, .init(repeating: Double(m), count: years.count), firstYear: 2012)
            let selection = try GLMSelection.select(series)
            let f = selection.candidates[1]
            tk.add(f.parameters[0], f.standardErrors[0], truth: k)
            tr.add(f.parameters[2], f.standardErrors[2], truth: r)
            if selection.chosen.model == "logistic" { chosenLogistic += 1 }
        }
        print("logistic K: coverage K \(tk.coverage) r \(tr.coverage), bias K \(tk.bias) r \(tr.bias), QAICc chose logistic \(chosenLogistic)/120")
        #expect(abs(tk.bias) < 0.01 && abs(tr.bias) < 0.05)
        #expect((0.89...0.99).contains(tk.coverage) && (0.89...0.99).contains(tr.coverage))
        #expect(chosenLogistic > 108)
    }
}
