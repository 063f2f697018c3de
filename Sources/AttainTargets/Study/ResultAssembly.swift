import AttainData
import AttainSimulation

/// Turns tallies and sketches into ``TargetResult`` and ``RunResult`` values.
enum ResultAssembly {
    static func mcse(_ p: Double, _ n: Int) -> Double { (p * (1 - p) / Double(n)).squareRoot() }

    static func run(_ study: PlanStudy, tally: TargetTally, fan: FanSketch, paths: Int, seed: UInt64) -> RunResult {
        let model = study.model
        let targets = study.targets.indices.map { target($0, study: study, tally: tally, fan: fan, model: 0) }
        let indicators = model.indicators.enumerated().map { i, ind -> RunResult.IndicatorProjection in
            let h = study.compiled.histories[i]
            var history: [ObservedValue] = []
            var running = 0.0
            for (y, v) in zip(h.years, h.values) {
                running += v
                history.append(ObservedValue(period: String(y), value: ind.showsRunningTotal ? running : v, partial: false))
            }
            if let p = h.partial {
                history.append(ObservedValue(period: String(p.year), value: ind.showsRunningTotal ? running + p.value : p.value, partial: true))
            }
            let bands = (0..<ind.simulatedCount).map { k in
                QuantileBand(period: String(model.firstYear + ind.firstSimulated + k),
                             quantiles: fan.quantiles(model: 0, indicator: i, simulatedYear: k, levels: QuantileBand.levels))
            }
            return .init(name: ind.name, kind: ind.kind.rawValue, model: ind.modelDescription.text("en"), modelVi: ind.modelDescription.vi,
                         caveats: ind.caveats.isEmpty ? nil : ind.caveats, history: history, fan: bands,
                         restsOnPlan: ind.process is PlannedEventsProcess)
        }
        let s = study.scenario
        return RunResult(
            paths: paths, seed: seed, scenario: s.name, file: s.file, title: s.title, plan: study.targetFile.plan,
            cutoff: s.cutoff, firstYear: model.firstYear, horizon: model.horizon, targets: targets, indicators: indicators,
            assumptions: s.assumptions,
            interventions: s.interventions.map {
                .init(id: $0.id, lever: $0.lever, indicators: $0.indicators, from: $0.from, to: $0.to, value: $0.value,
                      probability: $0.lever == .shock ? $0.probability : nil, description: $0.description)
            },
            warnings: study.compiled.warnings, version: AttainVersion.current, inputs: study.inputs)
    }

    /// The result of target `t` under model `m` of a tally; the yearly fan of level and every-year targets comes from the
    /// indicator's sketches in `fan` (left empty without one).
    static func target(_ t: Int, study: PlanStudy, tally: TargetTally, fan indicatorFan: FanSketch? = nil, model m: Int) -> TargetResult {
        let target = tally.targets[t], spec = target.spec
        let n = tally.paths
        let p = Double(tally.met(target: t, model: m)) / Double(n)
        let modelIndex = study.model
        let indicatorIndex = target.indicatorIndex[m]
        let indicator = modelIndex.indicators[indicatorIndex]
        let history = study.compiled.histories[indicatorIndex]
        let firstYear = modelIndex.firstYear
        let reported = Array(target.reportedYears)
        let firstSim = target.firstSimulated[m]

        func yearProbabilities(stretch: Bool) -> [PeriodProbability] {
            reported.enumerated().map { k, y in
                let q = Double(tally.metInYear(k, target: t, model: m, stretch: stretch)) / Double(n)
                return PeriodProbability(period: String(firstYear + y), probability: q, mcse: mcse(q, n), observed: y < firstSim)
            }
        }
        let years = yearProbabilities(stretch: false)
        let settled = settlement(target, indicator: indicator, partial: history.partial, model: m)
        let q = tally.statisticQuantiles(target: t, model: m, levels: [0.05, 0.5, 0.95])

        // History on the target's scale.
        var observed: [ObservedValue] = []
        let historyStart = spec.kind == .levelAtDeadline ? 0 : target.first
        var running = 0.0
        for y in stride(from: historyStart, to: min(firstSim, target.last + 1), by: 1) where !indicator.observed[y].isNaN {
            running += indicator.observed[y]
            observed.append(ObservedValue(period: String(firstYear + y), value: spec.kind.isCumulative ? running : indicator.observed[y],
                                          partial: false))
        }
        if let partial = history.partial, partial.year - firstYear <= target.last, partial.year - firstYear >= historyStart {
            observed.append(ObservedValue(period: String(partial.year), value: spec.kind.isCumulative ? running + partial.value : partial.value,
                                          partial: true))
        }
        // Relative targets show the indicator's own fan over the whole window (from the base year), so the threshold can
        // be drawn as the plan states it; the others one band per reported year.
        let fanYears = spec.kind.isRelative ? Array(target.first...target.last) : reported
        let fan = fanYears.enumerated().compactMap { k, y -> QuantileBand? in
            guard y >= firstSim else { return nil }
            let q = (spec.kind.isRelative ? nil : tally.yearQuantiles(k, target: t, model: m, levels: QuantileBand.levels))
                ?? (indicator.showsRunningTotal ? nil
                    : indicatorFan?.quantiles(model: m, indicator: indicatorIndex, simulatedYear: y - firstSim, levels: QuantileBand.levels))
            return q.map { QuantileBand(period: String(firstYear + y), quantiles: $0) }
        }
        let status = TargetStatus(probability: p, settled: settled)
        var result = TargetResult(
            id: spec.id, indicator: spec.indicator, kind: spec.kind, comparison: spec.comparison, threshold: spec.threshold,
            stretch: spec.stretch, from: spec.window.lowerBound, to: spec.window.upperBound, wording: spec.wording,
            group: spec.group, unit: spec.unit, probability: p, mcse: mcse(p, n), status: status, statusVi: status.vietnamese,
            settled: settled.map { $0 ? "met" : "missed" }, years: years, median: q[1], lower90: q[0], upper90: q[2],
            history: observed, fan: fan)
        if spec.kind.isEveryYear {
            result.jointProbability = p
            result.independentYearsProbability = years.reduce(1) { $0 * $1.probability }
        }
        if spec.usesSchema2 {
            result.symbol = spec.comparison.symbol
            result.form = spec.kind.rawValue
            result.milestoneOf = spec.milestoneOf
            if let b = target.baseIndex {
                result.base = firstYear + b
                let v = target.baseValues[m]
                result.baseValue = v.isNaN ? nil : v
                result.baseSimulated = v.isNaN
            }
        }
        if spec.stretch != nil {
            let ps = Double(tally.met(target: t, model: m, stretch: true)) / Double(n)
            result.stretchProbability = ps
            result.stretchYears = yearProbabilities(stretch: true)
        }
        return result
    }

