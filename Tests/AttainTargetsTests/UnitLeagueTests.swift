import AttainData
import Foundation
import Testing
@testable import AttainSimulation
@testable import AttainTargets
import AttainTestSupport

/// `run --by unit`: each unit's row is a single-unit run of it, the bytes do not depend on threads, units lacking data
/// are reported, and the expected shortfall matches closed forms.
@Suite struct UnitLeagueTests {
    static let league = Result { try UnitLeague.load(path: RepositoryFiles.path("scenarios/baseline.yaml")) }
    static let zones = ["CCN Hợp Thịnh", "CCN Mai Đình", "CCN Đoan Bái", "KCN Hòa Phú"]

    func json(_ r: LeagueResult) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(r)
    }

    @Test func aUnitsRowEqualsASingleUnitRunOfIt() throws {
        let league = try Self.league.get()
        let result = try league.run(units: ["KCN Hòa Phú", "CCN Mai Đình"], paths: 1_000, seed: 5, threads: 2)
        for unit in ["KCN Hòa Phú", "CCN Mai Đình"] {
            // The single-unit run, built independently: `unit:` set, the indicators the zone has no data for left
            // out, and the targets on them with them; seed as documented.
            var scenario = league.scenario
            scenario.unit = unit
            let has = Set(league.data.observations.filter { $0.unit == unit }.map(\.indicator))
            scenario.indicators.removeAll { !has.contains($0.dataName) }
            var file = league.targetFile
            file.targets.removeAll { t in !scenario.indicators.contains { $0.name == t.indicator } }
            let single = try PlanStudy.prepare(scenario, targets: file, data: league.data)
                .run(paths: 1_000, seed: UnitLeague.seed(for: unit, runSeed: 5), threads: 1)
            #expect(single.targets.count == 12)
            for t in single.targets {
                let row = try #require(result.targets.first { $0.id == t.id }?.rows.first { $0.unit == unit }, "\(t.id) \(unit)")
                #expect(row.probability == t.probability && row.mcse == t.mcse && row.status == t.status && row.settled == t.settled,
                        "\(t.id) \(unit)")
                #expect(row.median == t.median && row.lower90 == t.lower90 && row.upper90 == t.upper90, "\(t.id) \(unit)")
            }
        }
    }

    @Test func theSameBytesForAnyThreadCountAndAddingAUnitChangesNoOtherRow() throws {
        let league = try Self.league.get()
        let one = try league.run(units: Self.zones, paths: 2_500, seed: 9, threads: 1)
        let three = try league.run(units: Self.zones, paths: 2_500, seed: 9, threads: 3)
        #expect(try json(one) == json(three))
        let fewer = try league.run(units: ["KCN Hòa Phú"], paths: 2_500, seed: 9, threads: 2)
        for t in fewer.targets {
            let a = t.rows.first { $0.unit == "KCN Hòa Phú" }
            var b = one.targets.first { $0.id == t.id }!.rows.first { $0.unit == "KCN Hòa Phú" }
            b?.rank = a?.rank ?? 0
            b?.shortfallShare = a?.shortfallShare
            #expect(a == b, "\(t.id)")
        }
        #expect(one.units.map(\.unit) == Self.zones.sorted())
        #expect(Set(one.units.map(\.seed)).count == 4)
    }

    @Test func unitsWithoutATargetsIndicatorAreSkippedWithTheReason() throws {
        let league = try Self.league.get()
        #expect(league.dataUnits == (Self.zones + ["Huyện Hiệp Hòa"]).sorted())
        let result = try league.run(units: ["KCN Hòa Phú", "Huyện Hiệp Hòa"], paths: 500, seed: 1, threads: 2)
        let p15 = try #require(result.targets.first { $0.id == "P1-5" })
        #expect(p15.rows.map(\.unit) == ["Huyện Hiệp Hòa"])
        #expect(p15.skipped == [.init(unit: "KCN Hòa Phú", reason: "no data for `party_introductions`")])
        #expect(result.units.first { $0.unit == "KCN Hòa Phú" }?.droppedIndicators == ["party_introductions", "app_contacts", "cultural_events"])
        #expect(result.targets.allSatisfy { $0.rows.count + $0.skipped.count == 2 })
        #expect(throws: ConfigurationError.self) { try league.run(units: ["KCN Không Có"], paths: 100, seed: 1) }
    }

    @Test func ranksFollowProbabilityAndCountSharesAddUp() throws {
        let result = try Self.league.get().run(units: Self.zones, paths: 1_000, seed: 3, threads: 2)
        for t in result.targets where !t.rows.isEmpty {
            #expect(t.rows.map(\.rank) == Array(1...t.rows.count))
            #expect(zip(t.rows, t.rows.dropFirst()).allSatisfy { $0.probability >= $1.probability }, "\(t.id)")
            #expect(t.rows.allSatisfy { $0.lower90 <= $0.lower50 && $0.lower50 <= $0.median && $0.median <= $0.upper50 && $0.upper50 <= $0.upper90 })
            if t.additive, let total = t.totalShortfall, total > 0 {
                #expect(abs(t.rows.compactMap(\.shortfallShare).reduce(0, +) - 1) < 1e-12, "\(t.id)")
            } else {
                #expect(t.rows.allSatisfy { $0.shortfallShare == nil }, "\(t.id)")
            }
        }
        // P1-2 (youth groups, a count) is additive; P1-1a (a share) is not.
        #expect(result.targets.first { $0.id == "P1-2" }?.additive == true)
        #expect(result.targets.first { $0.id == "P1-1a" }?.additive == false)
    }

    @Test func theUnitSeedIsDocumentedAndStable() {
        // Top 53 bits of the SplitMix64 finaliser of (seed XOR FNV-1a-64 of the name), as documented.
        #expect(UnitLeague.seed(for: "KCN Hòa Phú", runSeed: 42) == StreamKey.mix(42 ^ StreamKey.of("KCN Hòa Phú")) >> 11)
        #expect(UnitLeague.seed(for: "a", runSeed: 0) == StreamKey.mix(0xAF63_DC4C_8601_EC8C) >> 11)
        #expect(UnitLeague.seed(for: "a", runSeed: 0) < 1 << 53)
        #expect(UnitLeague.seed(for: "a", runSeed: 1) != UnitLeague.seed(for: "b", runSeed: 1))
    }
}

