import AttainData
import AttainRandom
import Foundation
import Testing
@testable import AttainSimulation
@testable import AttainTargets
import AttainTestSupport

/// `run --by unit --total`: the total is the sum of the units' own paths on every path, its probability is the
/// independent units' (the convolution of their distributions), and its bytes do not depend on threads.
@Suite struct UnitTotalTests {
    static let league = Result { try UnitLeague.load(path: RepositoryFiles.path("scenarios/baseline.yaml")) }
    static let zones = ["CCN Hợp Thịnh", "CCN Mai Đình", "CCN Đoan Bái", "KCN Hòa Phú"]

    /// Each zone's recorded paths, run exactly as the league runs it.
    func unitRuns(_ league: UnitLeague, paths: Int, seed: UInt64) throws -> [(study: PlanStudy, rows: [Double])] {
        try Self.zones.map { unit in
            let study = try league.study(of: unit).study
            return (study, study.recordedTally(paths: paths, seed: UnitLeague.seed(for: unit, runSeed: seed), threads: 2, keepRows: true, verdicts: false).rows)
        }
    }

    @Test func theTotalIsTheSumOfTheUnitsPathsOnEveryPath() throws {
        let league = try Self.league.get()
        let paths = 400, seed: UInt64 = 17
        let runs = try unitRuns(league, paths: paths, seed: seed)
        var total = UnitTotal(name: "zones", paths: paths)
        for (unit, run) in zip(Self.zones, runs) { total.add(unit: unit, study: run.study, rows: run.rows) }
        let (study, _) = try total.study(scenario: league.scenario, targetFile: league.targetFile, data: league.data,
                                         dataName: league.dataName, inputs: [])
        // The total's own paths, as the engine hands them to the tallies (the seed must not matter: 99 ≠ 17).
        let totalRows = study.recordedTally(paths: paths, seed: 99, threads: 3, keepRows: true, verdicts: false).rows
        let years = study.model.yearCount
        var checked = 0
        for (i, ind) in study.model.indicators.enumerated() where ind.kind != .share {
            for p in 0..<paths {
                for y in 0..<years {
                    var sum = 0.0
                    for run in runs {
                        guard let j = run.study.model.indicatorIndex(ind.name) else { continue }
                        sum += run.rows[p * run.study.model.rowCount + j * years + y]
                    }
                    let got = totalRows[p * study.model.rowCount + i * years + y]
                    #expect(got == sum || (got.isNaN && sum.isNaN), "\(ind.name) path \(p) year \(study.model.firstYear + y)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 2 * paths * years)      // youth and women groups founded
        // Shares: the average weighted by each unit's last denominator, on every path.
        let share = try #require(study.model.indicators.firstIndex { $0.name == "enterprises_with_union" })
        let weights = runs.map { run -> Double in
            let h = run.study.compiled.histories[run.study.model.indicatorIndex("enterprises_with_union")!]
            return h.partial?.denominator ?? h.denominators!.last!
        }
        for p in stride(from: 0, to: paths, by: 37) {
            var num = 0.0
            for (run, w) in zip(runs, weights) {
                let j = run.study.model.indicatorIndex("enterprises_with_union")!
                num += w * run.rows[p * run.study.model.rowCount + j * years + years - 1]
            }
            let got = totalRows[p * study.model.rowCount + share * years + years - 1]
            #expect(abs(got - num / weights.reduce(0, +)) < 1e-12)
        }
    }

    @Test func theTotalsProbabilityIsTheIndependentUnitsConvolution() throws {
        // Youth groups founded 2027–2030 in the four zones: each zone's window total has its own distribution (from its
        // own paths); independent zones add up by convolution. The total's probability, from the same paths paired by
        // index, must match the convolution's tail within Monte Carlo error.
        let base = try Self.league.get()
        let paths = 4_000, seed: UInt64 = 23
        let runs = try unitRuns(base, paths: paths, seed: seed)
        var pmf: [Double] = [1]
        for run in runs {
            let m = run.study.model, i = m.indicatorIndex("youth_groups_founded")!
            var counts: [Int: Int] = [:]
            for p in 0..<paths {
                var s = 0.0
                for y in (2027 - m.firstYear)...(2030 - m.firstYear) { s += run.rows[p * m.rowCount + i * m.yearCount + y] }
                counts[Int(s.rounded()), default: 0] += 1
            }
            let unit = (0...(counts.keys.max()!)).map { Double(counts[$0] ?? 0) / Double(paths) }
            var next = [Double](repeating: 0, count: pmf.count + unit.count - 1)
            for (a, pa) in pmf.enumerated() where pa > 0 { for (b, pb) in unit.enumerated() { next[a + b] += pa * pb } }
            pmf = next
        }
        // A threshold near the middle of the total's distribution, so the check has power.
        var cdf = 0.0, threshold = 0
        for (k, q) in pmf.enumerated() { cdf += q; if cdf >= 0.5 { threshold = k; break } }
        let tail = pmf[threshold...].reduce(0, +)
        #expect(tail > 0.2 && tail < 0.8)
        var league = base
        league.targetFile = TargetFile(targets: [TargetSpec(id: "T", indicator: "youth_groups_founded", kind: .cumulativeCount,
                                                            threshold: Double(threshold), window: 2027...2030)])
        let result = try league.run(units: Self.zones, paths: paths, seed: seed, threads: 2, total: "zones", sharedFraction: 0)
        let total = try #require(result.targets[0].total?.row)
        let se = (tail * (1 - tail) / Double(paths)).squareRoot()
        #expect(abs(total.probability - tail) < 4 * se, "total \(total.probability) vs convolution \(tail) ± \(se)")
        #expect(result.targets[0].total?.units == Self.zones.sorted())
        // Independent units: the units' rows are the same with or without the total.
        let plain = try league.run(units: Self.zones, paths: paths, seed: seed, threads: 2)
        #expect(plain.targets[0].rows == result.targets[0].rows && plain.targets[0].total == nil)
    }

    @Test func theSameBytesForAnyThreadCountAndTotalsRefusedWithTheReason() throws {
        let league = try Self.league.get()
        let one = try league.run(units: Self.zones, paths: 1_500, seed: 3, threads: 1, total: "zones")
        let three = try league.run(units: Self.zones, paths: 1_500, seed: 3, threads: 3, total: "zones")
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        #expect(try e.encode(one) == e.encode(three))
        // The zones have no party introductions: the total says so instead of a row.
        let p15 = try #require(one.targets.first { $0.id == "P1-5" }?.total)
        #expect(p15.row == nil && p15.reason == "no unit has data for `party_introductions`")
        #expect(one.targets.filter { $0.total?.row != nil }.count >= 8)
    }

    @Test func sharedPathsTieUnitsTogetherAndKeepEachUnitsDistribution() throws {
        // The share of paths taking the common stream is the fraction (binomial error: 4 SE).
        let draws = SharedDraws(seed: 1, fraction: 0.7, unitKey: StreamKey.of("KCN Hòa Phú"))
        let n = 100_000
        let taken = (0..<n).filter { draws.takesShared(path: $0) }.count
        #expect(abs(Double(taken) / Double(n) - 0.7) < 4 * (0.7 * 0.3 / Double(n)).squareRoot())
        // Fraction 1 without own noise: runs with different seeds draw the very same paths; fraction 0: they do not.
        let league = try Self.league.get()
        let study = try league.study(of: "KCN Hòa Phú").study
        let key = StreamKey.of("KCN Hòa Phú")
        let a = study.recordedTally(paths: 300, seed: 1, shared: SharedDraws(seed: 77, fraction: 1, unitKey: key, ownNoise: false), keepRows: true, verdicts: false).rows
        let b = study.recordedTally(paths: 300, seed: 2, shared: SharedDraws(seed: 77, fraction: 1, unitKey: key, ownNoise: false), keepRows: true, verdicts: false).rows
        let c = study.recordedTally(paths: 300, seed: 2, shared: SharedDraws(seed: 77, fraction: 0, unitKey: key), keepRows: true, verdicts: false).rows
        #expect(a == b && a != c)
        // With own noise (the default), a process's shared draws are the common stream's and its noise draws the unit's:
        // a probe process writes one of each.
        let probe = TestModels.model(kind: .level, process: NoiseProbe())
        func probeRows(seed: UInt64, ownNoise: Bool?) -> [Double] {
            let shared = ownNoise.map { SharedDraws(seed: 77, fraction: 1, unitKey: key, ownNoise: $0) }
            return SimulationEngine.run([probe], paths: 200, seed: seed, threads: 2, accumulator: PathRecorder(rowCount: probe.rowCount),
                                        shared: shared).rows()
        }
        let (one, two) = (probeRows(seed: 1, ownNoise: true), probeRows(seed: 2, ownNoise: true))
        let years = probe.yearCount
        for p in 0..<200 {
            #expect(one[p * years + 1] == two[p * years + 1])          // the shared draw: the same whatever the unit's seed
            #expect(one[p * years + 2] != two[p * years + 2])          // the unit's own noise: its own
        }
        // Without sharing, the noise draw is simply the path generator's next draw, as before sharing existed.
        let alone = probeRows(seed: 1, ownNoise: nil)
        #expect((0..<200).allSatisfy { alone[$0 * years + 2] != alone[$0 * years + 1] && alone[$0 * years + 3] == 1 })
        // With the default fraction a unit's row keeps its distribution: each probability within Monte Carlo error of
        // the plain league's (two independent estimates: 4·√2 SE, at least 0.01 for probabilities near 0 or 1).
        let paths = 4_000
        let tied = try league.run(units: Self.zones, paths: paths, seed: 8, threads: 2, total: "zones")
        let plain = try league.run(units: Self.zones, paths: paths, seed: 8, threads: 2)
        var compared = 0
        for (t, u) in zip(tied.targets, plain.targets) {
            for row in t.rows {
                let other = try #require(u.rows.first { $0.unit == row.unit })
                let p = (row.probability + other.probability) / 2
                let tolerance = max(0.01, 4 * (2 * p * (1 - p) / Double(paths)).squareRoot())
                #expect(abs(row.probability - other.probability) <= tolerance, "\(t.id) \(row.unit)")
                compared += 1
            }
        }
        #expect(compared >= 40)
        #expect(tied.targets.contains { t in t.rows.contains { r in plain.targets.first { $0.id == t.id }!.rows.first { $0.unit == r.unit }!.probability != r.probability } })
    }

    @Test func unitsMeetingATargetAreThePoissonBinomialOfIndependentUnits() throws {
        // Independent units (no shared paths): the number meeting a target is a sum of independent Bernoullis with the
        // units' own probabilities, so P(at least k) is the Poisson-binomial tail of the rows' probabilities (the
        // same paths: within 4 Monte Carlo SE plus 0.005 for the rows' own error), and the expected number is exactly
        // the sum of the rows' probabilities.
        let league = try Self.league.get()
        let paths = 4_000
        let result = try league.run(units: Self.zones, paths: paths, seed: 31, threads: 2, unitsMeeting: 0.5, sharedFraction: 0)
        var checked = 0
        for t in result.targets where !t.rows.isEmpty {
            let m = try #require(t.unitsMeeting, "\(t.id)")
            #expect(m.units == t.rows.count && m.needed == (t.rows.count + 1) / 2)
            #expect(abs(m.expected - t.rows.reduce(0) { $0 + $1.probability }) < 1e-9, "\(t.id)")
            var pmf = [1.0]
            for r in t.rows {
                var next = [Double](repeating: 0, count: pmf.count + 1)
                for (k, q) in pmf.enumerated() { next[k] += q * (1 - r.probability); next[k + 1] += q * r.probability }
                pmf = next
            }
            let tail = pmf[m.needed...].reduce(0, +)
            let se = (tail * (1 - tail) / Double(paths)).squareRoot()
            #expect(abs(m.probability - tail) <= 4 * se + 0.005, "\(t.id): \(m.probability) vs \(tail)")
            #expect(m.lower90 <= m.median && m.median <= m.upper90 && m.upper90 <= m.units)
            checked += 1
        }
        #expect(checked >= 8)
        // Same bytes for any thread count, with shared paths too.
        let a = try league.run(units: Self.zones, paths: 1_000, seed: 2, threads: 1, unitsMeeting: 1)
        let b = try league.run(units: Self.zones, paths: 1_000, seed: 2, threads: 3, unitsMeeting: 1)
        #expect(a == b)
        #expect(a.targets.contains { ($0.unitsMeeting?.probability ?? 0) > 0 } && a.sharedPaths == UnitLeague.defaultSharedFraction)
    }

    @Test func aPinnedIndicatorOrUnitsOnOtherTimelinesHaveNoTotal() throws {
        let league = try Self.league.get()
        let runs = try unitRuns(league, paths: 50, seed: 1)
        var pinned = UnitTotal(name: "zones", paths: 50, pinned: ["women_groups_founded"])
        for (unit, run) in zip(Self.zones, runs) { pinned.add(unit: unit, study: run.study, rows: run.rows) }
        guard case .failure(let refusal) = pinned.units(of: "women_groups_founded") else {
            Issue.record("a pinned indicator was summed")
            return
        }
        #expect(refusal.reason.contains("pinned to one unit"))
        // A unit whose timeline starts a year later cannot be added path by path to the others.
        var shifted = runs[1].study
        shifted.compiled.model.firstYear += 1
        var mixed = UnitTotal(name: "zones", paths: 50)
        mixed.add(unit: Self.zones[0], study: runs[0].study, rows: runs[0].rows)
        mixed.add(unit: Self.zones[1], study: shifted, rows: runs[1].rows)
        guard case .failure(let r) = mixed.units(of: "youth_groups_founded") else {
            Issue.record("units on different timelines were summed")
            return
        }
        #expect(r.reason.contains(Self.zones[1]) && r.reason.contains("do not line up"))
    }
}

/// Writes a draw of the path's generator, then a noise draw (the unit's own on a shared path), then 1 if there was no
/// own-noise generator.
struct NoiseProbe: PathProcess {
    var supportedLevers: Set<Lever> { [] }
    var scratchCount: Int { 0 }
    func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                count: Int, scratch: inout [Double]) {
        var own = path.noiseGenerator()
        let hadOwn = own != nil
        output[0] = rng.uniformOpen()
        output[1] = own.uniformOpen(or: &rng)
        output[2] = hadOwn ? 0 : 1
        for k in 3..<count { output[k] = 0 }
    }
}
