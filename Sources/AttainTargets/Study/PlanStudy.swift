import AttainData
import AttainSimulation
import Foundation

/// A scenario with its plan's targets, compiled and ready to simulate: the object behind `attain run`.
///
/// ```swift
/// let study = try PlanStudy.load(path: "scenarios/baseline.yaml")
/// let result = study.run(paths: 10_000, seed: 42)
/// print(result.targets.map { "\($0.id) \($0.probability)" })
/// ```
/// Loading reads the scenario, its targets file and data, fits every indicator (once) and checks every target against
/// the scenario. Running costs O(paths × indicators × years) and memory independent of the number of paths.
public struct PlanStudy: Sendable {
    /// The compiled scenario.
    public var compiled: CompiledScenario
    /// The targets file.
    public var targetFile: TargetFile
    /// The targets, resolved against the model.
    public var targets: [CompiledTarget]
    /// Digests of the files read to make the study (scenario files with the chain they extend, targets file, data
    /// files), recorded with every result.
    public var inputs: [InputDigest] = []

    /// The scenario.
    public var scenario: Scenario { compiled.scenario }
    /// The simulation model.
    public var model: SimulationModel { compiled.model }

    /// Loads the scenario at `path` with the targets file it names, its data, and compiles them.
    public static func load(path: String, firstYear: Int? = nil) throws -> PlanStudy {
        try prepare(ScenarioLoader.load(path: path), firstYear: firstYear)
    }

    /// Compiles `scenario` with its targets file (or `targets`, when given).
    public static func prepare(_ scenario: Scenario, targets: TargetFile? = nil, data: DataSet? = nil, firstYear: Int? = nil) throws -> PlanStudy {
        let file: TargetFile
        if let targets {
            file = targets
        } else {
            guard let path = scenario.targetsFile else {
                throw ConfigurationError(file: scenario.file, key: "targets", message: "the scenario names no targets file",
                                         hint: "add `targets: plan-targets.yaml` (relative to the scenario file)")
            }
            file = try TargetFile.load(path: path)
        }
        let start = min(firstYear ?? .max, file.targets.map(\.window.lowerBound).min()!)
        let compiled = try ScenarioCompiler.compile(scenario, firstYear: start, data: data)
        let compiledTargets = try file.targets.map { try CompiledTarget($0, models: [compiled.model]) }
        var read: [(file: String, role: InputDigest.Role)] = scenario.scenarioFiles.map { ($0, .scenario) }
        if targets == nil, let path = scenario.targetsFile { read.append((path, .targets)) }
        if data == nil { read += scenario.dataFiles.map { ($0, .data) } }
        return PlanStudy(compiled: compiled, targetFile: file, targets: compiledTargets, inputs: InputDigest.of(read))
    }

    /// The target with identifier `id`, and its index.
    public func target(_ id: String) -> (index: Int, target: CompiledTarget)? {
        targets.firstIndex { $0.spec.id == id }.map { ($0, targets[$0]) }
    }

    /// Simulates `paths` paths and evaluates every target; `samplePaths` receives the raw paths as CSV, `progress` the
    /// number of paths done as they complete.
    public func run(paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads,
                    samplePaths: SamplePathWriter? = nil, progress: (@Sendable (Int) -> Void)? = nil) -> RunResult {
        runWithTally(paths: paths, seed: seed, threads: threads, samplePaths: samplePaths, progress: progress).result
    }

    /// ``run(paths:seed:threads:samplePaths:progress:)`` with the tally behind the result (for shortfalls and quantiles).
    func runWithTally(paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads,
                      samplePaths: SamplePathWriter? = nil, progress: (@Sendable (Int) -> Void)? = nil) -> (result: RunResult, tally: TargetTally) {
        let start = StudyAccumulator(tally: TargetTally(targets: targets, modelCount: 1), fan: FanSketch(models: [model]))
        let acc = SimulationEngine.run([model], paths: paths, seed: seed, threads: threads, accumulator: start, samplePaths: samplePaths,
                                       progress: progress)
        return (ResultAssembly.run(self, tally: acc.tally, fan: acc.fan!, paths: paths, seed: seed), acc.tally)
    }

    /// The targets' tally alone, without the indicators' fan sketches (for league tables, which need only the targets'
    /// probabilities and statistics): the same tally as ``runWithTally(paths:seed:threads:samplePaths:progress:)``'s.
    func tally(paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads) -> TargetTally {
        let start = StudyAccumulator(tally: TargetTally(targets: targets, modelCount: 1), fan: nil)
        return SimulationEngine.run([model], paths: paths, seed: seed, threads: threads, accumulator: start).tally
    }

    /// ``tally(paths:seed:threads:)`` with units tied by `shared` draws, keeping each path's verdicts (`verdicts`) and
    /// whole paths (`keepRows`; ``PathRecorder/rows()``) for totals over units and counts of units meeting a target.
    func recordedTally(paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads, shared: SharedDraws? = nil,
                       keepRows: Bool, verdicts: Bool) -> (tally: TargetTally, rows: [Double]) {
        var tally = TargetTally(targets: targets, modelCount: 1)
        tally.recordsVerdicts = verdicts
        let start = PathAccumulatorPair(StudyAccumulator(tally: tally, fan: nil), PathRecorder(rowCount: keepRows ? model.rowCount : 0))
        let acc = SimulationEngine.run([model], paths: paths, seed: seed, threads: threads, accumulator: start, shared: shared)
        return (acc.first.tally, acc.second.rows())
    }

    /// The same study with intervention `lever`'s value set to `value` (levers recompiled, fits reused).
    public func setting(lever id: String, to value: Double) -> PlanStudy {
        var s = self
        s.compiled.scenario = scenario.setting(lever: id, to: value)
        for i in s.compiled.model.indicators.indices {
            let ind = s.compiled.model.indicators[i]
            let acting = s.compiled.scenario.interventions.filter { $0.indicators.contains(ind.name) }
            s.compiled.model.indicators[i].levers = LeverSchedule(interventions: acting, firstYear: model.firstYear + ind.firstSimulated,
                                                                  count: ind.simulatedCount)
        }
        return s
    }
}
