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
        if spec.kind.isRelative && kind == .cumulative {
            throw spec.error("a \(spec.kind.rawValue) target compares a year's value with an earlier one, but `\(spec.indicator)` is a running total",
                             key: "kind", hint: "judge the yearly count it adds up, or use `cumulative-flow`")
        }
        let comparisonKey = spec.comparison.key
        if kind == .share && !spec.kind.isRelative && (spec.threshold > 1 || (spec.stretch ?? 0) > 1) {
            throw location.error("`\(spec.indicator)` is a share, so the threshold must be in [0, 1]", key: comparisonKey,
                                 hint: "write 90% or 0.9")
        }
        if kind == .share && (spec.kind == .changeFromBase || spec.kind == .averageChange)
            && (abs(spec.threshold) > 1 || abs(spec.stretch ?? 0) > 1) {
            throw spec.error("`\(spec.indicator)` is a share, so a change in it lies in [−1, 1] (100 points)", key: comparisonKey,
                             hint: "write 10pp or 10 điểm for ten percentage points")
        }
        if spec.inPoints && kind != .share {
            throw spec.error("percentage points measure a change in a share, but `\(spec.indicator)` is a \(kind.rawValue)", key: comparisonKey,
                             hint: "write the change in the indicator's own units")
        }
        guard spec.window.upperBound <= m0.horizon else {
            throw location.error("target `\(spec.id)` ends in \(spec.window.upperBound), after the scenario's horizon \(m0.horizon)",
                                 hint: "raise `horizon` in the scenario")
        }
        guard spec.window.lowerBound >= m0.firstYear else {
            if spec.kind.isFromBase {
                throw spec.error("target `\(spec.id)` starts from \(spec.window.lowerBound), before the simulation's first year \(m0.firstYear)", key: "base")
            }
            throw location.error("target `\(spec.id)` starts in \(spec.window.lowerBound), before the simulation's first year \(m0.firstYear)")
        }
        first = spec.window.lowerBound - m0.firstYear
        last = spec.window.upperBound - m0.firstYear
        let baseIndex = spec.baseYear.map { $0 - m0.firstYear } ?? -1
        var baseValues: [Double] = []
        for (model, i) in zip(models, indices) {
            let ind = model.indicators[i]
            if baseIndex >= 0 {
                let baseKey = spec.kind.isFromBase ? "base" : (spec.keyLines["window"] != nil ? "window" : "from")
                if baseIndex < ind.firstSimulated {
                    let v = ind.observed[baseIndex]
                    if v.isNaN {
                        let firstData = ind.observed.firstIndex { !$0.isNaN }.map { m0.firstYear + $0 }
                        if let firstData, firstData > spec.baseYear! {
                            throw spec.error("the base year \(spec.baseYear!) has no data: the data of `\(spec.indicator)` (scenario `\(model.name)`) start in \(firstData)",
                                             key: baseKey, hint: "choose a base year from \(firstData) on")
                        }
                        throw spec.error("the base year \(spec.baseYear!) has no data: scenario `\(model.name)` lacks `\(spec.indicator)` in \(spec.baseYear!)",
                                         key: baseKey, hint: "add that year to the data, or choose another base year")
                    }
                    if spec.kind.isGrowth && v <= 0 {
                        throw spec.error("`\(spec.indicator)` is \(v) in the base year \(spec.baseYear!): growth from \(v <= 0 && v == 0 ? "0" : "a value ≤ 0") is undefined",
                                         key: baseKey, hint: "use change-from-base (or average-change) instead")
                    }
                    baseValues.append(v)
                } else {
                    baseValues.append(.nan)          // not yet complete: simulated on each path
                }
            }
            let needed = spec.kind.judgesDeadlineOnly ? [last] : Array(first...last)
            for y in needed where y < ind.firstSimulated && ind.observed[y].isNaN {
                throw location.error("target `\(spec.id)` needs `\(spec.indicator)` in \(m0.firstYear + y), which the data of scenario `\(model.name)` lack",
                                     hint: "add that year to the data, or start the target's window later")
            }
        }
        self.spec = spec
        indicatorIndex = indices
        isShare = kind == .share
        firstSimulated = firsts
        self.baseValues = baseValues
        rule = TargetRule(kind: spec.kind, comparison: spec.comparison, threshold: spec.threshold,
                          stretch: spec.stretch ?? .infinity, first: first, last: last, base: baseIndex)
    }

    /// Per model, the value in the base year when the data hold it (a constant on every path), NaN when the base year
    /// is simulated (not yet complete); empty for kinds without a base.
    public let baseValues: [Double]

    /// The plain-data rule the tallies apply on every path.
    public let rule: TargetRule

    /// Number of years in the window.
    public var yearCount: Int { last - first + 1 }

    /// The years reported one by one (timeline indices): each window year for every-year and cumulative targets, the
    /// deadline for levels and from-base targets, the years after the first for averages (the average so far).
    public var reportedYears: ClosedRange<Int> {
        spec.kind.judgesDeadlineOnly ? last...last : spec.kind.isAverage ? (first + 1)...last : first...last
    }

    /// Timeline index of the base year (the window's first for averages), or nil.
    public var baseIndex: Int? { rule.base >= 0 ? rule.base : nil }

    /// Number of reported years.
    public var reportedCount: Int { reportedYears.count }
}
