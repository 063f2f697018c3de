import AttainData
import AttainForecast

/// Chooses and fits the process for one indicator from its `model` setting, kind and yearly history.
enum ProcessFactory {
    struct Fitted {
        var process: any PathProcess
        /// The model in words (``ModelWording``).
        var description: LocalizedText
        /// What a reader should know of the fit (few years, assumed rates), in both languages (``ModelWording``).
        var caveats: [LocalizedText]
        /// Remarks on how the data were used, for the user running the command (standard error, the JSON's warnings),
        /// not caveats of the projection.
        var remarks: [String] = []
    }

    /// Models a scenario may name, with the kinds they apply to.
    static let models: [String: Set<IndicatorKind>] = [
        "auto": [.share, .count, .cumulative, .level],
        "trend": [.share, .count, .cumulative, .level],
        "stock-flow": [.share],
        "random-walk": [.share, .level],
        "poisson": [.count, .cumulative],
        "planned": [.count],
    ]

    /// The process for `spec`. `crossSection` holds the indicator's units; `kindPool` every series of its kind in the
    /// data, asked for only when the indicator's own units are too few or too short to calibrate a trend on.
    static func process(for spec: IndicatorSpec, kind: IndicatorKind, history: YearlyHistory, scenario: Scenario,
                        crossSection: [YearlyHistory], kindPool: () -> [YearlyHistory] = { [] }, cache: CompileCache? = nil) throws -> Fitted {
        let location = spec.location ?? SourceLocation(file: scenario.file, key: "indicators")
        guard let kinds = models[spec.model] else {
            throw location.error("unknown model `\(spec.model)`", key: "model",
                                 hint: NearestName.hint(for: spec.model, among: models.keys.sorted()))
        }
        guard kinds.contains(kind) else {
            throw location.error("model `\(spec.model)` does not apply to a \(kind.rawValue) indicator", key: "model",
                                 hint: "models for a \(kind.rawValue): " + models.filter { $0.value.contains(kind) }.keys.sorted().joined(separator: ", "))
        }
        switch spec.model {
        case "stock-flow": return try stockFlow(spec, history: history, crossSection: crossSection, location: location, cache: cache)
        case "random-walk": return try randomWalk(spec, kind: kind, history: history, location: location)
        case "poisson": return poisson(spec, history: history)
        case "planned": return planned(spec, history: history)
        default: return try trend(spec, kind: kind, history: history, crossSection: crossSection, kindPool: kindPool, location: location,
                                  cache: cache)
        }
    }

    /// An annual series of a history's complete years.
    static func series(_ h: YearlyHistory, kind: IndicatorKind, name: String, values: [Double]? = nil) -> Series {
        let v = values ?? h.annualisedValues
        // A share's own values keep their counts: a forecast under the default calibrations weighs their binomial noise.
        let counted = kind == .share && values == nil
        let nums = counted ? h.numerators : nil, dens = counted ? h.denominators : nil
        return Series(unit: name, indicator: name, kind: kind, observations: h.years.indices.map {
            Observation(unit: name, indicator: name, period: .year(h.years[$0]), value: v[$0], numerator: nums?[$0], denominator: dens?[$0])
        })
    }

    /// The calibrated local-trend forecast of `values` (default: the history's values) from its last complete year,
    /// calibrated on the cross-section of units when there are enough of them.
    ///
    /// With a `cache`, the calibrations on `crossSection` and `kindPool` are stored under `poolKey` (which must name
    /// what those series are) with the forecaster's settings and the year, and reused by later units.
    static func forecast(_ spec: IndicatorSpec, kind: IndicatorKind, history: YearlyHistory, values: [Double]? = nil,
                         crossSection: [Series], kindPool: [Series] = [], location: SourceLocation,
                         cache: CompileCache? = nil, poolKey: String = "") throws -> (TrendForecast, TrendCalibration.Source) {
        guard let last = history.years.last, history.years.count >= 2 else {
            throw location.error("a trend needs at least two complete years of `\(spec.dataName)`; the data have \(history.years.count)",
                                 key: "model", hint: "add earlier years, or use `model: poisson` for counts")
        }
        var forecaster = TrendForecaster(kind: kind == .cumulative ? .count : kind, window: spec.window)
        forecaster.threads = cache?.calibrationThreads ?? 1
        do {
            let own = series(history, kind: kind == .cumulative ? .count : kind, name: spec.name, values: values)
            let settings = "\(forecaster.transform)|\(forecaster.window ?? -1)|\(last)"
            func calibrate(_ pool: [Series], key: String) throws -> TrendCalibration {
                guard let cache, !pool.isEmpty else { return try forecaster.calibrate(crossSection: pool.isEmpty ? [own] : pool, through: .year(last)) }
                return try cache.value("calibration|\(key)|\(settings)") { try forecaster.calibrate(crossSection: pool, through: .year(last)) }
            }
            var calibration = try calibrate(crossSection, key: poolKey)
            if calibration.source == .defaults, kindPool.count > crossSection.count {
                // Too little of this indicator to learn from: learn how trends change from every series of its kind.
                let wider = try calibrate(kindPool, key: "kind-pool|\(kind)")
                if wider.source != .defaults { calibration = wider }
            }
            return (try forecaster.fit(series: own, calibration: calibration, origin: .year(last)), calibration.source)
        } catch let error as ForecastError {
            throw location.error("cannot fit a trend to `\(spec.dataName)`: \(error)", key: "model")
        }
    }

