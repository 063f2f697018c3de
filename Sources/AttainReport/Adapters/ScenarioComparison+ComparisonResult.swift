import AttainSimulation
import AttainTargets

extension ScenarioComparison {
    /// The comparison as `PlanComparison.run` computed it: probabilities per scenario, and differences from the first
    /// scenario with their standard errors from paired paths (common random numbers).
    public init(comparison: ComparisonResult) {
        let names = comparison.scenarios.map { $0.title ?? LocalizedText(en: $0.name, vi: $0.name) }
        let rows = comparison.targets.map { target in
            Row(targetID: target.id, probabilities: target.results.map(\.probability),
                differences: target.differences.map { Difference(value: $0.difference, standardError: $0.se) })
        }
        self.init(scenarios: names, rows: rows)
    }
}
