import Foundation
import Testing
import AttainData
@testable import AttainSimulation
@testable import AttainTargets

/// The schema-2 target forms against probabilities known in closed form (Gaussian random walks with known drift and
/// step SD; Poisson counts), each within 4 Monte Carlo standard errors √(p(1−p)/S) of the exact value.
@Suite struct TargetFormsTests {
    func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    func mcse(_ p: Double, _ n: Int) -> Double { (p * (1 - p) / Double(n)).squareRoot() }
    let n = 20_000

    /// Level random walk observed at 0 in 2025, drift μ and step SD σ a year, simulated 2026–2030.
    func levelWalk(_ mu: Double, _ sigma: Double, interventions: [Intervention] = []) -> SimulationModel {
        TestModels.model(kind: .level, process: RandomWalkProcess(start: 0, drift: mu, sigma: sigma), interventions: interventions)
    }

    /// Log-scale random walk observed at `v0` in 2025: log v moves by N(μ, σ²) a year, so growth is lognormal.
    func logWalk(_ v0: Double, _ mu: Double, _ sigma: Double) -> SimulationModel {
        TestModels.model(kind: .level, process: RandomWalkProcess(start: log(v0), drift: mu, sigma: sigma, scale: .log(offset: 0)),
                         observed: v0)
    }

    @Test func atMostAndBelowAtTheDeadlineAreExact() throws {
        // x₂₀₃₀ ~ N(5μ, 5σ²): P(x ≤ c) = Φ((c − 5μ)/(σ√5)); continuous, so < gives the same.
        let (mu, sigma, c) = (0.1, 0.2, 0.6)
        let model = levelWalk(mu, sigma)
        let atMost = TargetSpec(id: "A", indicator: "x", kind: .levelAtDeadline, comparison: .atMost, threshold: c, window: 2030...2030)
        let below = TargetSpec(id: "B", indicator: "x", kind: .levelAtDeadline, comparison: .below, threshold: c, window: 2030...2030)
        let atLeast = TargetSpec(id: "C", indicator: "x", kind: .levelAtDeadline, comparison: .atLeast, threshold: c, window: 2030...2030)
        let tally = try TestModels.tally([atMost, below, atLeast], models: [model], paths: n)
        let exact = phi((c - 5 * mu) / (sigma * 5.0.squareRoot()))
        let p = TestModels.probability(tally, target: 0)
        #expect(abs(p - exact) < 4 * mcse(exact, n), "p = \(p), exact = \(exact)")
        #expect(TestModels.probability(tally, target: 1) == p)                     // no path sits exactly on c
        #expect(p + TestModels.probability(tally, target: 2) == 1)                  // ≤ and ≥ split the paths
    }

    @Test func averageGrowthIsLognormal() throws {
        // (v₂₀₃₀/v₂₀₂₅)^(1/5) − 1 ≥ g ⇔ Σ of 5 log-steps ≥ 5·log(1+g); Σ ~ N(5μ, 5σ²). By year 2025+j: N(jμ, jσ²).
        let (mu, sigma, g) = (0.04, 0.05, 0.05)
        let model = logWalk(200, mu, sigma)
        let spec = TargetSpec(id: "G", indicator: "x", kind: .averageGrowth, threshold: g, window: 2025...2030)
        let tally = try TestModels.tally([spec], models: [model], paths: n)
        let exact = 1 - phi((5 * log(1 + g) - 5 * mu) / (sigma * 5.0.squareRoot()))
        let p = TestModels.probability(tally)
        #expect(abs(p - exact) < 4 * mcse(exact, n), "p = \(p), exact = \(exact)")
        #expect(tally.targets[0].reportedCount == 5 && tally.targets[0].baseValues == [200])
        for j in 1...5 {
            let e = 1 - phi((Double(j) * (log(1 + g) - mu)) / (sigma * Double(j).squareRoot()))
            let q = Double(tally.metInYear(j - 1, target: 0)) / Double(n)
            #expect(abs(q - e) < 4 * mcse(e, n), "year \(2025 + j): \(q) vs \(e)")
        }
        #expect(tally.metInYear(4, target: 0) == tally.met(target: 0))
        // The sketched statistic: its median is exp(μ) − 1 (within the sketch's 0.2% and Monte Carlo error).
        let median = tally.statisticQuantiles(target: 0, levels: [0.5])[0]
        #expect(abs(median - (exp(mu) - 1)) < 0.002, "median \(median)")
    }

