import AttainData
import Foundation

/// Turns a scenario and its data into a ``SimulationModel``: reads the data files, folds each indicator into years up to
/// the cut-off, fits each indicator's process and lays the interventions out as lever schedules.
///
/// Every problem is a ``ConfigurationError`` naming the scenario file, the key and how to fix it: an indicator missing
/// from the data, a model that does not fit the indicator's kind, a lever the model cannot pull.
public enum ScenarioCompiler {
    /// Compiles `scenario` on a timeline starting no later than `firstYear` (the earliest year a target looks at).
    ///
    /// `data` is loaded from the scenario's data files when nil. Cost: one fit per indicator. `cache`, shared by the
    /// compiles of one scenario for different units on the same data (``CompileCache``), keeps what they have in common
    /// (cross-sections, calibrations) from being recomputed; the result is the same with or without it.
    public static func compile(_ scenario: Scenario, firstYear: Int, data: DataSet? = nil, cache: CompileCache? = nil) throws -> CompiledScenario {
        let data = try data ?? loadData(scenario)
        var warnings: [String] = []
        var prepared: [(IndicatorSpec, IndicatorKind, YearlyHistory)] = []
        for spec in scenario.indicators {
            let (kind, history) = try history(of: spec, in: data, scenario: scenario, warnings: &warnings, cache: cache)
            prepared.append((spec, kind, history))
        }
        var start = firstYear
        for (_, _, h) in prepared { if let y = h.firstUnobservedYear { start = min(start, y) } }
        guard start <= scenario.horizon else {
            throw ConfigurationError(file: scenario.file, key: "horizon", message: "the horizon \(scenario.horizon) is before the first year \(start) a target needs")
        }
        let count = scenario.horizon - start + 1
        var indicators: [SimulatedIndicator] = []
        var kindPools: [IndicatorKind: [YearlyHistory]] = [:]  // built once per kind, and only when a trend needs one
        for (spec, kind, history) in prepared {
            let firstUnobserved = history.firstUnobservedYear ?? start
            let firstSimulated = min(count, max(0, firstUnobserved - start))
            var observed = [Double](repeating: .nan, count: count)
            for k in 0..<firstSimulated { observed[k] = history.value(in: start + k) ?? .nan }
            let simulated = count - firstSimulated
            let pool = crossSection(of: spec.dataName, kind: kind, in: data, cutoff: scenario.cutoff, cache: cache)
            let fitted = try ProcessFactory.process(for: spec, kind: kind, history: history, scenario: scenario, crossSection: pool,
                                                    kindPool: {
                                                        if let cache {
                                                            return cache.value("kind-pool|\(kind)") { kindPool(kind, in: data, scenario: scenario, cache: cache) }
                                                        }
                                                        if let known = kindPools[kind] { return known }
                                                        kindPools[kind] = kindPool(kind, in: data, scenario: scenario)
                                                        return kindPools[kind]!
                                                    }, cache: cache)
            warnings += (fitted.remarks + fitted.caveats.map { $0.text("en") }).map { "\(spec.name): \($0)" }
            let acting = scenario.interventions.filter { $0.indicators.contains(spec.name) }
            for i in acting where !fitted.process.supportedLevers.contains(i.lever) {
                let supported = Lever.allCases.filter(fitted.process.supportedLevers.contains).map(\.rawValue)
                throw (i.location ?? SourceLocation(file: scenario.file, key: "interventions")).error(
                    "lever `\(i.lever.rawValue)` of intervention `\(i.id)` cannot act on `\(spec.name)` (model: \(fitted.description.text("en")))",
                    hint: supported.isEmpty ? "this model takes no levers" : "this model takes: " + supported.joined(separator: ", "))
            }
            let levers = LeverSchedule(interventions: acting, firstYear: start + firstSimulated, count: simulated)
            var indicator = SimulatedIndicator(name: spec.name, kind: kind, observed: observed, firstSimulated: firstSimulated,
                                               process: fitted.process, levers: levers, modelDescription: fitted.description,
                                               caveats: fitted.caveats)
            indicator.runningTotalBase = zip(history.years, history.values).filter { $0.0 < start + firstSimulated }.reduce(0) { $0 + $1.1 }
            indicators.append(indicator)
        }
        let model = SimulationModel(name: scenario.name, firstYear: start, horizon: scenario.horizon, cutoff: scenario.cutoff,
                                    indicators: indicators)
        return CompiledScenario(scenario: scenario, model: model, histories: prepared.map(\.2), warnings: warnings)
    }

