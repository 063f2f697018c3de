import Attain
import Foundation

/// The three renderings of `attain fit`: JSON (the contract's `fits[]`), tidy CSV and an aligned table.
enum FitOutput {
    /// `{"fits": [...], "failures": [...]}`; the fields a check reads are those of the contract. The reference form of
    /// the document ``FitJSON/write(_:chunk:to:)`` streams (the command uses that; tests compare the two).
    static func json(_ fits: [SeriesFit]) -> JSONValue {
        var entries: [JSONValue] = []
        var failures: [JSONValue] = []
        for f in fits {
            guard let fit = f.fit else {
                failures.append(.object(["unit": .string(f.series.unit), "message": .string(f.failure ?? "")]))
                continue
            }
            let se = fit.standardErrors
            var entry: [String: JSONValue] = [
                "unit": .string(f.series.unit),
                "indicator": .string(f.series.indicator),
                "kind": .string(f.series.kind.rawValue),
                "model": .string(fit.model),
                "converged": .bool(fit.converged),
                "parameters": .object(Dictionary(uniqueKeysWithValues: zip(fit.parameterNames, fit.parameters.map(JSONValue.double)))),
                "standardErrors": .object(Dictionary(uniqueKeysWithValues: zip(fit.parameterNames, se.map(JSONValue.double)))),
                "sigma": fit.sigma.map(JSONValue.double) ?? .null,
                "aicc": .double(fit.aicc),
                "logLikelihood": .double(fit.logLikelihood),
                "observations": .int(fit.observationCount),
                "iterations": .int(fit.iterations),
                "sumOfSquares": f.sumOfSquaredResiduals.map(JSONValue.double) ?? .null,
                "referenceTime": fit.referenceTime.map(JSONValue.double) ?? .null,
                "fitted": .array(zip(f.series.periods, fit.fitted).map { period, value in
                    .object(["period": .string(period.description), "value": .double(value)])
                }),
                "warnings": .array(fit.warnings.map(JSONValue.string)),
            ]
            if let dispersion = fit.dispersion { entry["dispersion"] = .double(dispersion) }
            if let selection = f.selection {
                entry["selection"] = .object([
                    "rule": .string(selection.rule),
                    "candidates": .array(selection.candidates.indices.map { i in
                        .object(["model": .string(selection.candidates[i].model), "aicc": .double(selection.criteria[i]),
                                 "weight": .double(selection.weights[i]), "converged": .bool(selection.candidates[i].converged)])
                    }),
                ])
            }
            entries.append(.object(entry))
        }
        var doc: [String: JSONValue] = ["fits": .array(entries)]
        if !failures.isEmpty { doc["failures"] = .array(failures) }
        return .object(doc)
    }

    /// One row per parameter: `unit,indicator,kind,model,converged,observations,sigma,aicc,sse,parameter,estimate,standard_error`.
    static func csv(_ fits: [SeriesFit]) -> String {
        var out = "unit,indicator,kind,model,converged,observations,sigma,aicc,sse,parameter,estimate,standard_error\n"
        out.reserveCapacity(fits.count * 3 * 100)
        for f in fits {
            guard let fit = f.fit else { continue }
            let prefix = [CSVField.escape(f.series.unit), CSVField.escape(f.series.indicator), f.series.kind.rawValue, fit.model,
                          fit.converged ? "true" : "false", String(fit.observationCount), number(fit.sigma), number(fit.aicc),
                          number(f.sumOfSquaredResiduals)].joined(separator: ",")
            let errors = fit.standardErrors  // computed from the covariance: once per fit, not per parameter
            for k in fit.parameterNames.indices {
                out += prefix + "," + fit.parameterNames[k] + "," + number(fit.parameters[k]) + "," + number(errors[k]) + "\n"
            }
        }
        return out
    }

    /// An aligned table: one row per parameter, the unit's statistics on its first row.
    static func table(_ fits: [SeriesFit]) -> String {
        var table = TextTable(headers: ["unit", "model", "n", "converged", "parameter", "estimate", "std. error", "sigma", "AICc"],
                              alignments: [.left, .left, .right, .left, .left, .right, .right, .right, .right])
        for f in fits {
            guard let fit = f.fit else { continue }
            let errors = fit.standardErrors
            for (k, name) in fit.parameterNames.enumerated() {
                let first = k == 0
                table.append([first ? f.series.unit : "", first ? fit.model : "", first ? String(fit.observationCount) : "",
                              first ? (fit.converged ? "yes" : "no") : "", name,
                              ResultText.short(fit.parameters[k]), ResultText.short(errors[k]),
                              first ? ResultText.short(fit.sigma) : "", first ? ResultText.short(fit.aicc) : ""])
            }
        }
        return table.renderText()
    }

    /// Shortest round-trip text (Swift's `description`, e.g. `0.41`, `1e-05`); empty for a missing or non-finite number.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value.description
    }
}
