import ArgumentParser
import Attain
import Foundation

/// `attain backtest`: forecasts every unit from an origin with only the data known then, beside what happened.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Forecast each unit from an origin, using only data up to it, and print quantiles beside the actual values.",
        discussion: """
            For every unit of the indicator: fits the local-trend model on the --window periods up to and including \
            --origin (all of them if absent) and forecasts --horizon periods ahead. How much trends change is learned \
            from all units' histories up to the origin (a single unit uses documented defaults). Removing rows after the \
            origin changes no forecast; those rows only fill "actual". For data every k periods (e.g. every 5 years) a \
            horizon and a window count grid steps of k periods.

            Output (json, the default): {"forecasts": [{"unit", "origin", "period", "horizon", "quantiles": {level: value}, \
            "actual"}]} with the quantile keys written as on the command line; "actual" is null where the data have no \
            value. --format table, csv or md prints the same forecasts as a table (one row per unit and period).

            Example:
              attain backtest --data series.csv --indicator x --origin 2015 --horizon 5 \\
                --quantiles 0.1,0.5,0.9
            """)

    @OptionGroup var series: SeriesDataOptions

    @Option(name: .long, help: ArgumentHelp("Last period of data used, e.g. 2015 or 2015-Q4.", valueName: "period"))
    var origin: String

    @Option(name: .long, help: ArgumentHelp("Periods of data per unit ending at the origin (default: all).", valueName: "k"))
    var window: Int?

    @Option(name: .long, help: ArgumentHelp("Periods to forecast.", valueName: "h"))
    var horizon: Int

    @Option(name: .long, help: ArgumentHelp("Quantile levels in (0, 1), comma-separated, e.g. 0.05,0.5,0.95.", valueName: "levels"))
    var quantiles: String

    @Flag(name: .long, help: ArgumentHelp("Learn from the units a model whose slope starts at its stationary distribution "
                                          + "(a passing wobble, not a trend of each unit's own), instead of estimating each "
                                          + "unit's starting slope from its window."))
    var stationarySlope = false

    @OptionGroup var threads: ThreadsOption

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try output.check(supported: [.json, .table, .csv, .md])
        if Period(parsing: origin) == nil { throw ValidationError("--origin \(origin): expected a period such as 2015, 2015-Q4 or 2015-07.") }
        if let window, window < 2 { throw ValidationError("--window must be at least 2 (got \(window)).") }
        if horizon < 1 { throw ValidationError("--horizon must be at least 1 (got \(horizon)).") }
        _ = try levelTexts()
    }

    /// The requested levels as written, and their values.
    private func levelTexts() throws -> [(text: String, value: Double)] {
        let parts = quantiles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { throw ValidationError("--quantiles needs at least one level, e.g. 0.1,0.5,0.9.") }
        return try parts.map { text in
            guard let v = Double(text), v > 0, v < 1 else {
                throw ValidationError("--quantiles: '\(text)' is not a level in (0, 1); write e.g. 0.05,0.5,0.95.")
            }
            return (text, v)
        }
    }

    func run() throws {
        try reportingErrors {
            let levels = try levelTexts()
            let dataSet = try series.loadDataSet()
            let originPeriod = Period(parsing: origin)!
            let units = try dataSet.allSeries(indicator: series.indicator, frequency: originPeriod.frequency)
            var forecaster = TrendForecaster(kind: units.first?.kind ?? .level, window: window)
            forecaster.threads = threads.resolved
            forecaster.stationarySlope = stationarySlope
            let backtest = try Backtest(crossSection: units, forecaster: forecaster, origin: originPeriod,
                                        horizon: horizon, levels: levels.map(\.value))
            for s in backtest.skipped.prefix(5) { Console.warning(s.reason) }
            if backtest.skipped.count > 5 { Console.warning("… and \(backtest.skipped.count - 5) more unit(s) skipped") }
            let entries: [JSONValue] = backtest.forecasts.map { f in
                .object([
                    "unit": .string(f.unit), "origin": .string(f.origin.description), "period": .string(f.period.description),
                    "horizon": .int(f.horizon),
                    "quantiles": .object(Dictionary(zip(levels.map(\.text), f.quantiles.map(JSONValue.double)), uniquingKeysWith: { a, _ in a })),
                    "actual": f.actual.map(JSONValue.double) ?? .null,
                ])
            }
            let format = output.resolvedFormat(default: .json)
            guard format == .json else {
                var table = TextTable(headers: ["unit", "period", "horizon"] + levels.map { "q\($0.text)" } + ["actual"])
                for f in backtest.forecasts {
                    table.append([f.unit, f.period.description, String(f.horizon)] + f.quantiles.map { ResultText.short($0) }
                                 + [ResultText.short(f.actual, missing: "")])
                }
                let caption = "Forecasts from \(originPeriod) with data up to it (\(backtest.forecasts.count) rows)"
                try output.emit(ResultText.render(table, caption: caption, as: format))
                return
            }
            try output.emit(JSONValue.object(["forecasts": .array(entries), "calibration": Self.json(backtest.calibration)]).rendered())
        }
    }

    /// The calibration every unit's forecast used (extra field: what was learned from the cross-section).
    static func json(_ c: TrendCalibration) -> JSONValue {
        let h = c.hyperparameters
        var source: [String: JSONValue] = [:]
        switch c.source {
        case let .pooled(units, windows, through):
            source = ["kind": .string("pooled"), "units": .int(units), "windows": .int(windows), "through": .string(through)]
        case .defaults:
            source = ["kind": .string("defaults")]
        }
        var fields: [String: JSONValue] = [
            "source": .object(source), "stepPeriods": .int(c.stepPeriods),
            "levelRatio": .double(h.levelRatio), "noiseRatio": .double(h.noiseRatio), "damping": .double(h.damping),
            "scaleShape": .double(h.scaleShape), "scaleRate": .double(h.scaleRate),
            "horizonScale": .array(c.horizonScale.map(JSONValue.double)),
            "tailDegreesOfFreedom": c.tailDegreesOfFreedom.map(JSONValue.double) ?? .null,
        ]
        // Counts: noiseRatio is the noise beyond each window's own Poisson sampling noise, which is added by its size.
        if c.countSamplingNoise { fields["countSamplingNoise"] = .bool(true) }
        if h.stationarySlope { fields["stationarySlope"] = .bool(true) }
        // Too little history to learn from: the default models' prior probabilities, learned from the units' windows.
        if let prior = c.modelPrior {
            fields["modelPrior"] = .object(["weights": .array(prior.weights.map(JSONValue.double)), "units": .int(prior.units)])
        }
        return .object(fields)
    }
}
