import AttainData
import AttainParallel
import AttainSimulation

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

    /// The rule of ``seed(for:runSeed:)`` in words, recorded with every result.
    public static let seedRule = "unit seed = top 53 bits of SplitMix64-finaliser(run seed XOR FNV-1a-64(unit name, UTF-8))"

    /// The data name of scenario indicator `name` (its `source:`, else the name itself).
    func dataName(of name: String) -> String {
        scenario.indicators.first { $0.name == name }?.dataName ?? name
    }

    /// The single-unit study of `unit`: the scenario with `unit:` set to it, without the indicators the unit has no
    /// data for (returned as `dropped`), and every target that resolves on it; the others in `skipped` with the reason.
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
        for spec in targetFile.targets {
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
    /// repeats; a listed unit absent from the data is an error naming it.
    public func runUnits(_ units: [String]?) throws -> [String] {
        guard let units else { return dataUnits }
        let known = Set(data.observations.map(\.unit))
        for u in units where !known.contains(u) {
            throw ConfigurationError(file: scenario.file, key: "units", message: "the data have no unit `\(u)`",
                                     hint: NearestName.hint(for: u, among: Array(known).sorted()))
        }
        return Array(Set(units)).sorted()
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
        let unitSeed = Self.seed(for: unit, runSeed: seed)
        let prepared: (study: PlanStudy, dropped: [String], skipped: [(target: String, reason: String)])
        do {
            prepared = try study(of: unit, cache: cache)
        } catch {
            return .init(unit: unit, run: nil, warnings: [],
                         entries: targetFile.targets.indices.map { .init(target: $0, row: nil, isShare: false, additive: false, skipped: "\(error)") })
        }
        var outcome = LeagueShard.UnitOutcome(unit: unit, run: .init(unit: unit, seed: unitSeed, droppedIndicators: prepared.dropped),
                                              warnings: prepared.study.compiled.warnings.map { "\(unit): \($0)" }, entries: [])
        for (id, reason) in prepared.skipped {
            let t = targetFile.targets.firstIndex { $0.id == id }!
            outcome.entries.append(.init(target: t, row: nil, isShare: false, additive: false, skipped: reason))
        }
        guard !prepared.study.targets.isEmpty else { return outcome }
        let study = prepared.study
        let tally = study.tally(paths: paths, seed: unitSeed, threads: threads)
        for i in study.targets.indices {
            let r = ResultAssembly.target(i, study: study, tally: tally, model: 0)
            let t = targetFile.targets.firstIndex { $0.id == r.id }!
            let ind = study.model.indicators[study.targets[i].indicatorIndex[0]]
            let q = tally.statisticQuantiles(target: i, levels: QuantileBand.levels)
            let row = LeagueResult.Row(rank: 0, unit: unit, probability: r.probability, mcse: r.mcse, status: r.status, settled: r.settled,
                                       lower90: q[0], lower50: q[1], median: q[2], upper50: q[3], upper90: q[4],
                                       shortfall: tally.expectedShortfall(target: i), shortfallShare: nil)
            outcome.entries.append(.init(target: t, row: row, isShare: ind.kind == .share, additive: ind.isFlow, skipped: nil))
        }
        return outcome
    }

    /// Runs every unit of `units` (all of ``dataUnits`` when nil) with `paths` paths and assembles the league tables.
    /// `progress` is told each unit as it starts (index from 0, count, unit); a listed unit absent from the data is an
    /// error naming it.
    public func run(units: [String]? = nil, paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads,
                    progress: ((Int, Int, String) -> Void)? = nil) throws -> LeagueResult {
        let chosen = try runUnits(units)
        let outcomes = outcomes(of: chosen, paths: paths, seed: seed, threads: threads, progress: progress)
        return runHeading(units: chosen, paths: paths, seed: seed).assemble(outcomes)
    }

    /// Shard `shard` (1-based) of `count` of the run ``run(units:paths:seed:threads:progress:)`` would make: only the
    /// units ``LeagueShard/units(of:shard:count:)`` gives it, with what ``LeagueShard/merge(_:)`` needs to rebuild the
    /// whole result. `progress` is told each of the shard's units as it starts (index from 0, the shard's count, unit).
    public func runShard(units: [String]? = nil, shard: Int, of count: Int, paths: Int, seed: UInt64,
                         threads: Int = SimulationEngine.defaultThreads, progress: ((Int, Int, String) -> Void)? = nil) throws -> LeagueShard {
        let chosen = try runUnits(units)
        let mine = LeagueShard.units(of: chosen, shard: shard, count: count)
        let outcomes = outcomes(of: mine, paths: paths, seed: seed, threads: threads, progress: progress)
        return LeagueShard(format: LeagueShard.formatName, formatVersion: LeagueShard.currentFormatVersion, shard: shard, of: count,
                           run: runHeading(units: chosen, paths: paths, seed: seed), outcomes: outcomes)
    }

    /// The outcomes of `units`, in their order. With one thread, one unit after another; with more, the units are shared
    /// out over the threads, each unit's paths on one thread (a unit's numbers do not depend on its thread count, so the
    /// outcomes are the same). `progress` is told the units in order, each once the units before it are done.
    func outcomes(of units: [String], paths: Int, seed: UInt64, threads: Int,
                  progress: ((Int, Int, String) -> Void)?) -> [LeagueShard.UnitOutcome] {
        let cache = CompileCache()
        guard threads > 1, units.count > 1 else {
            return units.enumerated().map { k, unit in
                progress?(k, units.count, unit)
                return outcome(of: unit, paths: paths, seed: seed, threads: threads, cache: cache)
            }
        }
        // Blocks of units at a time, so that progress is told in order as the run goes.
        let block = threads * 4
        var all: [LeagueShard.UnitOutcome] = []
        all.reserveCapacity(units.count)
        for start in stride(from: 0, to: units.count, by: block) {
            let slice = Array(units[start..<min(units.count, start + block)])
            progress?(start, units.count, slice[0])
            all += Parallel.map(slice.count, threads: threads) { i in outcome(of: slice[i], paths: paths, seed: seed, threads: 1, cache: cache) }
            for k in 1..<slice.count { progress?(start + k, units.count, slice[k]) }
        }
        return all
    }
}