    @Test func growthFromAnObservedBaseIsExact() throws {
        // P(v₂₀₃₀ ≥ v₂₀₂₅·(1 + r)) = 1 − Φ((log(1+r) − 5μ)/(σ√5)) with v₂₀₂₅ observed (a constant on every path).
        let (mu, sigma, r) = (0.03, 0.06, 0.2)
        let model = logWalk(50, mu, sigma)
        let spec = TargetSpec(id: "R", indicator: "x", kind: .growthFromBase, threshold: r, window: 2025...2030, base: 2025)
        let fall = TargetSpec(id: "F", indicator: "x", kind: .growthFromBase, comparison: .atMost, threshold: -0.05, window: 2025...2030, base: 2025)
        let tally = try TestModels.tally([spec, fall], models: [model], paths: n)
        let exact = 1 - phi((log(1 + r) - 5 * mu) / (sigma * 5.0.squareRoot()))
        let p = TestModels.probability(tally)
        #expect(abs(p - exact) < 4 * mcse(exact, n), "p = \(p), exact = \(exact)")
        let exactFall = phi((log(0.95) - 5 * mu) / (sigma * 5.0.squareRoot()))
        let pf = TestModels.probability(tally, target: 1)
        #expect(abs(pf - exactFall) < 4 * mcse(exactFall, n), "p = \(pf), exact = \(exactFall)")
    }

    @Test func aBaseYearNotYetCompleteIsSimulatedOnEachPath() throws {
        // Base 2027 (simulated): log(v₂₀₃₀/v₂₀₂₇) ~ N(3μ, 3σ²) — not 5 years of spread, as an observed base would give.
        let (mu, sigma, r) = (0.03, 0.06, 0.1)
        let spec = TargetSpec(id: "R", indicator: "x", kind: .growthFromBase, threshold: r, window: 2027...2030, base: 2027)
        let tally = try TestModels.tally([spec], models: [logWalk(50, mu, sigma)], paths: n)
        #expect(tally.targets[0].baseValues[0].isNaN)
        let exact = 1 - phi((log(1 + r) - 3 * mu) / (sigma * 3.0.squareRoot()))
        let p = TestModels.probability(tally)
        #expect(abs(p - exact) < 4 * mcse(exact, n), "p = \(p), exact = \(exact)")
        // Change from a simulated base on the level scale: v₂₀₃₀ − v₂₀₂₇ ~ N(3μ, 3σ²).
        let (m2, s2, c) = (0.1, 0.2, 0.5)
        let change = TargetSpec(id: "C", indicator: "x", kind: .changeFromBase, threshold: c, window: 2027...2030, base: 2027)
        let t2 = try TestModels.tally([change], models: [levelWalk(m2, s2)], paths: n)
        let e2 = 1 - phi((c - 3 * m2) / (s2 * 3.0.squareRoot()))
        #expect(abs(TestModels.probability(t2) - e2) < 4 * mcse(e2, n))
    }

    @Test func averageChangeIsExact() throws {
        // (v₂₀₃₀ − v₂₀₂₅)/5 ~ N(μ, σ²/5); a reduction "at most −0.05 a year" with μ = −0.08.
        let (mu, sigma, c) = (-0.08, 0.1, -0.05)
        let spec = TargetSpec(id: "D", indicator: "x", kind: .averageChange, comparison: .atMost, threshold: c, window: 2025...2030)
        let tally = try TestModels.tally([spec], models: [levelWalk(mu, sigma)], paths: n)
        let exact = phi((c - mu) / (sigma / 5.0.squareRoot()))
        let p = TestModels.probability(tally)
        #expect(abs(p - exact) < 4 * mcse(exact, n), "p = \(p), exact = \(exact)")
    }

