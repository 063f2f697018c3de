import Foundation
import AttainData
import AttainSimulation

extension PlanStudy {
    /// The lever value at which target `targetID` reaches `probability`: bracket, then bisect on common random numbers.
    ///
    /// `lever` is an intervention id of the scenario, or `LEVER:INDICATOR` (e.g. `rate-multiplier:union_members`) for a
    /// new intervention acting from the year after the cut-off. Every evaluation simulates the same `paths` paths with the
    /// same `seed` (only the target's indicator), so the estimated probability is a step function of the lever that moves
    /// only where paths change outcome, and bisection converges to where it crosses `probability`. The search stops when
    /// the bracket is narrower than `tolerance` times the range (≈ log₂(1/tolerance) + 3 runs). Monotonicity is assumed
    /// (true for every built-in lever): the direction is read from the ends of the range. `progress`, when given,
    /// hears after each run how many runs are done and about how many there will be.
    public func goalSeek(target targetID: String, probability: Double, lever: String, range: ClosedRange<Double>? = nil,
                         paths: Int, seed: UInt64, threads: Int = SimulationEngine.defaultThreads,
                         tolerance: Double = 1e-3, progress: ((_ done: Int, _ expected: Int) -> Void)? = nil) throws -> GoalSeekResult {
        guard probability > 0 && probability < 1 else {
            throw StudyError.invalidRequest("the probability sought must be between 0 and 1 (exclusive), got \(probability)")
        }
        guard let (_, target) = self.target(targetID) else {
            throw StudyError.unknownTarget(targetID, known: targets.map(\.spec.id))
        }
        let (study, intervention) = try withLever(lever)
        guard intervention.indicators.contains(target.spec.indicator) else {
            throw StudyError.leverDoesNotAct(lever: lever, target: targetID, indicator: target.spec.indicator)
        }
        // Only the target's indicator is simulated.
        var reduced = study
        let keep = reduced.compiled.model.indicatorIndex(target.spec.indicator)!
        reduced.compiled.model.indicators = [study.model.indicators[keep]]
        reduced.compiled.histories = [study.compiled.histories[keep]]
        let compiled = try CompiledTarget(target.spec, models: [reduced.model])
        reduced.targets = [compiled]

        var evaluations: [GoalSeekResult.Evaluation] = []
        let expectedRuns = 3 + Int(log2(1 / tolerance).rounded(.up))  // the ends, the current value, then bisection
        func evaluate(_ value: Double) -> Double {
            let s = reduced.setting(lever: intervention.id, to: value)
            let tally = SimulationEngine.run([s.model], paths: paths, seed: seed, threads: threads,
                                             accumulator: TargetTally(targets: [compiled], modelCount: 1))
            let p = Double(tally.met(target: 0)) / Double(paths)
            evaluations.append(.init(value: value, probability: p))
            progress?(evaluations.count, max(expectedRuns, evaluations.count))
            return p
        }
        let bounds = range ?? intervention.lever.defaultRange(lowering: target.spec.comparison.isUpperBound)
        let current = evaluate(intervention.value)
        var (lo, hi) = (bounds.lowerBound, bounds.upperBound)
        let pLo = evaluate(lo), pHi = evaluate(hi)
        let increasing = pHi >= pLo
        var required: Double?
        // Bisect between a value that misses (`bad`) and one that reaches (`good`).
        var good: Double, bad: Double
        if increasing {
            if pLo >= probability { required = lo }
            (good, bad) = (hi, lo)
        } else {
            if pHi >= probability { required = hi }
            (good, bad) = (lo, hi)
        }
        let reachable = (increasing ? pHi : pLo) >= probability
        if required == nil && reachable {
            while abs(good - bad) > tolerance * (hi - lo) {
                let mid = (good + bad) / 2
                if evaluate(mid) >= probability { good = mid } else { bad = mid }
            }
            required = good
        }
        (lo, hi) = (bounds.lowerBound, bounds.upperBound)
        let achieved = required.flatMap { r in evaluations.last { $0.value == r }?.probability }
        var result = GoalSeekResult(
            target: targetID, wording: target.spec.wording, lever: intervention.id, leverKind: intervention.lever,
            indicators: intervention.indicators, probability: probability, currentValue: intervention.value,
            currentProbability: current, required: required, achievedProbability: achieved,
            mcse: achieved.map { ($0 * (1 - $0) / Double(paths)).squareRoot() },
            direction: increasing ? "increasing" : "decreasing", lower: lo, upper: hi, evaluations: evaluations,
            paths: paths, seed: seed, version: AttainVersion.current, inputs: inputs)
        if target.spec.usesSchema2 {
            result.symbol = target.spec.comparison.symbol
            result.form = target.spec.kind.rawValue
            if let b = compiled.baseIndex {
                result.base = reduced.model.firstYear + b
                result.baseValue = compiled.baseValues[0].isNaN ? nil : compiled.baseValues[0]
            }
        }
        return result
    }

    /// The study with lever `name` available: an existing intervention, or a new neutral one from `LEVER:INDICATOR`.
    func withLever(_ name: String) throws -> (PlanStudy, Intervention) {
        if let i = scenario.intervention(name) { return (self, i) }
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Lever(rawValue: parts[0]), let index = model.indicatorIndex(parts[1]) else {
            throw StudyError.unknownLever(name, known: scenario.interventions.map(\.id))
        }
        let indicator = model.indicators[index]
        guard indicator.process.supportedLevers.contains(kind) else {
            throw StudyError.invalidRequest("lever `\(kind.rawValue)` cannot act on `\(parts[1])` (model: \(indicator.modelDescription.text("en")))")
        }
        let from = model.cutoff.covers(year: model.cutoff.year) ? model.cutoff.year + 1 : model.cutoff.year
        var neutral = kind.neutralValue
        if kind == .turnover, let stockFlow = indicator.process as? StockFlowProcess { neutral = stockFlow.exitRate }
        let intervention = Intervention(id: name, lever: kind, indicators: [parts[1]], from: max(from, model.firstYear + indicator.firstSimulated),
                                        value: neutral)
        var s = self
        s.compiled.scenario.interventions.append(intervention)
        return (s.setting(lever: name, to: intervention.value), intervention)
    }
}
