import AttainData

/// A validated count series: non-negative finite counts with positive exposures.
struct CountData: Sendable {
    var unit: String
    var indicator: String
    var times: [Double]
    var counts: [Double]
    var exposure: [Double]
    var warnings: [String] = []

    /// Checks a `count` series (or the increments of a `cumulative` one) and its exposures.
    init(_ series: Series, exposure: [Double]?) throws {
        unit = series.unit
        indicator = series.indicator
        guard series.count > 0 else { throw GLMError.emptySeries(unit: unit, indicator: indicator) }
        for o in series.observations where !(o.value.isFinite && o.value >= 0) {
            throw GLMError.invalidObservation(unit: unit, indicator: indicator, period: o.period.description, line: o.line,
                                              reason: "count \(o.value) is not a finite non-negative number")
        }
        times = series.times
        counts = series.values
        if let e = exposure {
            guard e.count == series.count else {
                throw GLMError.invalidExposure("\(e.count) exposures for \(series.count) observations of unit '\(unit)'")
            }
            if let bad = e.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
                throw GLMError.invalidExposure("exposure \(e[bad]) at period \(series.periods[bad]) of unit '\(unit)' is not positive")
            }
            self.exposure = e
        } else {
            self.exposure = [Double](repeating: 1, count: series.count)
        }
        if counts.contains(where: { $0 != $0.rounded() }) {
            warnings.append("some counts are not whole numbers; the likelihood treats them as continuous")
        }
    }
}
