import AttainData

/// Going between a running total and its per-period increments.
///
/// Cumulative indicators (app contacts so far, groups founded so far) are modelled through their increments, which
/// are counts; projections add the simulated increments back onto the last observed total.
public enum CumulativeSeries {
    /// The increments `Cₖ − Cₖ₋₁` of a cumulative series, each at the later period, as a `count` series, with the
    /// number of periods each increment spans (1 when periods are consecutive) to use as exposure.
    ///
    /// - Throws: ``GLMError/tooShortForIncrements(unit:indicator:)`` for fewer than two values,
    ///   ``GLMError/decreasingCumulative(unit:indicator:period:line:previous:value:)`` where the total falls,
    ///   ``GLMError/invalidObservation(unit:indicator:period:line:reason:)`` for a value that is not finite.
    public static func increments(of series: Series) throws -> (increments: Series, spans: [Double]) {
        let obs = series.observations
        guard obs.count >= 2 else { throw GLMError.tooShortForIncrements(unit: series.unit, indicator: series.indicator) }
        if let bad = obs.first(where: { !$0.value.isFinite }) {
            throw GLMError.invalidObservation(unit: series.unit, indicator: series.indicator, period: bad.period.description,
                                              line: bad.line, reason: "value \(bad.value) is not finite")
        }
        var out: [Observation] = []
        var spans: [Double] = []
        for k in 1..<obs.count {
            let previous = obs[k - 1], current = obs[k]
            guard current.value >= previous.value else {
                throw GLMError.decreasingCumulative(unit: series.unit, indicator: series.indicator,
                                                    period: current.period.description, line: current.line,
                                                    previous: previous.value, value: current.value)
            }
            var o = current
            o.value = current.value - previous.value
            o.numerator = nil
            o.denominator = nil
            out.append(o)
            let span = current.period.frequency == previous.period.frequency ? previous.period.distance(to: current.period) : 1
            spans.append(Double(max(span, 1)))
        }
        return (Series(unit: series.unit, indicator: series.indicator, kind: .count, observations: out), spans)
    }

    /// Running totals `start + Σ_{j≤k} incrementⱼ` for each `k` (the inverse of ``increments(of:)``).
    public static func cumulate(_ increments: [Double], startingFrom start: Double) -> [Double] {
        var total = start
        return increments.map { total += $0; return total }
    }
}
