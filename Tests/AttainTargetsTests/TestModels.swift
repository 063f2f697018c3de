import AttainData
@testable import AttainSimulation
@testable import AttainTargets

/// Small models built in code, for closed-form checks.
enum TestModels {
    /// One indicator observed in 2025 (value `observed`) and simulated 2026…2030 by `process`.
    static func model(_ name: String = "x", kind: IndicatorKind, process: any PathProcess, observed: Double = 0,
                      interventions: [Intervention] = [], scenario: String = "m") -> SimulationModel {
        var obs = [Double](repeating: .nan, count: 6)
        obs[0] = observed
        let levers = LeverSchedule(interventions: interventions, firstYear: 2026, count: 5)
        return SimulationModel(name: scenario, firstYear: 2025, horizon: 2030, cutoff: .endOfYear(2025),
                               indicators: [SimulatedIndicator(name: name, kind: kind, observed: obs, firstSimulated: 1,
                                                               process: process, levers: levers)])
    }

    static func tally(_ specs: [TargetSpec], models: [SimulationModel], paths: Int, seed: UInt64 = 7, threads: Int = 2) throws -> TargetTally {
        let targets = try specs.map { try CompiledTarget($0, models: models) }
        return SimulationEngine.run(models, paths: paths, seed: seed, threads: threads,
                                    accumulator: TargetTally(targets: targets, modelCount: models.count))
    }

    static func probability(_ tally: TargetTally, target: Int = 0, model: Int = 0) -> Double {
        Double(tally.met(target: target, model: model)) / Double(tally.paths)
    }
}
