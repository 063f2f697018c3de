import AttainData
import AttainSimulation
import Foundation

/// A scenario run once per unit of its data, for league tables: the object behind `attain run --by unit`.
///
/// ```swift
/// let league = try UnitLeague.load(path: "scenarios/baseline.yaml")
/// let result = try league.run(units: ["KCN Hòa Phú", "CCN Mai Đình"], paths: 10_000, seed: 42)
/// print(result.targets[0].rows.map { "\($0.rank). \($0.unit) \($0.probability)" })
/// ```
/// Each unit is run exactly as a single-unit run of it: the scenario with `unit:` set to it (its data rows are the
/// unit's, every other unit is the cross-section the trends are calibrated on), with the seed
/// ``seed(for:runSeed:)``. Indicators of the scenario the unit has no data for are left out of its run, and the
/// targets judged on them report the unit as skipped; a unit whose run cannot be compiled (or a target that cannot be
/// resolved on it) is skipped with the error as the reason, never a crash. Units run one after another, each on all
/// threads, so the bytes do not depend on the thread count. Cost: one fit per indicator and one run per unit.
public struct UnitLeague: Sendable {
    /// The scenario as loaded (its own `unit` is replaced by each unit in turn).
    public var scenario: Scenario
    /// The targets file.
    public var targetFile: TargetFile
    /// The scenario's data, loaded once.
    public var data: DataSet
    /// Digests of the files read.
    public var inputs: [InputDigest]

    /// Loads the scenario at `path`, its targets file and its data.
    public static func load(path: String) throws -> UnitLeague {
        let scenario = try ScenarioLoader.load(path: path)
        guard let targetsPath = scenario.targetsFile else {
            throw ConfigurationError(file: scenario.file, key: "targets", message: "the scenario names no targets file",
                                     hint: "add `targets: plan-targets.yaml` (relative to the scenario file)")
        }
        let file = try TargetFile.load(path: targetsPath)
        let data = try ScenarioCompiler.loadData(scenario)
        let read: [(file: String, role: InputDigest.Role)] = scenario.scenarioFiles.map { ($0, .scenario) } + [(targetsPath, .targets)]
            + scenario.dataFiles.map { ($0, .data) }
        return UnitLeague(scenario: scenario, targetFile: file, data: data, inputs: InputDigest.of(read))
    }

    /// A league of `scenario` with `targetFile` on `data` already loaded; `inputs` are recorded with results.
    public init(scenario: Scenario, targetFile: TargetFile, data: DataSet, inputs: [InputDigest] = []) {
        (self.scenario, self.targetFile, self.data, self.inputs) = (scenario, targetFile, data, inputs)
    }

    /// Every unit in the data that has rows of at least one indicator a target is judged on, by name.
    public var dataUnits: [String] {
        let needed = Set(targetFile.targets.map { dataName(of: $0.indicator) })
        return Array(Set(data.observations.lazy.filter { needed.contains($0.indicator) }.map(\.unit))).sorted()
    }

    /// The seed of `unit`'s paths in a run seeded `runSeed`: the top 53 bits of the SplitMix64 finaliser of the run
    /// seed XOR the 64-bit FNV-1a hash of the unit's name in UTF-8 (53 bits, so the seed survives JSON readers that hold
    /// numbers as doubles). It depends on nothing else, so adding or removing a unit leaves every other unit's numbers
    /// unchanged, and `attain run --seed <this seed>` with `unit:` set reproduces the unit's row.
    public static func seed(for unit: String, runSeed: UInt64) -> UInt64 {
        StreamKey.mix(runSeed ^ StreamKey.of(unit)) >> 11
    }

    /// The share of each unit's paths drawn from the common stream when units are judged together and none is given: 1,
    /// so that units share their latent trend path on every path while each keeps its own noise around it.
    ///
    /// From the totals study (`scripts/calibration/totals_study.py`, county murders summed by state; states of up to 60
    /// counties, 263 targets): independent units (0) made state totals too sure and too high (mean p 0.710 against
    /// 0.536 met, Brier 0.221, ECE 0.177); sharing the latent path on every path gave mean p 0.557, Brier 0.179, ECE
    /// 0.073, and on the larger states held out (182 targets) Brier 0.191 → 0.142, mean p 0.579 against 0.577. See
    /// `docs/probabilities.md`.
    public static let defaultSharedFraction = 1.0

