import AttainData
import AttainSimulation
import AttainTargets

/// Everything `attain brief` computes before rendering: the first scenario's run, the comparison with the others on
/// common random numbers, and the effort (goal seek) each target at risk needs.
///
/// ```swift
/// let input = try BriefingPreparation.prepare(scenarios: ["scenarios/baseline.yaml"], settings: .init(paths: 10_000, seed: 42))
/// let html = BriefingHTMLRenderer(language: .vi).render(input)
/// ```
/// Cost: one run of every indicator, one joint run of all scenarios when there are several, and for each target at risk
/// a goal seek (about 13 runs of that target's indicator alone).
public enum BriefingPreparation {
    /// How to simulate.
    public struct Settings: Sendable {
        public var paths: Int
        public var seed: UInt64
        public var threads: Int
        /// The probability the effort is sought for (0.8: "likely").
        public var effortProbability: Double
        /// Force the illustrative-data warning; otherwise it is shown when a scenario says `illustrative: true` or the
        /// data's README says so.
        public var illustrative: Bool

        public init(paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads, effortProbability: Double = 0.8,
                    illustrative: Bool = false) {
            self.paths = paths
            self.seed = seed
            self.threads = threads
            self.effortProbability = effortProbability
            self.illustrative = illustrative
        }
    }

    /// Loads, simulates and goal-seeks; `warning` receives notes for the user, `progress` (steps done, steps in all).
    public static func prepare(scenarios paths: [String], settings: Settings,
                               warning: (String) -> Void = { _ in }, progress: (Int, Int) -> Void = { _, _ in }) throws -> BriefingInput {
        guard !paths.isEmpty else { throw StudyError.invalidRequest("give at least one scenario file") }
        let studies = paths.count > 1 ? try PlanComparison.load(paths: paths) : [try PlanStudy.load(path: paths[0])]
        for study in studies {
            for note in study.compiled.warnings { warning("\(study.scenario.name): \(note)") }
        }
        let study = studies[0]
        var steps = 1 + (studies.count > 1 ? 1 : 0)
        var done = 0
        progress(done, steps)
        let run = study.run(paths: settings.paths, seed: settings.seed, threads: settings.threads)
        done += 1
        let atRisk = run.targets.filter { BriefingTarget.needsEffort(status: $0.status, missed: $0.settled == "missed") }
        steps += atRisk.count
        progress(done, steps)
        var comparison: ScenarioComparison?
        if studies.count > 1 {
            comparison = ScenarioComparison(comparison: try PlanComparison.run(studies, paths: settings.paths, seed: settings.seed,
                                                                               threads: settings.threads))
            done += 1
            progress(done, steps)
        }
        var efforts: [String: GoalSeekEffort] = [:]
        for target in atRisk {
            defer {
                done += 1
                progress(done, steps)
            }
            guard let (lever, description) = effortLever(for: target, in: study) else {
                warning("\(target.id): no lever can act on `\(target.indicator)`; the briefing gives no effort for it")
                continue
            }
            do {
                // The lever's default range, mirrored below its neutral value for a reduction (see Lever.defaultRange(lowering:)).
                let result = try study.goalSeek(target: target.id, probability: settings.effortProbability, lever: lever,
                                                paths: settings.paths, seed: settings.seed, threads: settings.threads)
                efforts[target.id] = GoalSeekEffort(result: result, indicatorTitle: study.scenario.indicator(target.indicator)?.title,
                                                    description: description,
                                                    isCount: run.indicators.first { $0.name == target.indicator }?.kind == "count")
            } catch {
                warning("\(target.id): the effort could not be computed (\(error))")
            }
        }
        let dataFiles = studies.flatMap { $0.scenario.dataFiles }
        var titles: [String: LocalizedText] = [:]
        for indicator in study.scenario.indicators { titles[indicator.name] = indicator.title }
        var input = BriefingInput(run: run, comparison: comparison, efforts: efforts, indicatorTitles: titles,
                                  illustrative: settings.illustrative || studies.contains { $0.scenario.illustrative }
                                      || IllustrativeData.isMarked(dataFiles: dataFiles),
                                  dataNote: study.scenario.dataNote)
        input.inputs = InputDigest.merged(studies.map(\.inputs))  // every compared scenario's files, not only the first's
        return input
    }

    /// The lever to goal-seek for `target`: the scenario's own intervention on its indicator if there is one, else a new
    /// rate multiplier (founding, joining or event rates) or, where the model has no rate, a growth shift.
    static func effortLever(for target: TargetResult, in study: PlanStudy) -> (String, LocalizedText?)? {
        if let intervention = study.scenario.interventions.first(where: {
            $0.indicators.contains(target.indicator) && !$0.lever.isOneOff
        }) {
            return (intervention.id, intervention.description)
        }
        guard let index = study.model.indicatorIndex(target.indicator) else { return nil }
        let supported = study.model.indicators[index].process.supportedLevers
        for lever in [Lever.rateMultiplier, .growthShift] where supported.contains(lever) {
            return ("\(lever.rawValue):\(target.indicator)", nil)
        }
        return nil
    }
}