    @Test func aReductionAlreadyMetInTheDataIsMetWithProbabilityOne() throws {
        // 0.8% observed in the deadline year 2025, target "below 1%": every path meets it, and the data settle it.
        let model = TestModels.model(kind: .share, process: RandomWalkProcess(start: 0, drift: 0, sigma: 0.5, scale: .logit), observed: 0.008)
        let spec = TargetSpec(id: "P", indicator: "x", kind: .levelAtDeadline, comparison: .below, threshold: 0.01, window: 2025...2025)
        let tally = try TestModels.tally([spec], models: [model], paths: 5_000)
        #expect(TestModels.probability(tally) == 1)
        let settled = ResultAssembly.settlement(tally.targets[0], indicator: model.indicators[0], partial: nil)
        #expect(settled == true && TargetStatus(probability: 1, settled: settled) == .met)
        // A cap already broken in an observed year of an every-year window is missed, whatever follows.
        let counts = TestModels.model(kind: .count, process: PoissonRateProcess(mean: 1), observed: 5)
        let cap = TargetSpec(id: "K", indicator: "x", kind: .everyYear, comparison: .atMost, threshold: 3, window: 2025...2030)
        let t2 = try TestModels.tally([cap], models: [counts], paths: 2_000)
        #expect(TestModels.probability(t2) == 0)
        #expect(ResultAssembly.settlement(t2.targets[0], indicator: counts.indicators[0], partial: nil) == false)
        // A growth already reached by an observed deadline is settled with the same statistic.
        var obs = [Double](repeating: .nan, count: 6)
        (obs[0], obs[1]) = (10, 13)
        let grown = SimulationModel(name: "m", firstYear: 2025, horizon: 2030, cutoff: .endOfYear(2026),
                                    indicators: [SimulatedIndicator(name: "x", kind: .level, observed: obs, firstSimulated: 2,
                                                                    process: RandomWalkProcess(start: 13, drift: 0, sigma: 1),
                                                                    levers: LeverSchedule(interventions: [], firstYear: 2027, count: 4))])
        let g = TargetSpec(id: "G", indicator: "x", kind: .growthFromBase, threshold: 0.3, window: 2025...2026, base: 2025)
        let t3 = try TestModels.tally([g], models: [grown], paths: 1_000)
        #expect(TestModels.probability(t3) == 1)
        #expect(ResultAssembly.settlement(t3.targets[0], indicator: grown.indicators[0], partial: nil) == true)
    }

    /// Counts, per path, how often the largest yearly count of 2026–2030 equals `value` — tallied apart from the targets.
    struct MaxEquals: PathAccumulator {
        var value: Double
        var hits = 0, yearHits = [Int](repeating: 0, count: 5)
        mutating func add(_ paths: SimulatedPaths) {
            for l in 0..<paths.count {
                let row = paths.series(path: l, model: 0, indicator: 0)
                var largest = -Double.infinity
                for y in 1...5 {
                    largest = max(largest, row[y])
                    if row[y] == value { yearHits[y - 1] += 1 }
                }
                if largest == value { hits += 1 }
            }
        }
        mutating func merge(_ other: MaxEquals) {
            hits += other.hits
            for k in yearHits.indices { yearHits[k] += other.yearHits[k] }
        }
    }

    @Test func strictAndNonStrictCapsDifferExactlyWhereCountsHitTheCap() throws {
        // Every year at most 3 vs below 3 (Poisson 2.2 a year): they differ on exactly the paths whose largest year is 3,
        // and in each year on the paths with exactly 3 that year; closed form F(3)⁵ − F(2)⁵.
        let lambda = 2.2
        let model = TestModels.model(kind: .count, process: PoissonRateProcess(mean: lambda))
        let atMost = TargetSpec(id: "M", indicator: "x", kind: .everyYear, comparison: .atMost, threshold: 3, window: 2026...2030)
        let below = TargetSpec(id: "B", indicator: "x", kind: .everyYear, comparison: .below, threshold: 3, window: 2026...2030)
        let tally = try TestModels.tally([atMost, below], models: [model], paths: n, seed: 11)
        let independent = SimulationEngine.run([model], paths: n, seed: 11, threads: 2, accumulator: MaxEquals(value: 3))
        #expect(tally.met(target: 0) - tally.met(target: 1) == independent.hits)
        for k in 0..<5 {
            #expect(tally.metInYear(k, target: 0) - tally.metInYear(k, target: 1) == independent.yearHits[k], "year \(k)")
        }
        let pmf = { (k: Int) in exp(-lambda) * pow(lambda, Double(k)) / Double((1...max(1, k)).reduce(1, *)) }
        let f2 = (0...2).map(pmf).reduce(0, +), f3 = f2 + pmf(3)
        let exact = pow(f3, 5) - pow(f2, 5)
        let diff = Double(independent.hits) / Double(n)
        #expect(abs(diff - exact) < 4 * mcse(exact, n), "\(diff) vs \(exact)")
        #expect(abs(TestModels.probability(tally, target: 0) - pow(f3, 5)) < 4 * mcse(pow(f3, 5), n))
    }