    /// The seed of the stream every unit shares with `total` (``SharedDraws``): the SplitMix64 finaliser of the run seed.
    public static func sharedSeed(runSeed: UInt64) -> UInt64 { StreamKey.mix(runSeed) }

    /// The rule of ``seed(for:runSeed:)`` in words, recorded with every result.
    public static let seedRule = "unit seed = top 53 bits of SplitMix64-finaliser(run seed XOR FNV-1a-64(unit name, UTF-8))"

    /// The data name of scenario indicator `name` (its `source:`, else the name itself).
    func dataName(of name: String) -> String {
        scenario.indicators.first { $0.name == name }?.dataName ?? name
    }

    /// Per-unit thresholds (`--thresholds`): a unit the table names is judged against its own threshold.
    public var thresholds: UnitThresholds?

    /// Reads per-unit thresholds from the CSV at `path` into ``thresholds``, checked against the targets and the data.
    /// Rows for `total` (the name given to ``run(units:paths:seed:threads:total:unitsMeeting:sharedFraction:progress:)``)
    /// set the total's own thresholds: a province judged against the province's bar while its communes are judged
    /// against theirs.
    public mutating func loadThresholds(path: String, total: String? = nil) throws {
        let shares = Set(scenario.indicators.filter { ($0.kind ?? data.inferredKind(of: $0.dataName)) == .share }.map(\.name))
        thresholds = try UnitThresholds.load(contentsOf: URL(fileURLWithPath: path), targets: targetFile,
                                             units: (Array(Set(data.observations.map(\.unit))) + (total.map { [$0] } ?? [])).sorted(),
                                             shares: shares)
    }

    /// The single-unit study of `unit`: the scenario with `unit:` set to it, without the indicators the unit has no
    /// data for (returned as `dropped`), and every target that resolves on it, with the unit's own threshold where
    /// ``thresholds`` has one; the others in `skipped` with the reason.
    public func study(of unit: String) throws -> (study: PlanStudy, dropped: [String], skipped: [(target: String, reason: String)]) {
        var s = scenario
        s.unit = unit
        let unitIndicators = Set(data.observations.lazy.filter { $0.unit == unit }.map(\.indicator))
        let dropped = s.indicators.filter { $0.unit == nil && !unitIndicators.contains($0.dataName) }.map(\.name)
        s.indicators.removeAll { dropped.contains($0.name) }
        let firstYear = targetFile.targets.map(\.window.lowerBound).min()!
        let compiled = try ScenarioCompiler.compile(s, firstYear: firstYear, data: data)
        var targets: [CompiledTarget] = [], skipped: [(String, String)] = []
        for var spec in targetFile.targets {
            if let own = thresholds?.threshold(target: spec.id, unit: unit) {
                spec.threshold = own
                spec.stretch = nil           // the plan's stretch belongs to the plan's threshold
            }
            if dropped.contains(spec.indicator) {
                skipped.append((spec.id, "no data for `\(dataName(of: spec.indicator))`"))
                continue
            }
            do { targets.append(try CompiledTarget(spec, models: [compiled.model])) } catch { skipped.append((spec.id, "\(error)")) }
        }
        var file = targetFile
        file.targets = targets.map(\.spec)
        return (PlanStudy(compiled: compiled, targetFile: file, targets: targets, inputs: inputs), dropped, skipped)
    }

