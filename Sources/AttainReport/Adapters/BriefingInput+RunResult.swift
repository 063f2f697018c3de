import AttainData
import AttainSimulation
import AttainTargets

extension BriefingInput {
    /// The briefing of one simulated scenario, with optional comparison and goal-seek results.
    ///
    /// - Parameters:
    ///   - run: the scenario's results (`PlanStudy.run`).
    ///   - comparison: probabilities under several scenarios, when more than one was given.
    ///   - efforts: the effort needed, by target id, for targets at risk.
    ///   - illustrative: whether the data are illustrative (the briefing then says so at the top).
    ///   - dataNote: where the data come from, in words.
    ///   - indicatorTitles: each indicator's title by name (from the scenario), for the method note.
    public init(run: RunResult, comparison: ScenarioComparison? = nil, efforts: [String: GoalSeekEffort] = [:],
                indicatorTitles: [String: LocalizedText] = [:], illustrative: Bool, dataNote: LocalizedText? = nil) {
        let indicators = Dictionary(run.indicators.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let targets = run.targets.map { result in
            BriefingTarget(result: result, indicator: indicators[result.indicator], effort: efforts[result.id])
        }
        var assumptions = run.assumptions
        for intervention in run.interventions {
            if let description = intervention.description { assumptions.append(description) }
        }
        self.init(
            title: LocalizedText(en: "Mid-term review: how likely the plan's targets are to be met",
                                 vi: "Sơ kết: khả năng đạt các chỉ tiêu của kế hoạch"),
            plan: run.plan,
            cutoff: run.cutoff,
            scenario: run.title ?? LocalizedText(en: run.scenario, vi: run.scenario),
            targets: targets,
            comparison: comparison,
            assumptions: assumptions,
            indicators: run.indicators.map { IndicatorNote(title: indicatorTitles[$0.name] ?? .both($0.name), model: LocalizedText(en: $0.model, vi: $0.modelVi),
                                                         caveats: $0.caveats ?? []) },
            illustrative: illustrative,
            dataNote: dataNote,
            paths: run.paths,
            seed: run.seed,
            version: run.version,
            inputs: run.inputs ?? [])
    }
}

extension BriefingTarget {
    /// One target's evidence from its simulation result and its indicator's projection.
    ///
    /// Targets judged on yearly values (a level at the deadline, every-year and range targets) show the indicator's whole
    /// observed history for context, and, for shares and levels, its projection from the first simulated year; cumulative
    /// targets show their running totals within the window.
    public init(result: TargetResult, indicator: RunResult.IndicatorProjection?, effort: GoalSeekEffort? = nil) {
        // A target the data have already settled rests on no projection to read with care.
        let caveats = result.settled == nil ? indicator?.caveats ?? [] : []
        let scale: Scale
        switch indicator?.kind {
        case "share": scale = .share
        case "count", "cumulative": scale = .count
        default: scale = .level
        }
        let yearly = !result.kind.isCumulative
        let flow = indicator?.kind == "count" || indicator?.kind == "cumulative"
        let observed = yearly ? (indicator?.history ?? result.history) : result.history
        let bands = yearly && !flow ? (indicator?.fan ?? result.fan) : result.fan
        let history = observed.compactMap { value in
            Int(value.period).map { HistoryPoint(year: $0, value: value.value, partial: value.partial) }
        }.filter { $0.year <= result.to }
        let fan = bands.compactMap { band in
            Int(band.period).map {
                FanPoint(year: $0, lower90: band.q05, lower50: band.q25, median: band.q50, upper50: band.q75, upper90: band.q95)
            }
        }.filter { $0.year <= result.to }
        let years = result.kind.isEveryYear ? result.years.compactMap { year in
            Int(year.period).map { YearProbability(year: $0, probability: year.probability, observed: year.observed) }
        } : []
        self.init(
            id: result.id, wording: result.wording, group: result.group,
            unit: result.unit ?? (scale == .share ? LocalizedText(en: "%", vi: "%") : LocalizedText()),
            kind: result.kind, scale: scale, comparison: result.comparison, threshold: result.threshold,
            stretch: result.stretch, window: result.from...result.to, history: history, fan: fan,
            estimate: result.median, probability: result.probability, mcse: result.mcse,
            stretchProbability: result.stretchProbability, yearProbabilities: years, status: result.status,
            missed: result.settled == "missed", effort: effort,
            note: Self.note(plan: indicator?.restsOnPlan == true, caveats: caveats))
        restsOnPlan = indicator?.restsOnPlan == true
        self.caveats = caveats
        milestoneOf = result.milestoneOf
        // Targets stated from a base year or over a window: the chart keeps the indicator's values, the estimate is
        // the statistic (growth, change, average) with its 90% interval.
        if result.kind.isRelative, let base = result.base {
            switch result.kind {
            case .growthFromBase: form = .growthFromBase(base: base)
            case .changeFromBase: form = .changeFromBase(base: base)
            case .averageGrowth: form = .averageGrowth(first: base)
            default: form = .averageChange(first: base)
            }
            if let observed = result.baseValue ?? history.first(where: { $0.year == base && !$0.partial })?.value {
                baseValue = observed
                baseObserved = true
            } else {
                baseValue = fan.first { $0.year == base }?.median
                baseObserved = false
            }
            estimateInterval = result.lower90 <= result.upper90 ? result.lower90...result.upper90 : nil
        }
    }

    /// The target's remark: the plan note when it rests on a plan, then what to read with care.
    static func note(plan: Bool, caveats: [LocalizedText]) -> LocalizedText? {
        var parts = plan ? [planNote] : []
        if !caveats.isEmpty {
            parts.append(LocalizedText(en: "Read with care: " + caveats.map { $0.text("en") }.joined(separator: "; ") + ".",
                                       vi: "Đọc thận trọng: " + caveats.map { $0.text("vi") }.joined(separator: "; ") + "."))
        }
        guard !parts.isEmpty else { return nil }
        return LocalizedText(en: parts.map { $0.text("en") }.joined(separator: " "), vi: parts.map { $0.text("vi") }.joined(separator: " "))
    }

    /// Said of every target whose indicator is a schedule the unit keeps itself (`model: planned`).
    static let planNote = LocalizedText(
        en: "This target rests on the unit's own plan: the probability is that of holding the events it schedules, given how often planned events have slipped.",
        vi: "Chỉ tiêu này phụ thuộc vào kế hoạch tự tổ chức của đơn vị: xác suất là khả năng tổ chức đủ số hoạt động đã lên kế hoạch, theo tỷ lệ hoạt động bị lùi trước đây.")
}