    @Test func goalSeekFollowsALeverThatLowersTheChance() throws {
        // "At most 0.6 in 2030" on a level walk; a growth shift s from 2026 raises x₂₀₃₀ by 5s, so P = Φ((c − 5μ − 5s)/(σ√5))
        // falls as s grows. The search reads that direction from the bracket ends and returns the largest s still
        // reaching the probability: s* = (c − 5μ − σ√5·Φ⁻¹(p))/5.
        let (mu, sigma, c, want) = (0.05, 0.2, 0.6, 0.7)
        let lever = Intervention(id: "push", lever: .growthShift, indicators: ["x"], from: 2026, value: 0)
        let model = levelWalk(mu, sigma, interventions: [lever])
        let scenario = Scenario(name: "m", horizon: 2030, cutoff: .endOfYear(2025),
                                indicators: [IndicatorSpec(name: "x", kind: .level)], interventions: [lever])
        let spec = TargetSpec(id: "L", indicator: "x", kind: .levelAtDeadline, comparison: .atMost, threshold: c, window: 2030...2030)
        let compiled = CompiledScenario(scenario: scenario, model: model,
                                        histories: [YearlyHistory(observations: [], kind: .level, cutoff: .endOfYear(2025))], warnings: [])
        let study = PlanStudy(compiled: compiled, targetFile: TargetFile(targets: [spec]), targets: [try CompiledTarget(spec, models: [model])])
        let result = try study.goalSeek(target: "L", probability: want, lever: "push", range: -0.2...0.3, paths: n, seed: 5, threads: 2)
        #expect(result.direction == "decreasing")
        var lo = -6.0, hi = 6.0
        for _ in 0..<80 { let mid = (lo + hi) / 2; if phi(mid) < want { lo = mid } else { hi = mid } }
        let exact = (c - 5 * mu - sigma * 5.0.squareRoot() * hi) / 5
        // 4 Monte Carlo SEs of the probability turned into lever units by |dP/ds| = 5/(σ√5)·φ(z), plus the bisection's width.
        let slope = 5 / (sigma * 5.0.squareRoot()) * exp(-hi * hi / 2) / (2 * Double.pi).squareRoot()
        let tolerance = 4 * mcse(want, n) / slope + 0.001
        let required = try #require(result.required)
        #expect(abs(required - exact) < tolerance, "found \(required), exact \(exact)")
        #expect(try #require(result.achievedProbability) >= want)
        #expect(result.symbol == "≤" && result.form == "level-at-deadline")
        let sorted = result.evaluations.sorted { $0.value < $1.value }
        for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.probability >= b.probability) }
    }

    @Test func aCapIsSoughtBelowTheNeutralLeverByDefault() throws {
        // "At most 0.3 in 2030" with drift 0.05 a year needs a negative growth shift: without --range the search
        // covers the growth shift's default range mirrored below 0 and finds s* = (c − 5μ − σ√5·Φ⁻¹(p))/5 ≈ −0.037.
        let (mu, sigma, c, want) = (0.05, 0.2, 0.3, 0.7)
        let lever = Intervention(id: "push", lever: .growthShift, indicators: ["x"], from: 2026, value: 0)
        let model = levelWalk(mu, sigma, interventions: [lever])
        let scenario = Scenario(name: "m", horizon: 2030, cutoff: .endOfYear(2025),
                                indicators: [IndicatorSpec(name: "x", kind: .level)], interventions: [lever])
        let spec = TargetSpec(id: "L", indicator: "x", kind: .levelAtDeadline, comparison: .atMost, threshold: c, window: 2030...2030)
        let compiled = CompiledScenario(scenario: scenario, model: model,
                                        histories: [YearlyHistory(observations: [], kind: .level, cutoff: .endOfYear(2025))], warnings: [])
        let study = PlanStudy(compiled: compiled, targetFile: TargetFile(targets: [spec]), targets: [try CompiledTarget(spec, models: [model])])
        let result = try study.goalSeek(target: "L", probability: want, lever: "push", paths: n, seed: 5, threads: 2)
        #expect(result.lower == -Lever.growthShift.defaultRange.upperBound && result.upper == 0)
        var lo = -6.0, hi = 6.0
        for _ in 0..<80 { let mid = (lo + hi) / 2; if phi(mid) < want { lo = mid } else { hi = mid } }
        let exact = (c - 5 * mu - sigma * 5.0.squareRoot() * hi) / 5
        let slope = 5 / (sigma * 5.0.squareRoot()) * exp(-hi * hi / 2) / (2 * Double.pi).squareRoot()
        let required = try #require(result.required)
        #expect(exact < 0 && abs(required - exact) < 4 * mcse(want, n) / slope + 0.002, "found \(required), exact \(exact)")
    }

    @Test func goalSeekWorksOnAverageGrowth() throws {
        // Average growth ≥ 5%/year over 2025–2030 on a log walk with drift 0.03; a growth shift s from 2026 adds s to
        // every year's log-step, so the average log growth is μ + s and P = 1 − Φ((log 1.05 − μ − s)/(σ/√5)).
        let (mu, sigma, g, want) = (0.03, 0.05, 0.05, 0.8)
        let lever = Intervention(id: "drive", lever: .growthShift, indicators: ["x"], from: 2026, value: 0)
        let model = TestModels.model(kind: .level, process: RandomWalkProcess(start: log(100), drift: mu, sigma: sigma, scale: .log(offset: 0)),
                                     observed: 100, interventions: [lever])
        let scenario = Scenario(name: "m", horizon: 2030, cutoff: .endOfYear(2025),
                                indicators: [IndicatorSpec(name: "x", kind: .level)], interventions: [lever])
        let spec = TargetSpec(id: "AG", indicator: "x", kind: .averageGrowth, threshold: g, window: 2025...2030)
        let compiled = CompiledScenario(scenario: scenario, model: model,
                                        histories: [YearlyHistory(observations: [], kind: .level, cutoff: .endOfYear(2025))], warnings: [])
        let study = PlanStudy(compiled: compiled, targetFile: TargetFile(targets: [spec]), targets: [try CompiledTarget(spec, models: [model])])
        let result = try study.goalSeek(target: "AG", probability: want, lever: "drive", range: 0...0.1, paths: n, seed: 5, threads: 2)
        #expect(result.direction == "increasing" && result.form == "average-growth" && result.base == 2025 && result.baseValue == 100)
        var lo = -6.0, hi = 6.0
        for _ in 0..<80 { let mid = (lo + hi) / 2; if phi(mid) < 1 - want { lo = mid } else { hi = mid } }
        let sd = sigma / 5.0.squareRoot()
        let exact = log(1 + g) - mu - sd * hi
        let density = exp(-hi * hi / 2) / (2 * Double.pi).squareRoot() / sd
        let required = try #require(result.required)
        #expect(abs(required - exact) < 4 * mcse(want, n) / density + 0.0002, "found \(required), exact \(exact)")
    }

    @Test func resultsCarryTheFormOnlyForSchema2Targets() throws {
        // A version-1 target's result has no new fields (so its JSON keeps its bytes); a growth target's says its symbol,
        // form, base year and observed base value, and its median is of the growth itself.
        let (mu, sigma) = (0.03, 0.06)
        let model = logWalk(50, mu, sigma)
        let v1 = TargetSpec(id: "V", indicator: "x", kind: .levelAtDeadline, threshold: 60, window: 2030...2030)
        let growth = TargetSpec(id: "R", indicator: "x", kind: .growthFromBase, threshold: 0.2, window: 2025...2030, base: 2025)
        let cap = TargetSpec(id: "C", indicator: "x", kind: .levelAtDeadline, comparison: .atMost, threshold: 55, window: 2030...2030)
        let scenario = Scenario(name: "m", horizon: 2030, cutoff: .endOfYear(2025), indicators: [IndicatorSpec(name: "x", kind: .level)])
        let compiled = CompiledScenario(scenario: scenario, model: model,
                                        histories: [YearlyHistory(observations: [], kind: .level, cutoff: .endOfYear(2025))], warnings: [])
        let specs = [v1, growth, cap]
        let study = PlanStudy(compiled: compiled, targetFile: TargetFile(targets: specs),
                              targets: try specs.map { try CompiledTarget($0, models: [model]) })
        let result = study.run(paths: n, seed: 3, threads: 2)
        let (r1, rg, rc) = (result.targets[0], result.targets[1], result.targets[2])
        #expect(r1.symbol == nil && r1.form == nil && r1.base == nil && r1.baseValue == nil && r1.milestoneOf == nil)
        let json = String(decoding: try JSONEncoder().encode(r1), as: UTF8.self)
        #expect(!json.contains("symbol") && !json.contains("form") && !json.contains("base"))
        #expect(rg.symbol == "≥" && rg.form == "growth-from-base" && rg.base == 2025 && rg.baseValue == 50 && rg.baseSimulated == false)
        #expect(abs(rg.median - (exp(5 * mu) - 1)) < 0.01, "median growth \(rg.median)")
        #expect(rg.fan.map(\.period) == ["2026", "2027", "2028", "2029", "2030"])
        #expect(rc.symbol == "≤" && rc.comparison == .atMost && rc.status == TargetStatus(probability: rc.probability))
        // ≤ 55 and ≥ 60 on the same paths: disjoint.
        #expect(rc.probability + r1.probability <= 1)
        let exactCap = phi((log(55.0 / 50) - 5 * mu) / (sigma * 5.0.squareRoot()))
        #expect(abs(rc.probability - exactCap) < 4 * mcse(exactCap, n))
    }

    @Test func aCapComparedOnCommonPathsMovesOneWay() throws {
        // Scenario B shifts the walk up by 0.1 a year from 2026: on the same paths every path within "≤ c" under B is
        // within it under A, so the paired counts move one way only; and B's probability is the closed form with 5μ + 0.5.
        let (mu, sigma, c) = (0.05, 0.2, 0.6)
        let shift = Intervention(id: "up", lever: .growthShift, indicators: ["x"], from: 2026, value: 0.1)
        let a = levelWalk(mu, sigma), b = TestModels.model(kind: .level, process: RandomWalkProcess(start: 0, drift: mu, sigma: sigma),
                                                           interventions: [shift], scenario: "b")
        let cap = TargetSpec(id: "K", indicator: "x", kind: .levelAtDeadline, comparison: .atMost, threshold: c, window: 2030...2030)
        let change = TargetSpec(id: "D", indicator: "x", kind: .changeFromBase, comparison: .below, threshold: 0.2, window: 2027...2030, base: 2027)
        let tally = try TestModels.tally([cap, change], models: [a, b], paths: n)
        let (onlyA, onlyB) = tally.discordant(target: 0, model: 1)
        #expect(onlyB == 0 && onlyA > 0)
        #expect(tally.met(target: 0, model: 0) - tally.met(target: 0, model: 1) == onlyA)
        let exactB = phi((c - 5 * mu - 0.5) / (sigma * 5.0.squareRoot()))
        #expect(abs(TestModels.probability(tally, target: 0, model: 1) - exactB) < 4 * mcse(exactB, n))
        // The change from a simulated base (2027) under B: v₂₀₃₀ − v₂₀₂₇ ~ N(3μ + 0.3, 3σ²).
        let exactChange = phi((0.2 - 3 * mu - 0.3) / (sigma * 3.0.squareRoot()))
        #expect(abs(TestModels.probability(tally, target: 1, model: 1) - exactChange) < 4 * mcse(exactChange, n))
        #expect(tally.discordant(target: 1, model: 1).onlyThis == 0)
    }
}