    /// Runs every unit of `units` (all of ``dataUnits`` when nil) but those in `excluding` (a parent beside its parts)
    /// with `paths` paths and assembles the league tables. `progress` is told each unit as it starts (index from 0,
    /// count, unit); a listed or excluded unit absent from the data is an error naming it.
    ///
    /// With `total`, every target is also judged on the units' sum, path by path (see ``LeagueResult/Total``): path
    /// `p` of the total is the sum of path `p` of each unit, so the total and its parts agree on every path. Name the
    /// units that make up the whole (the communes of a province, not the province beside them). Costs one more run
    /// and, per unit, its paths held in memory while they are added (paths × indicators × years doubles).
    ///
    /// `sharedFraction` (used with `total` only) makes units move together: that share of each unit's paths is drawn
    /// from a stream common to all units (``SharedDraws``), so a unit's row keeps its distribution but is no longer the
    /// same numbers as its run alone; 0 keeps the units independent and the rows identical to the plain league's.
    public func run(units: [String]? = nil, paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads,
                    excluding: [String] = [], total: String? = nil, unitsMeeting: Double? = nil,
                    sharedFraction: Double = UnitLeague.defaultSharedFraction,
                    progress: ((Int, Int, String) -> Void)? = nil) throws -> LeagueResult {
        let all = dataUnits
        var chosen: [String]
        let known = Set(data.observations.map(\.unit))
        for u in (units ?? []) + excluding where !known.contains(u) {
            throw ConfigurationError(file: scenario.file, key: "units", message: "the data have no unit `\(u)`",
                                     hint: NearestName.suggestion(for: u, among: known).map { "did you mean `\($0)`?" }
                                         ?? "the data have \(known.count) units; use names from their unit column")
        }
        chosen = units.map { Array(Set($0)).sorted() } ?? all
        chosen.removeAll { excluding.contains($0) }
        var rowsByTarget = Array(repeating: [LeagueResult.Row](), count: targetFile.targets.count)
        var skippedByTarget = Array(repeating: [LeagueResult.Skipped](), count: targetFile.targets.count)
        var runs: [LeagueResult.UnitRun] = [], warnings: [String] = []
        var shareKind: [String: Bool] = [:], additive: [String: Bool] = [:]
        let pinned = Set(scenario.indicators.filter { $0.unit != nil }.map(\.name))
        var summed = total.map { UnitTotal(name: $0, paths: paths, pinned: pinned) }
        // Units judged together (a total, or a count of units meeting each target): paths tied by shared draws.
        let joint = total != nil || unitsMeeting != nil
        var meeting = Array(repeating: [Int32](), count: targetFile.targets.count), counted = Array(repeating: 0, count: targetFile.targets.count)
        for (k, unit) in chosen.enumerated() {
            progress?(k, chosen.count, unit)
            let unitSeed = Self.seed(for: unit, runSeed: seed)
            let prepared: (study: PlanStudy, dropped: [String], skipped: [(target: String, reason: String)])
            do {
                prepared = try study(of: unit)
            } catch {
                for t in skippedByTarget.indices { skippedByTarget[t].append(.init(unit: unit, reason: "\(error)")) }
                continue
            }
            runs.append(.init(unit: unit, seed: unitSeed, droppedIndicators: prepared.dropped))
            warnings += prepared.study.compiled.warnings.map { "\(unit): \($0)" }
            for (id, reason) in prepared.skipped {
                let t = targetFile.targets.firstIndex { $0.id == id }!
                skippedByTarget[t].append(.init(unit: unit, reason: reason))
            }
            guard !prepared.study.targets.isEmpty else { continue }
            let (result, tally, rows) = !joint
                ? { let (r, t) = prepared.study.runWithTally(paths: paths, seed: unitSeed, threads: threads); return (r, t, [Double]()) }()
                : prepared.study.runRecording(paths: paths, seed: unitSeed, threads: threads,
                                               shared: sharedFraction > 0 ? SharedDraws(seed: Self.sharedSeed(runSeed: seed), fraction: sharedFraction,
                                                                                        unitKey: StreamKey.of(unit)) : nil,
                                               keepRows: summed != nil, verdicts: unitsMeeting != nil)
            summed?.add(unit: unit, study: prepared.study, rows: rows)
            if unitsMeeting != nil {
                let verdicts = tally.metByPath(), n = prepared.study.targets.count
                for (i, target) in prepared.study.targets.enumerated() {
                    let t = targetFile.targets.firstIndex { $0.id == target.spec.id }!
                    if meeting[t].isEmpty { meeting[t] = [Int32](repeating: 0, count: paths) }
                    for p in 0..<paths where verdicts[p * n + i] { meeting[t][p] += 1 }
                    counted[t] += 1
                }
            }
            for (i, r) in result.targets.enumerated() {
                let t = targetFile.targets.firstIndex { $0.id == r.id }!
                let ind = prepared.study.model.indicators[prepared.study.targets[i].indicatorIndex[0]]
                shareKind[r.id] = ind.kind == .share
                additive[r.id] = ind.isFlow
                var row = Self.row(unit: unit, result: r, tally: tally, target: i)
                row.threshold = thresholds?.threshold(target: r.id, unit: unit)
                rowsByTarget[t].append(row)
            }
        }
        var totals = Array(repeating: LeagueResult.Total?.none, count: targetFile.targets.count)
        if let summed {
            var file = targetFile
            for i in file.targets.indices {
                if let own = thresholds?.threshold(target: file.targets[i].id, unit: summed.name) {
                    file.targets[i].threshold = own
                    file.targets[i].stretch = nil
                }
            }
            let (study, skipped) = try summed.study(scenario: scenario, targetFile: file, data: data, dataName: dataName, inputs: inputs)
            for (id, reason) in skipped {
                let t = targetFile.targets.firstIndex { $0.id == id }!
                totals[t] = .init(name: summed.name, units: (try? summed.units(of: targetFile.targets[t].indicator).get()) ?? [], row: nil, reason: reason)
            }
            if !study.targets.isEmpty {
                let (result, tally) = study.runWithTally(paths: paths, seed: seed, threads: threads)
                for (i, r) in result.targets.enumerated() {
                    let t = targetFile.targets.firstIndex { $0.id == r.id }!
                    var row = Self.row(unit: summed.name, result: r, tally: tally, target: i)
                    row.threshold = thresholds?.threshold(target: r.id, unit: summed.name)
                    totals[t] = .init(name: summed.name, units: try summed.units(of: r.indicator).get(), row: row, reason: nil)
                }
            }
        }
        let share = unitsMeeting
        let targets = targetFile.targets.enumerated().map { t, spec -> LeagueResult.TargetLeague in
            var rows = rowsByTarget[t].sorted {
                ($0.probability, -$0.shortfall) != ($1.probability, -$1.shortfall)
                    ? ($0.probability, -$0.shortfall) > ($1.probability, -$1.shortfall) : $0.unit < $1.unit
            }
            let isAdditive = additive[spec.id] ?? false
            let total = rows.reduce(0) { $0 + $1.shortfall }
            for i in rows.indices {
                rows[i].rank = i + 1
                if isAdditive && total > 0 { rows[i].shortfallShare = rows[i].shortfall / total }
            }
            return .init(id: spec.id, indicator: spec.indicator, kind: spec.kind, comparison: spec.comparison, symbol: spec.comparison.symbol,
                         threshold: spec.threshold, from: spec.window.lowerBound, to: spec.window.upperBound, wording: spec.wording,
                         isShare: shareKind[spec.id] ?? false, additive: isAdditive, totalShortfall: isAdditive ? total : nil,
                         rows: rows, skipped: skippedByTarget[t], total: totals[t],
                         unitsMeeting: share.flatMap { counted[t] > 0 ? Self.unitsMeeting(share: $0, units: counted[t], counts: meeting[t]) : nil })
        }
        return LeagueResult(paths: paths, seed: seed, seedRule: Self.seedRule, scenario: scenario.name, file: scenario.file,
                            cutoff: scenario.cutoff, horizon: scenario.horizon, units: runs, targets: targets, warnings: warnings,
                            thresholdsFile: thresholds?.source, sharedPaths: joint ? sharedFraction : nil,
                            version: AttainVersion.current, inputs: inputs)
    }