    static func trend(_ spec: IndicatorSpec, kind: IndicatorKind, history: YearlyHistory, crossSection: [YearlyHistory],
                      kindPool: () -> [YearlyHistory], location: SourceLocation, cache: CompileCache? = nil) throws -> Fitted {
        let k: IndicatorKind = kind == .cumulative ? .count : kind
        let usable = { (histories: [YearlyHistory]) in
            histories.filter { $0.years.count >= 2 }.enumerated().map { series($0.element, kind: k, name: "unit \($0.offset)") }
        }
        let poolKey = "trend|\(spec.dataName)|\(kind)"
        let own = cache?.value("usable|" + poolKey) { usable(crossSection) } ?? usable(crossSection)
        let wider = cache?.value("usable|kind-pool|\(kind)") { usable(kindPool()) } ?? usable(kindPool())
        let (f, calibrationSource) = try forecast(spec, kind: kind, history: history, crossSection: own,
                                                  kindPool: wider, location: location, cache: cache, poolKey: poolKey)
        var observed = 0.0, fraction = 0.0
        var caveats: [LocalizedText] = [], remarks: [String] = []
        if let p = history.partial {
            if kind == .count || kind == .cumulative {
                (observed, fraction) = (p.value, p.expectedShare)
            } else {
                remarks.append("the \(p.year) snapshot is not used by the trend (fitted on year-end values)")
            }
        }
        if history.years.count < 4 { caveats.append(ModelWording.fewYears(history.years.count, uncertain: .trend)) }
        let source: ModelWording.Source
        switch calibrationSource {
        case .pooled(let units, _, _): source = .pooled(units: units)
        case .defaults where f.alternatives.isEmpty: source = .defaults(name: f.defaultsName, oddsUnits: f.modelPriorUnits)
        case .defaults:
            // An average of default models, each named with its weight in percent.
            source = .averaged(f.components.map { ($0.forecast.defaultsName, Int(($0.weight * 100).rounded())) }, oddsUnits: f.modelPriorUnits)
        }
        // A calibration learned from data (sister units, the kind pool, a noisy panel) already holds the counts' noise;
        // for an average of default models, the model of greatest weight decides.
        let learntNoise: Bool
        if case .pooled = calibrationSource { learntNoise = true } else { learntNoise = f.defaultsName != nil }
        let noise: TrendProcess.CountNoise = learntNoise ? .rounding : .poisson
        return Fitted(process: TrendProcess(forecast: f, kind: kind, observedInFirstYear: observed, observedFraction: fraction,
                                            countNoise: noise),
                      description: ModelWording.localTrend(scale: f.transform, source: source,
                                                           counts: k == .count ? (noise == .poisson ? .poisson : .learnt) : nil),
                      caveats: caveats, remarks: remarks)
    }

    /// Latent values at year ends and the state at the last observation.
    static func levels(_ history: YearlyHistory) -> (values: [Double], start: Double, firstStep: Double) {
        if let p = history.partial { return (history.values + [p.value], p.value, 1 - p.fraction) }
        return (history.values, history.values.last ?? .nan, 1)
    }

    static func randomWalk(_ spec: IndicatorSpec, kind: IndicatorKind, history: YearlyHistory, location: SourceLocation) throws -> Fitted {
        let scale: LatentTransform = kind == .share ? .logit : .log(offset: 0)
        var values = history.values
        if let w = spec.window { values = Array(values.suffix(w)) }
        guard values.count >= 2 else {
            throw location.error("a random walk needs at least two complete years of data; `\(spec.dataName)` has \(values.count)", key: "model")
        }
        let (_, start, firstStep) = levels(history)
        guard var rw = RandomWalkProcess(fitting: values, scale: scale, firstStep: firstStep) else {
            throw location.error("cannot fit a random walk to `\(spec.dataName)`", key: "model")
        }
        rw.start = scale.toLatent(start)
        var caveats: [LocalizedText] = []
        if values.count < 4 { caveats.append(ModelWording.fewYears(values.count, uncertain: .drift)) }
        return Fitted(process: rw, description: ModelWording.randomWalk(scale: scale), caveats: caveats)
    }

