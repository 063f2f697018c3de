import AttainData
import AttainParallel
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
    ///
    /// `cache`, shared by the studies of one league's units, keeps what their compiles have in common from being
    /// recomputed for each (``CompileCache``); the study is the same with or without it.
    public func study(of unit: String, cache: CompileCache? = nil) throws -> (study: PlanStudy, dropped: [String], skipped: [(target: String, reason: String)]) {
        var s = scenario
        s.unit = unit
        let unitIndicators = cache?.indicators(of: unit, in: data) ?? Set(data.observations.lazy.filter { $0.unit == unit }.map(\.indicator))
        let dropped = s.indicators.filter { $0.unit == nil && !unitIndicators.contains($0.dataName) }.map(\.name)
        s.indicators.removeAll { dropped.contains($0.name) }
        let firstYear = targetFile.targets.map(\.window.lowerBound).min()!
        let compiled = try ScenarioCompiler.compile(s, firstYear: firstYear, data: data, cache: cache)
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

    /// The units a run of `units` covers, in its order (by name): ``dataUnits`` when nil, else the listed units without
    /// repeats, in both cases without those in `excluding` (a parent beside its parts); a listed or excluded unit absent
    /// from the data is an error naming it.
    public func runUnits(_ units: [String]?, excluding: [String] = []) throws -> [String] {
        let known = Set(data.observations.map(\.unit))
        for u in (units ?? []) + excluding where !known.contains(u) {
            throw ConfigurationError(file: scenario.file, key: "units", message: "the data have no unit `\(u)`",
                                     hint: NearestName.suggestion(for: u, among: known).map { "did you mean `\($0)`?" }
                                         ?? (known.count <= 12 ? NearestName.hint(for: u, among: known.sorted())
                                             : "the data have \(known.count) units; use names from their unit column"))
        }
        return (units.map { Array(Set($0)).sorted() } ?? dataUnits).filter { !excluding.contains($0) }
    }

    /// What every shard of a run of `units` (in run order) with `paths` paths and seed `seed` shares: the run's
    /// settings, its units and each target's league heading.
    public func runHeading(units: [String], paths: Int, seed: UInt64) -> LeagueShard.Run {
        let heads = targetFile.targets.map { spec in
            LeagueResult.TargetLeague(id: spec.id, indicator: spec.indicator, kind: spec.kind, comparison: spec.comparison,
                                      symbol: spec.comparison.symbol, threshold: spec.threshold, from: spec.window.lowerBound,
                                      to: spec.window.upperBound, wording: spec.wording, isShare: false, additive: false,
                                      totalShortfall: nil, rows: [], skipped: [])
        }
        return LeagueShard.Run(paths: paths, seed: seed, seedRule: Self.seedRule, scenario: scenario.name, file: scenario.file,
                               cutoff: scenario.cutoff, horizon: scenario.horizon, version: AttainVersion.current, inputs: inputs,
                               units: units, targets: heads)
    }

    /// One unit's run with its own seed (derived from `seed` and its name): its row or skip reason per target. Depends
    /// on nothing but the unit, the data, `paths` and `seed` (not on `threads`, on the other units run, nor on `cache`,
    /// which only saves recomputing what the units' compiles share: give one ``CompileCache`` to all units of a league).
    public func outcome(of unit: String, paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads,
                        cache: CompileCache? = nil) -> LeagueShard.UnitOutcome {
        jointOutcome(of: unit, paths: paths, seed: seed, threads: threads, cache: cache, joint: nil).outcome
    }

    /// How units are judged together: paths tied by shared draws, and what each unit's run must keep.
    struct Joint: Sendable {
        var runSeed: UInt64
        var fraction: Double
        var keepRows: Bool
        var verdicts: Bool
    }

    /// A unit's outcome and, in a joint run, its study, its whole paths and its per-path verdicts.
    struct JointOutcome: Sendable {
        var outcome: LeagueShard.UnitOutcome
        var study: PlanStudy?
        var rows: [Double] = []
        var verdicts: [Bool] = []
    }

    func jointOutcome(of unit: String, paths: Int, seed: UInt64, threads: Int, cache: CompileCache?, joint: Joint?) -> JointOutcome {
        let unitSeed = Self.seed(for: unit, runSeed: seed)
        let prepared: (study: PlanStudy, dropped: [String], skipped: [(target: String, reason: String)])
        do {
            prepared = try study(of: unit, cache: cache)
        } catch {
            return JointOutcome(outcome: .init(unit: unit, run: nil, warnings: [],
                                               entries: targetFile.targets.indices.map { .init(target: $0, row: nil, isShare: false, additive: false, skipped: "\(error)") }))
        }
        var outcome = LeagueShard.UnitOutcome(unit: unit, run: .init(unit: unit, seed: unitSeed, droppedIndicators: prepared.dropped),
                                              warnings: prepared.study.compiled.warnings.map { "\(unit): \($0)" }, entries: [])
        for (id, reason) in prepared.skipped {
            let t = targetFile.targets.firstIndex { $0.id == id }!
            outcome.entries.append(.init(target: t, row: nil, isShare: false, additive: false, skipped: reason))
        }
        guard !prepared.study.targets.isEmpty else { return JointOutcome(outcome: outcome, study: prepared.study) }
        let study = prepared.study
        var joined = JointOutcome(outcome: outcome, study: study)
        let tally: TargetTally
        if let joint {
            let shared = joint.fraction > 0 ? SharedDraws(seed: Self.sharedSeed(runSeed: joint.runSeed), fraction: joint.fraction,
                                                          unitKey: StreamKey.of(unit)) : nil
            let recorded = study.recordedTally(paths: paths, seed: unitSeed, threads: threads, shared: shared,
                                               keepRows: joint.keepRows, verdicts: joint.verdicts)
            tally = recorded.tally
            (joined.rows, joined.verdicts) = (recorded.rows, tally.metByPath())
        } else {
            tally = study.tally(paths: paths, seed: unitSeed, threads: threads)
        }
        for i in study.targets.indices {
            let r = ResultAssembly.target(i, study: study, tally: tally, model: 0)
            let t = targetFile.targets.firstIndex { $0.id == r.id }!
            let ind = study.model.indicators[study.targets[i].indicatorIndex[0]]
            var row = Self.row(unit: unit, result: r, tally: tally, target: i)
            row.threshold = thresholds?.threshold(target: r.id, unit: unit)
            joined.outcome.entries.append(.init(target: t, row: row, isShare: ind.kind == .share, additive: ind.isFlow, skipped: nil))
        }
        return joined
    }

    /// A unit's line (rank 0 until ranked) from its result and tallies of target `i`.
    static func row(unit: String, result r: TargetResult, tally: TargetTally, target i: Int) -> LeagueResult.Row {
        let q = tally.statisticQuantiles(target: i, levels: QuantileBand.levels)
        return .init(rank: 0, unit: unit, probability: r.probability, mcse: r.mcse, status: r.status, settled: r.settled,
                     lower90: q[0], lower50: q[1], median: q[2], upper50: q[3], upper90: q[4],
                     shortfall: tally.expectedShortfall(target: i), shortfallShare: nil)
    }

    /// Runs every unit of `units` (all of ``dataUnits`` when nil) but those in `excluding` (a parent beside its parts)
    /// with `paths` paths and assembles the league tables. `progress` is told each unit as it starts (index from 0,
    /// count, unit); a listed or excluded unit absent from the data is an error naming it.
    ///
    /// With `total`, every target is also judged on the units' sum, path by path (see ``LeagueResult/Total``): path
    /// `p` of the total is the sum of path `p` of each unit, so the total and its parts agree on every path. Name the
    /// units that make up the whole (the communes of a province, not the province beside them). With `unitsMeeting`,
    /// each target also gets the probability that at least that share of the units meet it (``LeagueResult/UnitsMeeting``).
    /// In both cases units move together: on a share `sharedFraction` of each unit's paths its latent trends are drawn
    /// from a stream common to all units, its noise from its own (``SharedDraws``), so a unit's row keeps its
    /// distribution but is no longer the same numbers as its run alone; 0 keeps the units independent and the rows
    /// identical to the plain league's. Costs, per unit, its paths held in memory while they are added (paths ×
    /// indicators × years doubles), and one more run for the total.
    public func run(units: [String]? = nil, excluding: [String] = [], paths: Int, seed: UInt64,
                    threads: Int = SimulationEngine.defaultThreads, total: String? = nil, unitsMeeting: Double? = nil,
                    sharedFraction: Double = UnitLeague.defaultSharedFraction,
                    progress: ((Int, Int, String) -> Void)? = nil) throws -> LeagueResult {
        let chosen = try runUnits(units, excluding: excluding)
        let heading = runHeading(units: chosen, paths: paths, seed: seed)
        guard total != nil || unitsMeeting != nil else {
            var result = heading.assemble(outcomes(of: chosen, paths: paths, seed: seed, threads: threads, progress: progress))
            result.thresholdsFile = thresholds?.source
            return result
        }
        let joint = Joint(runSeed: seed, fraction: sharedFraction, keepRows: total != nil, verdicts: unitsMeeting != nil)
        let pinned = Set(scenario.indicators.filter { $0.unit != nil }.map(\.name))
        var summed = total.map { UnitTotal(name: $0, paths: paths, pinned: pinned) }
        var meeting = Array(repeating: [Int32](), count: targetFile.targets.count), counted = Array(repeating: 0, count: targetFile.targets.count)
        var outcomes: [LeagueShard.UnitOutcome] = []
        // Units in order, a block at a time (each block's paths folded into the total and the counts, then dropped).
        forEachBlock(of: chosen, paths: paths, seed: seed, threads: threads, joint: joint, progress: progress) { unit, joined in
            outcomes.append(joined.outcome)
            guard let study = joined.study, !study.targets.isEmpty else { return }
            summed?.add(unit: unit, study: study, rows: joined.rows)
            if unitsMeeting != nil {
                let n = study.targets.count
                for (i, target) in study.targets.enumerated() {
                    let t = targetFile.targets.firstIndex { $0.id == target.spec.id }!
                    if meeting[t].isEmpty { meeting[t] = [Int32](repeating: 0, count: paths) }
                    for p in 0..<paths where joined.verdicts[p * n + i] { meeting[t][p] += 1 }
                    counted[t] += 1
                }
            }
        }
        var result = heading.assemble(outcomes)
        (result.thresholdsFile, result.sharedPaths) = (thresholds?.source, sharedFraction)
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
                result.targets[t].total = .init(name: summed.name, units: (try? summed.units(of: targetFile.targets[t].indicator).get()) ?? [],
                                                row: nil, reason: reason)
            }
            if !study.targets.isEmpty {
                let (totalResult, tally) = study.runWithTally(paths: paths, seed: seed, threads: threads)
                for (i, r) in totalResult.targets.enumerated() {
                    let t = targetFile.targets.firstIndex { $0.id == r.id }!
                    var row = Self.row(unit: summed.name, result: r, tally: tally, target: i)
                    row.threshold = thresholds?.threshold(target: r.id, unit: summed.name)
                    result.targets[t].total = .init(name: summed.name, units: try summed.units(of: r.indicator).get(), row: row, reason: nil)
                }
            }
        }
        if let share = unitsMeeting {
            for t in result.targets.indices where counted[t] > 0 {
                result.targets[t].unitsMeeting = Self.unitsMeeting(share: share, units: counted[t], counts: meeting[t])
            }
        }
        return result
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

    /// Shard `shard` (1-based) of `count` of the run ``run(units:excluding:paths:seed:threads:total:unitsMeeting:sharedFraction:progress:)``
    /// would make (without a total or units meeting a target, which need every unit's paths): only the units
    /// ``LeagueShard/units(of:shard:count:)`` gives it, with what ``LeagueShard/merge(_:)`` needs to rebuild the whole
    /// result. `progress` is told each of the shard's units as it starts (index from 0, the shard's count, unit).
    public func runShard(units: [String]? = nil, excluding: [String] = [], shard: Int, of count: Int, paths: Int, seed: UInt64,
                         threads: Int = SimulationEngine.defaultThreads, progress: ((Int, Int, String) -> Void)? = nil) throws -> LeagueShard {
        let chosen = try runUnits(units, excluding: excluding)
        let mine = LeagueShard.units(of: chosen, shard: shard, count: count)
        let outcomes = outcomes(of: mine, paths: paths, seed: seed, threads: threads, progress: progress)
        var run = runHeading(units: chosen, paths: paths, seed: seed)
        run.thresholdsFile = thresholds?.source
        return LeagueShard(format: LeagueShard.formatName, formatVersion: LeagueShard.currentFormatVersion, shard: shard, of: count,
                           run: run, outcomes: outcomes)
    }

    /// The outcomes of `units`, in their order (see ``forEachBlock(of:paths:seed:threads:joint:progress:_:)``).
    func outcomes(of units: [String], paths: Int, seed: UInt64, threads: Int,
                  progress: ((Int, Int, String) -> Void)?) -> [LeagueShard.UnitOutcome] {
        var all: [LeagueShard.UnitOutcome] = []
        all.reserveCapacity(units.count)
        forEachBlock(of: units, paths: paths, seed: seed, threads: threads, joint: nil, progress: progress) { _, joined in
            all.append(joined.outcome)
        }
        return all
    }

    /// Runs `units` and hands each one's outcome to `body` in their order. With one thread, one unit after another; with
    /// more, blocks of units shared out over the threads, each unit's paths on one thread (a unit's numbers do not
    /// depend on its thread count, so the outcomes are the same). `progress` is told the units in order, each once the
    /// units before it are done. Blocks are 16 units a thread (a thread that finishes early waits for the block's last
    /// unit), or 4 in a joint run, whose outcomes hold every path of their unit until the block is done.
    func forEachBlock(of units: [String], paths: Int, seed: UInt64, threads: Int, joint: Joint?,
                      progress: ((Int, Int, String) -> Void)?, _ body: (String, JointOutcome) -> Void) {
        let cache = CompileCache(calibrationThreads: threads)
        guard threads > 1, units.count > 1 else {
            for (k, unit) in units.enumerated() {
                progress?(k, units.count, unit)
                body(unit, jointOutcome(of: unit, paths: paths, seed: seed, threads: threads, cache: cache, joint: joint))
            }
            return
        }
        // The first unit alone, on every thread: its compile learns the trend calibrations that the other units share
        // (each a search over the whole cross-section) with all the threads, before the units are shared out (where
        // each thread that missed them would learn them again).
        progress?(0, units.count, units[0])
        body(units[0], jointOutcome(of: units[0], paths: paths, seed: seed, threads: threads, cache: cache, joint: joint))
        let block = threads * (joint == nil ? 16 : 4)
        for start in stride(from: 1, to: units.count, by: block) {
            let slice = Array(units[start..<min(units.count, start + block)])
            progress?(start, units.count, slice[0])
            let done = Parallel.map(slice.count, threads: threads) { i in
                jointOutcome(of: slice[i], paths: paths, seed: seed, threads: 1, cache: cache, joint: joint)
            }
            for k in 1..<slice.count { progress?(start + k, units.count, slice[k]) }
            for (unit, joined) in zip(slice, done) { body(unit, joined) }
        }
    }
}
