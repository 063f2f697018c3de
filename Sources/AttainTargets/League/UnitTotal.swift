import AttainData
import AttainSimulation

/// The total over a league's units, built path by path from the units' own simulated paths: the object behind
/// `attain run --by unit --total NAME`.
///
/// Path `p` of the total is the sum of path `p` of every unit (each unit drawn with its own seed, as in its league
/// row), so totals and parts agree on every path and the total's probability is that of the units' sum — with the
/// units' uncertainties combined as the models have them (independent units: no shared year effect is modelled).
/// Counts, running totals and levels are summed. A share is the average of the units' shares weighted by each unit's
/// last observed denominator (workers, enterprises), held fixed over the future; a share whose units lack
/// denominators has no total. Observed years are the same sums of the units' observed values; the history shown is
/// folded from the units' rows as `unit:` lists are (counts summed, shares from summed numerators and denominators).
///
/// Add the units one at a time with ``add(unit:study:rows:)`` (rows from a ``PathRecorder``), then ``study(scenario:targetFile:data:)``
/// gives a ``PlanStudy`` whose indicators replay the summed paths, judged by the same code as any run.
struct UnitTotal {
    /// One indicator's running sums.
    struct Part {
        var template: SimulatedIndicator
        var units: [String] = []
        /// Path after path, the indicator's timeline summed over the units (shares: weighted sums).
        var sum: [Double]
        var weight = 0.0
        var runningTotalBase = 0.0
        /// Why the indicator has no total, when it has none.
        var refused: String?
    }

    let name: String
    let paths: Int
    /// The first unit's timeline: every unit must share it.
    private(set) var firstYear: Int?
    private(set) var yearCount = 0
    private(set) var parts: [String: Part] = [:]
    /// Indicator names in the order first seen.
    private(set) var order: [String] = []

    /// Indicators the scenario pins to one unit (`unit:` set): the same series in every unit's run, so never summed.
    let pinned: Set<String>

    init(name: String, paths: Int, pinned: Set<String> = []) {
        self.name = name
        self.paths = paths
        self.pinned = pinned
    }

    /// Adds `unit`'s paths: `rows` are the ``PathRecorder/rows()`` of `study`'s run.
    mutating func add(unit: String, study: PlanStudy, rows: [Double]) {
        let model = study.model, years = model.yearCount
        if firstYear == nil { (firstYear, yearCount) = (model.firstYear, years) }
        for (i, ind) in model.indicators.enumerated() {
            if parts[ind.name] == nil {
                order.append(ind.name)
                parts[ind.name] = Part(template: ind, sum: [Double](repeating: 0, count: paths * years))
            }
            guard parts[ind.name]!.refused == nil else { continue }
            if pinned.contains(ind.name) {
                parts[ind.name]!.refused = "`\(ind.name)` is pinned to one unit in the scenario (`unit:`), so it is the same in every unit's run"
                continue
            }
            if model.firstYear != firstYear || years != yearCount || ind.firstSimulated != parts[ind.name]!.template.firstSimulated {
                parts[ind.name]!.refused = "the data of `\(unit)` end in another period than those of `\(parts[ind.name]!.units.first ?? unit)`, so their paths do not line up year by year"
                continue
            }
            var w = 1.0
            if ind.kind == .share {
                let h = study.compiled.histories[i]
                guard let d = h.partial?.denominator ?? h.denominators?.last, d > 0 else {
                    parts[ind.name]!.refused = "a total share needs each unit's denominator, and the data of `\(unit)` have none for `\(ind.name)`"
                    continue
                }
                w = d
            }
            parts[ind.name]!.units.append(unit)
            parts[ind.name]!.weight += w
            parts[ind.name]!.runningTotalBase += ind.runningTotalBase
            let stride = model.rowCount, offset = i * years
            parts[ind.name]!.sum.withUnsafeMutableBufferPointer { sum in
                rows.withUnsafeBufferPointer { r in
                    for p in 0..<paths {
                        for y in 0..<years { sum[p * years + y] += w * r[p * stride + offset + y] }
                    }
                }
            }
        }
    }

    /// The units counted in `indicator`'s total, or why it has none.
    func units(of indicator: String) -> Result<[String], TotalRefusal> {
        guard let part = parts[indicator] else { return .failure(TotalRefusal(reason: "no unit has data for `\(indicator)`")) }
        if let r = part.refused { return .failure(TotalRefusal(reason: r)) }
        return .success(part.units)
    }

    /// Why a total cannot be formed.
    struct TotalRefusal: Error { let reason: String }

    /// The total as a study: the scenario with `unit` set to the total's name, one indicator per summed indicator
    /// replaying the summed paths, and the targets of `targetFile` whose indicator has a total (the others returned
    /// with the reason).
    func study(scenario: Scenario, targetFile: TargetFile, data: DataSet, dataName: (String) -> String,
               inputs: [InputDigest]) throws -> (study: PlanStudy, skipped: [(target: String, reason: String)]) {
        guard let firstYear else { throw TotalRefusal(reason: "no unit was run") }
        var indicators: [SimulatedIndicator] = [], histories: [YearlyHistory] = []
        for name in order {
            guard let part = parts[name], part.refused == nil, !part.units.isEmpty else { continue }
            let t = part.template, years = yearCount, first = t.firstSimulated, simulated = years - first
            let scale = t.kind == .share ? 1 / part.weight : 1
            var observed = [Double](repeating: .nan, count: years)
            for y in 0..<first { observed[y] = part.sum[y] * scale }
            var future = [Double](repeating: 0, count: paths * simulated)
            for p in 0..<paths {
                for k in 0..<simulated { future[p * simulated + k] = part.sum[p * years + first + k] * scale }
            }
            var ind = SimulatedIndicator(name: name, kind: t.kind, observed: observed, firstSimulated: first,
                                         process: simulated > 0 ? ReplayedPathsProcess(values: future, count: simulated)
                                             : ReplayedPathsProcess(values: [0], count: 1),
                                         modelDescription: ModelWording.unitSum(part.units.count))
            ind.runningTotalBase = part.runningTotalBase
            indicators.append(ind)
            let counted = Set(part.units), source = dataName(name)
            histories.append(YearlyHistory(observations: data.observations.filter { $0.indicator == source && counted.contains($0.unit) },
                                           kind: t.kind, cutoff: scenario.cutoff))
        }
        var s = scenario
        s.unit = name
        let model = SimulationModel(name: scenario.name, firstYear: firstYear, horizon: firstYear + yearCount - 1, cutoff: scenario.cutoff,
                                    indicators: indicators)
        let compiled = CompiledScenario(scenario: s, model: model, histories: histories, warnings: [])
        var targets: [CompiledTarget] = [], skipped: [(String, String)] = []
        for spec in targetFile.targets {
            if case .failure(let r) = units(of: spec.indicator) {
                skipped.append((spec.id, r.reason))
                continue
            }
            do { targets.append(try CompiledTarget(spec, models: [model])) } catch { skipped.append((spec.id, "\(error)")) }
        }
        var file = targetFile
        file.targets = targets.map(\.spec)
        return (PlanStudy(compiled: compiled, targetFile: file, targets: targets, inputs: inputs), skipped)
    }
}
