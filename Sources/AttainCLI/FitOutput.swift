import Attain
import Foundation

/// Two renderings of `attain fit`: tidy CSV and an aligned table (the JSON document is streamed by ``FitJSON``).
enum FitOutput {
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
