import AttainSimulation
import AttainTargets

extension ScenarioComparison {
    /// The targets' probabilities under several scenarios run with the same paths and seed; the first is the reference.
    ///
    /// The standard error of a difference is taken as √(se₁² + se₂²), which is what it would be for independent runs.
    /// Runs on common random numbers are positively correlated, so the true error is smaller: this is a safe upper bound.
    /// Targets missing from a scenario are left out.
    public init(results: [RunResult]) {
        let names = results.map { $0.title ?? LocalizedText(en: $0.scenario, vi: $0.scenario) }
        var rows: [Row] = []
        guard let reference = results.first else {
            self.init(scenarios: names, rows: [])
            return
        }
        for target in reference.targets {
            let matches = results.compactMap { result in result.targets.first { $0.id == target.id } }
            guard matches.count == results.count else { continue }
            let differences = matches.dropFirst().map { other in
                Difference(value: other.probability - target.probability,
                           standardError: (other.mcse * other.mcse + target.mcse * target.mcse).squareRoot())
            }
            rows.append(Row(targetID: target.id, probabilities: matches.map(\.probability), differences: differences))
        }
        self.init(scenarios: names, rows: rows)
    }
}