    /// How many of `units` units meet a target, from the number meeting it on each path (`counts`), and the
    /// probability that at least `share` of them do.
    static func unitsMeeting(share: Double, units: Int, counts: [Int32]) -> LeagueResult.UnitsMeeting {
        let needed = Int((share * Double(units) - 1e-9).rounded(.up))
        let paths = counts.count
        let hits = counts.reduce(0) { $0 + ($1 >= needed ? 1 : 0) }
        let p = Double(hits) / Double(paths)
        let sorted = counts.sorted()
        func q(_ level: Double) -> Int { Int(sorted[min(paths - 1, Int((level * Double(paths)).rounded(.down)))]) }
        return .init(share: share, needed: max(needed, 0), units: units, probability: p,
                     mcse: ResultAssembly.mcse(p, paths), expected: Double(counts.reduce(0) { $0 + Int($1) }) / Double(paths),
                     lower90: q(0.05), median: q(0.5), upper90: q(0.95))
    }

    /// A unit's line (rank 0 until ranked) from its run's result and tallies of target `i`.
    static func row(unit: String, result r: TargetResult, tally: TargetTally, target i: Int) -> LeagueResult.Row {
        let q = tally.statisticQuantiles(target: i, levels: QuantileBand.levels)
        return .init(rank: 0, unit: unit, probability: r.probability, mcse: r.mcse, status: r.status, settled: r.settled,
                     lower90: q[0], lower50: q[1], median: q[2], upper50: q[3], upper90: q[4],
                     shortfall: tally.expectedShortfall(target: i), shortfallShare: nil)
    }
}
