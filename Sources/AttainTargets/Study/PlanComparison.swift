import AttainData
import AttainSimulation

/// Runs several scenarios of one plan on common random numbers: the object behind `attain compare`.
///
/// ```swift
/// let studies = try PlanComparison.load(paths: ["scenarios/baseline.yaml", "scenarios/union-drive-2026.yaml"])
/// let result = try PlanComparison.run(studies, paths: 10_000, seed: 42)
/// ```
/// The targets are the first scenario's; every scenario must define their indicators and share its horizon.
public enum PlanComparison {
    /// Loads the scenarios at `paths` on one timeline.
    public static func load(paths: [String]) throws -> [PlanStudy] {
        var studies = try paths.map { try PlanStudy.load(path: $0) }
        let start = studies.map(\.model.firstYear).min()!
        for i in studies.indices where studies[i].model.firstYear != start {
            studies[i] = try PlanStudy.load(path: paths[i], firstYear: start)
        }
        return studies
    }

    /// Simulates every study on the same paths and compares each with the first; `progress` hears the paths done.
    public static func run(_ studies: [PlanStudy], paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads,
                           progress: (@Sendable (Int) -> Void)? = nil) throws -> ComparisonResult {
        guard studies.count >= 2 else { throw StudyError.invalidRequest("compare needs at least two scenarios") }
        let first = studies[0]
        for s in studies.dropFirst() {
            guard s.model.horizon == first.model.horizon, s.model.firstYear == first.model.firstYear else {
                throw StudyError.mismatchedScenarios("`\(s.scenario.name)` runs \(s.model.firstYear)–\(s.model.horizon), `\(first.scenario.name)` \(first.model.firstYear)–\(first.model.horizon)")
            }
        }
        let models = studies.map(\.model)
        let targets = try first.targetFile.targets.map { try CompiledTarget($0, models: models) }
        let tally = SimulationEngine.run(models, paths: paths, seed: seed, threads: threads,
                                         accumulator: TargetTally(targets: targets, modelCount: models.count), progress: progress)
        let n = Double(paths)
        let comparisons = targets.enumerated().map { t, target -> ComparisonResult.TargetComparison in
            let results = studies.indices.map { m -> ComparisonResult.ScenarioProbability in
                let r = ResultAssembly.target(t, study: studies[m], tally: tally, model: m)
                return .init(scenario: studies[m].scenario.name, probability: r.probability, mcse: r.mcse, status: r.status,
                             stretchProbability: r.stretchProbability)
            }
            let differences = studies.indices.dropFirst().map { m -> ComparisonResult.Difference in
                let (onlyFirst, onlyThis) = tally.discordant(target: t, model: m)
                let d = Double(onlyThis - onlyFirst) / n
                let variance = max(0, (Double(onlyThis + onlyFirst) / n - d * d) / n)
                let pa = results[0].probability, pb = results[m].probability
                return .init(scenario: studies[m].scenario.name, versus: first.scenario.name, difference: d, se: variance.squareRoot(),
                             independentSE: ((pa * (1 - pa) + pb * (1 - pb)) / n).squareRoot())
            }
            var comparison = ComparisonResult.TargetComparison(id: target.spec.id, wording: target.spec.wording, results: results,
                                                               differences: differences)
            if target.spec.usesSchema2 {
                comparison.symbol = target.spec.comparison.symbol
                comparison.form = target.spec.kind.rawValue
                comparison.milestoneOf = target.spec.milestoneOf
                if let b = target.baseIndex {
                    comparison.base = first.model.firstYear + b
                    comparison.baseValue = target.baseValues[0].isNaN ? nil : target.baseValues[0]
                }
            }
            return comparison
        }
        return ComparisonResult(paths: paths, seed: seed,
                                scenarios: studies.map { .init(name: $0.scenario.name, file: $0.scenario.file, title: $0.scenario.title) },
                                targets: comparisons, version: AttainVersion.current,
                                inputs: InputDigest.merged(studies.map(\.inputs)))
    }
}