    /// true / false when the observed data alone settle the target (met / missed), nil otherwise; the same statistic as
    /// on the paths, computed on the observed values.
    static func settlement(_ target: CompiledTarget, indicator: SimulatedIndicator, partial: YearlyHistory.Partial?, model m: Int = 0) -> Bool? {
        let spec = target.spec, firstSim = indicator.firstSimulated, row = indicator.observed
        let cmp = spec.comparison
        switch spec.kind {
        case .levelAtDeadline:
            return target.last < firstSim ? cmp.holds(row[target.last], spec.threshold) : nil
        case .cumulativeCount, .cumulativeFlow:
            var sum = 0.0
            for y in target.first...target.last where y < firstSim { sum += row[y] }
            if target.last < firstSim { return cmp.holds(sum, spec.threshold) }
            if let partial, (target.first...target.last).contains(firstSim) { sum += partial.value }
            // Flows are never negative: a total reached stays reached, a cap exceeded stays exceeded.
            if cmp.isUpperBound { return cmp.holds(sum, spec.threshold) ? nil : false }
            return cmp.holds(sum, spec.threshold) ? true : nil
        case .everyYear, .range:
            var allSettled = true
            for y in target.first...target.last {
                if y < firstSim {
                    if !cmp.holds(row[y], spec.threshold) { return false }
                } else if y == firstSim, indicator.isFlow, let partial {
                    // A partly observed year's count can only grow: one already meeting a minimum is settled, one already
                    // over a cap is missed.
                    if cmp.isUpperBound {
                        if !cmp.holds(partial.value, spec.threshold) { return false }
                        allSettled = false
                    } else if !cmp.holds(partial.value, spec.threshold) {
                        allSettled = false
                    }
                } else {
                    allSettled = false
                }
            }
            return allSettled ? true : nil
        case .growthFromBase, .changeFromBase, .averageGrowth, .averageChange:
            guard target.last < firstSim, let b0 = target.baseIndex else { return nil }
            let b = target.baseValues.indices.contains(m) && !target.baseValues[m].isNaN ? target.baseValues[m] : row[b0]
            let v = row[target.last], years = Double(target.last - target.first)
            let x: Double = switch spec.kind {
            case .growthFromBase: TargetTally.growth(v, from: b)
            case .changeFromBase: v - b
            case .averageGrowth: TargetTally.averageGrowth(v, from: b, years: years)
            default: (v - b) / years
            }
            return cmp.holds(x, spec.threshold)
        }
    }
}