    /// Loads and concatenates the scenario's data files.
    public static func loadData(_ scenario: Scenario) throws -> DataSet {
        guard !scenario.dataFiles.isEmpty else {
            throw ConfigurationError(file: scenario.file, key: "data", message: "the scenario names no data file",
                                     hint: "add `data: path/to/data.csv` (relative to the scenario file)")
        }
        var all: [Observation] = []
        var issues: [DataIssue] = []
        for path in scenario.dataFiles {
            let set = try DataSet.load(contentsOf: URL(fileURLWithPath: path))
            all += set.observations
            issues += set.issues
        }
        return DataSet(source: scenario.dataFiles.joined(separator: ", "), observations: all, issues: issues)
    }

    /// Every unit's history of indicator `name` (the cross-section trends are calibrated on).
    static func crossSection(of name: String, kind: IndicatorKind, in data: DataSet, cutoff: CutoffDate,
                             cache: CompileCache? = nil) -> [YearlyHistory] {
        if let cache {
            return cache.value("cross-section|\(name)|\(kind)") {
                cache.rowsByUnit(of: name, in: data).sorted { $0.key < $1.key }.map {
                    YearlyHistory(observations: $0.value, kind: kind, cutoff: cutoff)
                }
            }
        }
        let rows = data.observations.filter { $0.indicator == name }
        return Dictionary(grouping: rows, by: \.unit).sorted { $0.key < $1.key }.map {
            YearlyHistory(observations: $0.value, kind: kind, cutoff: cutoff)
        }
    }

    /// Every unit's history of every indicator of `kind` in the data (kinds as the scenario states them, else as
    /// inferred): the wider cross-section a trend's uncertainty is calibrated on when its own indicator has too few
    /// years or units to learn from.
    static func kindPool(_ kind: IndicatorKind, in data: DataSet, scenario: Scenario, cache: CompileCache? = nil) -> [YearlyHistory] {
        let indicators = cache?.value("indicators") { data.indicators } ?? data.indicators
        return indicators.filter { name in
            (scenario.indicators.first { $0.dataName == name }?.kind
                ?? (cache.map { $0.inferredKind(of: name, in: data) } ?? data.inferredKind(of: name))) == kind
        }.flatMap { crossSection(of: $0, kind: kind, in: data, cutoff: scenario.cutoff, cache: cache) }
    }

    static func history(of spec: IndicatorSpec, in data: DataSet, scenario: Scenario,
                        warnings: inout [String], cache: CompileCache? = nil) throws -> (IndicatorKind, YearlyHistory) {
        if let cache, let unit = spec.unit ?? scenario.unit, let own = cache.rowsByUnit(of: spec.dataName, in: data)[unit],
           let kind = spec.kind ?? cache.inferredKind(of: spec.dataName, in: data) {
            // The common case of a unit's compile, as below without a pass over the rows: the unit has rows and a kind.
            let location = spec.location ?? SourceLocation(file: scenario.file, key: "indicators")
            let history = YearlyHistory(observations: own, kind: kind, cutoff: scenario.cutoff)
            guard !history.years.isEmpty || history.partial != nil else {
                throw location.error("indicator `\(spec.dataName)` has no data up to the cut-off \(scenario.cutoff)", key: "name")
            }
            return (kind, history)
        }
        let location = spec.location ?? SourceLocation(file: scenario.file, key: "indicators")
        let name = spec.dataName
        let rows = data.observations.filter { $0.indicator == name }
        guard !rows.isEmpty else {
            throw location.error("indicator `\(name)` is not in the data (\(data.source))", key: spec.source == nil ? "name" : "source",
                                 hint: NearestName.hint(for: name, among: data.indicators))
        }
        var units = Array(Set(rows.map(\.unit))).sorted()
        if let unit = spec.unit ?? scenario.unit {
            guard units.contains(unit) else {
                throw location.error("the data have no unit `\(unit)` for indicator `\(name)`", key: "unit",
                                     hint: NearestName.hint(for: unit, among: units))
            }
            units = [unit]
        } else if units.count > 1 {
            warnings.append("\(spec.name): summing \(units.count) units (\(units.joined(separator: ", "))); set `unit` to pick one")
        }
        guard let kind = spec.kind ?? data.inferredKind(of: name) else {
            throw location.error("cannot tell what kind of indicator `\(name)` is (\(data.kindInference(of: name).reason))",
                                 key: "kind", hint: "state `kind: share`, `count`, `cumulative` or `level`")
        }
        let selected = rows.filter { units.contains($0.unit) }
        if kind == .share, units.count > 1, selected.contains(where: { $0.numerator == nil || $0.denominator == nil }) {
            throw location.error("shares of several units can only be combined from numerators and denominators, which some rows lack",
                                 hint: "set `unit` to one unit")
        }
        let history = YearlyHistory(observations: selected, kind: kind, cutoff: scenario.cutoff)
        guard !history.years.isEmpty || history.partial != nil else {
            throw location.error("indicator `\(name)` has no data up to the cut-off \(scenario.cutoff)", key: "name")
        }
        return (kind, history)
    }
}
