import AttainModels

/// The JSON document of `attain fit`: `{"failures": [...], "fits": [...]}` with one entry per fitted unit (unit,
/// indicator, kind, model, converged, parameters, standardErrors, sigma, aicc, logLikelihood, observations,
/// iterations, sumOfSquares, referenceTime, fitted, warnings, and dispersion and selection when there are any).
///
/// Streamed: the bytes are those ``JSONValue/rendered(pretty:)`` prints for the same document, written without a
/// value tree or a `String` of the whole output, so a run over thousands of series costs little more than its CSV.
///
/// ```swift
/// var bytes: [UInt8] = []
/// FitJSON.write(FitBatch.fit(series, choice: .auto)) { bytes += $0 }
/// ```
public enum FitJSON {
    /// Writes the document to bytes with a ``JSONWriter`` and hands them to `sink` in pieces of about `chunk` bytes.
    ///
    /// Keys are written in ``JSONValue``'s sorted order: the fixed ones as listed here, parameter names sorted per fit.
    public static func write(_ fits: [SeriesFit], chunk: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) rethrows {
        var w = JSONWriter(reservingCapacity: chunk + (chunk >> 2))
        w.beginObject()
        if fits.contains(where: { $0.fit == nil }) {
            w.key("failures")
            w.beginArray()
            for f in fits where f.fit == nil {
                w.beginObject()
                w.key("message"); w.value(f.failure ?? "")
                w.key("unit"); w.value(f.series.unit)
                w.endObject()
            }
            w.endArray()
        }
        w.key("fits")
        w.beginArray()
        for f in fits {
            guard let fit = f.fit else { continue }
            let order = fit.parameterNames.indices.sorted {
                fit.parameterNames[$0].unicodeScalars.lexicographicallyPrecedes(fit.parameterNames[$1].unicodeScalars)
            }
            w.beginObject()
            w.key("aicc"); w.value(fit.aicc)
            w.key("converged"); w.value(fit.converged)
            if let dispersion = fit.dispersion { w.key("dispersion"); w.value(dispersion) }
            w.key("fitted")
            w.beginArray()
            for (period, value) in zip(f.series.periods, fit.fitted) {
                w.beginObject()
                w.key("period"); w.value(period.description)
                w.key("value"); w.value(value)
                w.endObject()
            }
            w.endArray()
            w.key("indicator"); w.value(f.series.indicator)
            w.key("iterations"); w.value(fit.iterations)
            w.key("kind"); w.value(f.series.kind.rawValue)
            w.key("logLikelihood"); w.value(fit.logLikelihood)
            w.key("model"); w.value(fit.model)
            w.key("observations"); w.value(fit.observationCount)
            w.key("parameters")
            w.beginObject()
            for k in order { w.key(fit.parameterNames[k]); w.value(fit.parameters[k]) }
            w.endObject()
            w.key("referenceTime"); w.value(fit.referenceTime)
            if let selection = f.selection {
                w.key("selection")
                w.beginObject()
                w.key("candidates")
                w.beginArray()
                for i in selection.candidates.indices {
                    w.beginObject()
                    w.key("aicc"); w.value(selection.criteria[i])
                    w.key("converged"); w.value(selection.candidates[i].converged)
                    w.key("model"); w.value(selection.candidates[i].model)
                    w.key("weight"); w.value(selection.weights[i])
                    w.endObject()
                }
                w.endArray()
                w.key("rule"); w.value(selection.rule)
                w.endObject()
            }
            w.key("sigma"); w.value(fit.sigma)
            let errors = fit.standardErrors  // computed from the covariance: once per fit
            w.key("standardErrors")
            w.beginObject()
            for k in order { w.key(fit.parameterNames[k]); w.value(errors[k]) }
            w.endObject()
            w.key("sumOfSquares"); w.value(f.sumOfSquaredResiduals)
            w.key("unit"); w.value(f.series.unit)
            w.key("warnings")
            w.beginArray()
            for warning in fit.warnings { w.value(warning) }
            w.endArray()
            w.endObject()
            if w.bytes.count >= chunk { try sink(w.takeBytes()) }
        }
        w.endArray()
        w.endObject()
        w.finish()
        try sink(w.takeBytes())
    }

}
