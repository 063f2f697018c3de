import AttainData
import AttainForecast
import AttainRandom
import Foundation
import Testing
@testable import AttainSimulation

/// Count processes end to end: probabilities of count targets against known truths.
@Suite("Count processes")
struct CountProcessTests {
    /// `count` yearly values of `process` on path `i`.
    static func path(_ process: some PathProcess, index i: Int, count: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count), scratch = [Double](repeating: 0, count: max(process.scratchCount, 1))
        sample(process, index: i, levers: LeverSchedule(count: count), into: &out, scratch: &scratch)
        return out
    }

    /// One path into `out` (its count is the number of years), reusing the caller's buffers.
    static func sample(_ process: some PathProcess, index i: Int, levers: LeverSchedule, into out: inout [Double], scratch: inout [Double]) {
        var rng = Xoshiro256StarStar(seed: 17, stream: UInt64(i))
        let count = out.count
        out.withUnsafeMutableBufferPointer { o in
            process.sample(PathDraw(key: UInt64(i), index: i), rng: &rng, levers: levers, into: o.baseAddress!, count: count, scratch: &scratch)
        }
    }

    /// Simulation-based calibration. Rates drawn from a known prior `λ ~ Gamma(4, 1)`; five observed years
    /// `Poisson(λ)`; the process fitted with that prior (`Gamma(4 + Σy, 1 + 5)`, the exact posterior); the target
    /// "at least `k` over the next four years" with `k` the prior predictive median. Over 400 replicates (150
    /// paths each) the mean probability must match the frequency of the target being met within 3 standard errors
    /// (binomial over the replicates plus Monte Carlo), overall and in the replicates with p < ½ and p ≥ ½ separately:
    /// a process that ignored the rate's uncertainty or mis-drew counts would be over- or under-confident there.
    @Test("Simulation-based calibration of a gamma-Poisson count target")
    func simulationBasedCalibration() {
        let (shape, rate, years, ahead, replicates, paths) = (4.0, 1.0, 5, 4, 400, 150)
        let k = 16.0                                    // prior predictive median of a 4-year total (mean 16)
        var rng = Xoshiro256StarStar(seed: 2026)
        var records: [(p: Double, met: Double)] = []
        let levers = LeverSchedule(count: ahead)
        var out = [Double](repeating: 0, count: ahead), scratch = [0.0]
        for r in 0..<replicates {
            let lambda = rng.gamma(shape: shape, scale: 1 / rate)
            let observed = (0..<years).reduce(0.0) { s, _ in s + Double(rng.poisson(mean: lambda)) }
            let future = (0..<ahead).reduce(0.0) { s, _ in s + Double(rng.poisson(mean: lambda)) }
            let process = PoissonRateProcess(shape: shape + observed, rate: rate + Double(years))
            var hits = 0
            for i in 0..<paths {
                Self.sample(process, index: r * paths + i, levers: levers, into: &out, scratch: &scratch)
                if out.reduce(0, +) >= k { hits += 1 }
            }
            records.append((Double(hits) / Double(paths), future >= k ? 1 : 0))
        }
        for (name, group) in [("all", records), ("p < ½", records.filter { $0.p < 0.5 }), ("p ≥ ½", records.filter { $0.p >= 0.5 })] {
            let n = Double(group.count)
            let meanP = group.map(\.p).reduce(0, +) / n, freq = group.map(\.met).reduce(0, +) / n
            let se = (group.map { $0.p * (1 - $0.p) }.reduce(0, +) / (n * n) + meanP * (1 - meanP) / (n * Double(paths))).squareRoot()
            #expect(n > 80 && abs(meanP - freq) < 3 * se, "\(name): mean p \(meanP) vs frequency \(freq) (se \(se), n \(n))")
        }
    }

    /// The app-contacts case of issue #13: half of 2026 observed (2,370 of an expected ~4,500; a series noisy enough to
    /// take a noisy-count default). The unobserved half is
    /// still to come, so its spread on the log scale is at least the forecast's one-step scale — not the ±2% of
    /// Poisson noise around 2,600 that made the 2026 band 13,488–13,776.
    @Test("The rest of a partly observed year carries the uncertainty of a year's flow")
    func restOfYearUncertainty() throws {
        let s = Series(unit: "D", indicator: "app", kind: .count, firstYear: 2022, values: [2100, 2700, 2300, 3600, 3900])
        let f = try TrendForecaster(kind: .count).fit(series: s, calibration: .defaults(for: .log(offset: 1)))
        let scale = f.latentLocationScale(horizon: 1).scale
        for noise in [TrendProcess.CountNoise.poisson, .rounding] {
            let process = TrendProcess(forecast: f, kind: .count, observedInFirstYear: 2370, observedFraction: 0.5, countNoise: noise)
            let logs = (0..<4000).map { log(max(Self.path(process, index: $0, count: 1)[0] - 2370, 1)) }
            let mean = logs.reduce(0, +) / Double(logs.count)
            let sd = (logs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(logs.count - 1)).squareRoot()
            #expect(sd > 0.9 * scale && sd < 2 * scale, "\(noise): sd of log(rest of year) \(sd), one-step scale \(scale)")
            #expect(scale > 0.05)
        }
    }

    /// Planned events: with 3 planned a year and 3, 2, 3 held, the chance a planned event is held is
    /// `Beta(8.5, 1.5)`; a year holds `Binomial(3, p)`. Closed form with Beta moments `E[pᵏ]`:
    /// `P(X ≥ 2) = E[3p² − 2p³]`, and all four years `E[(3p² − 2p³)⁴]` (a polynomial in p, expanded below).
    @Test("Planned events: a year's and four years' probabilities match the Beta-binomial closed form")
    func plannedEventsClosedForm() {
        let process = PlannedEventsProcess(planned: 3, history: [3, 2, 3])
        let (a, b) = (8.5, 1.5)
        func moment(_ k: Int) -> Double { (0..<k).reduce(1.0) { $0 * (a + Double($1)) / (a + b + Double($1)) } }
        let oneYear = 3 * moment(2) - 2 * moment(3)
        // (3p² − 2p³)⁴ = p⁸ (3 − 2p)⁴ = p⁸ (81 − 216p + 216p² − 96p³ + 16p⁴).
        let fourYears = 81 * moment(8) - 216 * moment(9) + 216 * moment(10) - 96 * moment(11) + 16 * moment(12)
        let n = 40_000
        var yearHits = 0, allHits = 0
        for i in 0..<n {
            let years = Self.path(process, index: i, count: 4)
            if years[0] >= 2 { yearHits += 1 }
            if years.allSatisfy({ $0 >= 2 }) { allHits += 1 }
            #expect(years.allSatisfy { $0 >= 0 && $0 <= 3 && $0 == $0.rounded() })
        }
        for (name, hits, truth) in [("one year", yearHits, oneYear), ("four years", allHits, fourYears)] {
            let p = Double(hits) / Double(n), se = (truth * (1 - truth) / Double(n)).squareRoot()
            #expect(abs(p - truth) < 4 * se, "\(name): \(p) vs \(truth)")
        }
        // Events already held count, and only the rest of the plan can still happen: 2 held of 3 planned.
        let partly = PlannedEventsProcess(planned: 3, history: [3, 2, 3], observedInFirstYear: 2)
        let first = (0..<2000).map { Self.path(partly, index: $0, count: 1)[0] }
        #expect(first.allSatisfy { $0 == 2 || $0 == 3 } && first.contains(3) && first.contains(2))
        // A stated slip probability of 0 holds every planned event.
        let sure = PlannedEventsProcess(planned: 3, history: [], slip: 0)
        #expect((0..<100).allSatisfy { Self.path(sure, index: $0, count: 3) == [3, 3, 3] })
    }
}
