import AttainData
import AttainSimulation

/// A target resolved against the models of a run: which indicator row it reads in each model, and which timeline years.
public struct CompiledTarget: Sendable {
    /// The target.
    public let spec: TargetSpec
    /// The indicator's index in each model.
    public let indicatorIndex: [Int]
    /// Timeline index of the window's first and last years.
    public let first: Int
    public let last: Int
    /// Whether the judged value is a share (sketched on [0, 1]).
    public let isShare: Bool
    /// First simulated timeline index of the indicator, per model.
    public let firstSimulated: [Int]

    /// Checks `spec` against `models` (which share one timeline) and resolves it; errors name the targets file and key.
    public init(_ spec: TargetSpec, models: [SimulationModel]) throws {
        let location = spec.location ?? SourceLocation(file: "", key: spec.id)
        let m0 = models[0]
        var indices: [Int] = [], firsts: [Int] = []
        var kind: IndicatorKind = .level
        for model in models {
            guard let i = model.indicatorIndex(spec.indicator) else {
                throw location.error("target `\(spec.id)` is judged on indicator `\(spec.indicator)`, which scenario `\(model.name)` does not define",
                                     key: "indicator", hint: NearestName.hint(for: spec.indicator, among: model.indicators.map(\.name)))
            }
            indices.append(i)
            firsts.append(model.indicators[i].firstSimulated)
            kind = model.indicators[i].kind
        }
        let flow = kind == .count || kind == .cumulative
        if spec.kind.isCumulative && !flow {
            throw location.error("a \(spec.kind.rawValue) target sums yearly flows, but `\(spec.indicator)` is a \(kind.rawValue)", key: "kind",
                                 hint: "use `level-at-deadline` or `every-year` for shares and levels")
        }
        if spec.kind == .levelAtDeadline && flow {
            throw location.error("`\(spec.indicator)` counts events per year; judge it with `cumulative-count`, `cumulative-flow` or `every-year`",
                                 key: "kind")
        }
        if kind == .share && (spec.threshold > 1 || (spec.stretch ?? 0) > 1) {
            throw location.error("`\(spec.indicator)` is a share, so the threshold must be in [0, 1]", key: "at-least",
                                 hint: "write 90% or 0.9")
        }
        guard spec.window.upperBound <= m0.horizon else {
            throw location.error("target `\(spec.id)` ends in \(spec.window.upperBound), after the scenario's horizon \(m0.horizon)",
                                 hint: "raise `horizon` in the scenario")
        }
        guard spec.window.lowerBound >= m0.firstYear else {
            throw location.error("target `\(spec.id)` starts in \(spec.window.lowerBound), before the simulation's first year \(m0.firstYear)")
        }
        first = spec.window.lowerBound - m0.firstYear
        last = spec.window.upperBound - m0.firstYear
        for (model, i) in zip(models, indices) {
            let ind = model.indicators[i]
            let needed = spec.kind == .levelAtDeadline ? [last] : Array(first...last)
            for y in needed where y < ind.firstSimulated && ind.observed[y].isNaN {
                throw location.error("target `\(spec.id)` needs `\(spec.indicator)` in \(m0.firstYear + y), which the data of scenario `\(model.name)` lack",
                                     hint: "add that year to the data, or start the target's window later")
            }
        }
        self.spec = spec
        indicatorIndex = indices
        isShare = kind == .share
        firstSimulated = firsts
        rule = TargetRule(kind: spec.kind, comparison: spec.comparison, threshold: spec.threshold,
                          stretch: spec.stretch ?? .infinity, first: first, last: last)
    }

    /// The plain-data rule the tallies apply on every path.
    public let rule: TargetRule

    /// Number of years in the window.
    public var yearCount: Int { last - first + 1 }

    /// The years reported one by one: each window year for every-year and cumulative targets, the deadline for levels.
    public var reportedYears: ClosedRange<Int> { spec.kind == .levelAtDeadline ? last...last : first...last }

    /// Number of reported years.
    public var reportedCount: Int { reportedYears.count }
}