/// The expected shortfall the tally records, against closed forms for a Gaussian random-walk level.
@Suite struct ShortfallClosedFormTests {
    func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    func density(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }

    /// E[max(0, c − X)] and its Monte Carlo standard error for X ~ N(m, s²) over `n` paths.
    func expected(c: Double, m: Double, s: Double, n: Int) -> (mean: Double, se: Double) {
        let z = (c - m) / s
        let first = (c - m) * phi(z) + s * density(z)
        let second = ((c - m) * (c - m) + s * s) * phi(z) + (c - m) * s * density(z)
        return (first, ((second - first * first) / Double(n)).squareRoot())
    }

    @Test func atLeastAndAtMostShortfallsOfARandomWalk() throws {
        // x₂₀₃₀ = 5μ + σ√5·Z.
        let (mu, sigma, c) = (0.1, 0.2, 0.8)
        let model = TestModels.model(kind: .level, process: RandomWalkProcess(start: 0, drift: mu, sigma: sigma))
        let atLeast = TargetSpec(id: "L", indicator: "x", kind: .levelAtDeadline, threshold: c, window: 2030...2030)
        let atMost = TargetSpec(id: "U", indicator: "x", kind: .levelAtDeadline, comparison: .atMost, threshold: 0.3, window: 2030...2030)
        let n = 20_000
        let tally = try TestModels.tally([atLeast, atMost], models: [model], paths: n)
        let (m, s) = (5 * mu, sigma * 5.0.squareRoot())
        let below = expected(c: c, m: m, s: s, n: n)
        #expect(abs(tally.expectedShortfall(target: 0) - below.mean) < 4 * below.se, "\(tally.expectedShortfall(target: 0)) vs \(below.mean)")
        // The mirror: E[max(0, X − c)] = E[max(0, (−c) − (−X))], −X ~ N(−m, s²).
        let above = expected(c: -0.3, m: -m, s: s, n: n)
        #expect(abs(tally.expectedShortfall(target: 1) - above.mean) < 4 * above.se, "\(tally.expectedShortfall(target: 1)) vs \(above.mean)")
        // Exact integer sums: the same value for any thread count.
        let single = try TestModels.tally([atLeast, atMost], models: [model], paths: n, threads: 1)
        #expect(single.expectedShortfall(target: 0) == tally.expectedShortfall(target: 0))
        #expect(single.expectedShortfall(target: 1) == tally.expectedShortfall(target: 1))
    }

    @Test func aCumulativeCountsShortfallIsThePoissonGap() throws {
        // Σ of 4 Poisson(2) years is Poisson(8): E[max(0, 10 − N)] = Σₖ<₁₀ (10 − k) P(N = k).
        let model = TestModels.model(kind: .count, process: PoissonRateProcess(mean: 2))
        let spec = TargetSpec(id: "C", indicator: "x", kind: .cumulativeCount, threshold: 10, window: 2027...2030)
        let n = 20_000
        let tally = try TestModels.tally([spec], models: [model], paths: n)
        var mean = 0.0, second = 0.0, pmf = exp(-8.0)
        for k in 0..<10 {
            mean += Double(10 - k) * pmf
            second += Double((10 - k) * (10 - k)) * pmf
            pmf *= 8 / Double(k + 1)
        }
        let se = ((second - mean * mean) / Double(n)).squareRoot()
        #expect(abs(tally.expectedShortfall(target: 0) - mean) < 4 * se)
    }
}
