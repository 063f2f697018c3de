import Foundation
import AttainData
import AttainRandom
import Testing
@testable import AttainModels

private let years = (0..<20).map { 2004.0 + Double($0) }

@Test func selectionPrefersTheGeneratingFamily() throws {
    var rng = Xoshiro256StarStar(seed: 5)
    let sigmoid = years.map { 1000 / (1 + exp(-0.6 * ($0 - 2013))) + 10 * rng.normal() }
    let chosen = try CurveSelection.select(times: years, values: sigmoid)
    #expect(["logistic", "richards"].contains(chosen.chosen.model), "chose \(chosen.chosen.model): \(chosen.criteria)")
    #expect(abs(chosen.weights.reduce(0, +) - 1) < 1e-12)
    let line = years.map { 300 + 8 * ($0 - 2004) + 5 * rng.normal() }
    let straight = try CurveSelection.select(times: years, values: line)
    #expect(["linear", "damped"].contains(straight.chosen.model), "chose \(straight.chosen.model): \(straight.criteria)")
    #expect(straight.candidates.map(\.model).starts(with: ["linear", "exponential", "damped"]))
    // The Akaike-weighted fitted curve stays between the candidates' fits.
    let averaged = CurveSelection.averagedFitted(chosen)
    for i in years.indices {
        let values = chosen.candidates.map { $0.fitted[i] }
        #expect(averaged[i] >= values.min()! - 1e-9 && averaged[i] <= values.max()! + 1e-9)
    }
}

@Test func shortSeriesKeepTheSimplestCurveAndSaySo() throws {
    let s = try CurveSelection.select(times: [2020, 2021, 2022, 2023], values: [10, 12, 15, 17])
    #expect(s.chosen.model == "linear")
    #expect(s.rule.contains("too few"))
    #expect(s.chosen.warnings.contains { $0.contains("model not selected by data") })
}

@Test func batchResultsDoNotDependOnThreads() throws {
    var rng = Xoshiro256StarStar(seed: 9)
    var series: [Series] = []
    for k in 0..<24 {
        var values: [Double] = []
        for i in 0..<(6 + k % 9) { values.append(500 / (1 + exp(-0.7 * (Double(i) - 5))) + 8 * rng.normal() + 10) }
        series.append(Series(unit: "u\(k)", indicator: "x", kind: .level, firstYear: 2010, values: values))
    }
    let one = FitBatch.fit(series, choice: .auto, threads: 1)
    let four = FitBatch.fit(series, choice: .auto, threads: 4)
    #expect(one.map { $0.series.unit } == series.map { $0.unit })
    for (a, b) in zip(one, four) {
        #expect(a.fit?.model == b.fit?.model)
        #expect(a.fit?.parameters == b.fit?.parameters)
        #expect(a.fit?.standardErrors == b.fit?.standardErrors)
    }
    #expect(try ModelChoice(word: "logistic", kind: .share) == .glm(.logistic(asymptote: nil)))
    #expect(try ModelChoice(word: "Gompertz", kind: .level) == .curve(CurveSpec(.gompertz)))
    #expect(throws: CurveFitError.self) { try ModelChoice(word: "spline", kind: .level) }
}