    static func poisson(_ spec: IndicatorSpec, history: YearlyHistory) -> Fitted {
        var values = history.values, exposures = history.exposures
        if let w = spec.window { values = Array(values.suffix(w)); exposures = Array(exposures.suffix(w)) }
        var total = values.reduce(0, +), exposure = exposures.reduce(0, +)
        var observed = 0.0, fraction = 0.0
        if let p = history.partial {
            total += p.value
            exposure += p.expectedShare
            observed = p.value
            fraction = p.expectedShare
        }
        let process = PoissonRateProcess(total: total, exposure: max(exposure, 0.25), observedInFirstYear: observed, observedFraction: fraction)
        var caveats: [LocalizedText] = []
        if exposure < 3 { caveats.append(ModelWording.rateFromYears(exposure)) }
        return Fitted(process: process, description: ModelWording.poissonSteadyRate, caveats: caveats)
    }

    static func planned(_ spec: IndicatorSpec, history: YearlyHistory) -> Fitted {
        let planned = spec.planned ?? 1
        var values = history.values
        if let w = spec.window { values = Array(values.suffix(w)) }
        let process = PlannedEventsProcess(planned: planned, history: values, slip: spec.slip,
                                           observedInFirstYear: history.partial?.value ?? 0)
        var caveats: [LocalizedText] = []
        if spec.slip == nil && values.count < 3 { caveats.append(ModelWording.slipFromYears(values.count)) }
        let slip = Int((process.meanSlip * 100).rounded())
        return Fitted(process: process,
                      description: ModelWording.planned(perYear: planned, slipPercent: slip, learntFromYears: spec.slip == nil ? values.count : nil),
                      caveats: caveats)
    }

    static func stockFlow(_ spec: IndicatorSpec, history: YearlyHistory, crossSection: [YearlyHistory],
                          location: SourceLocation, cache: CompileCache? = nil) throws -> Fitted {
        guard let nums = history.numerators, let dens = history.denominators else {
            throw location.error("a stock-flow model needs the holders and the population: rows of `\(spec.dataName)` must have numerator and denominator",
                                 key: "model", hint: "add numerator/denominator columns, or use `model: auto`")
        }
        let window = spec.window ?? 3
        let populations = Array(dens.suffix(window)), holders = Array(nums.suffix(window))
        let mode = spec.population ?? ((dens.last ?? 0) < 1000 ? "entries" : "trend")
        let exit = spec.exitRate ?? (mode == "entries" ? 0.03 : 0.2)
        guard let estimate = StockFlowEstimate(populations: populations, holders: holders, exitRate: exit) else {
            throw location.error("a stock-flow model needs at least two complete years with numerator and denominator", key: "model")
        }
        var startP = dens.last!, startS = nums.last!, firstStep = 1.0
        if let p = history.partial, let n = p.numerator, let d = p.denominator {
            startP = d
            startS = n
            firstStep = 1 - p.fraction
        }
        var caveats: [LocalizedText] = []
        if spec.exitRate == nil {
            caveats.append(ModelWording.assumedExitRate(entries: mode == "entries", percent: Int(exit * 100)))
        }
        let population: StockFlowProcess.Population
        if mode == "entries" {
            population = .entries(shape: estimate.entryShape, rate: estimate.entryRate)
        } else {
            let makePool = {
                crossSection.compactMap { h -> Series? in
                    guard let d = h.denominators, h.years.count >= 2 else { return nil }
                    return series(h, kind: .level, name: "population", values: d)
                }
            }
            let poolKey = "population|\(spec.dataName)"
            let pool = cache?.value("usable|" + poolKey, makePool) ?? makePool()
            let (f, _) = try forecast(spec, kind: .level, history: history, values: dens, crossSection: pool, location: location,
                                      cache: cache, poolKey: poolKey)
            population = .trend(TrendProcess(forecast: f, kind: .level), origin: dens.last!)
        }
        let process = StockFlowProcess(population: population, startPopulation: startP, startHolders: startS, exitRate: exit,
                                       estimate: estimate, firstStep: firstStep)
        let rate = (estimate.hazardMean * 100).rounded() / 100
        return Fitted(process: process,
                      description: ModelWording.stockFlow(entries: mode == "entries", hazard: rate, exitPercent: Int((exit * 100).rounded())),
                      caveats: caveats)
    }
}
