import AttainData

/// Streaming per-year quantiles of every indicator of every model: the data behind fan charts.
///
/// One ``QuantileSketch`` per model × indicator × simulated year (shares on the unit interval, everything else by
/// magnitude). Cumulative indicators are sketched as running totals (from ``SimulatedIndicator/runningTotalBase``), so
/// their fan shows what the data show; counts as yearly values. Memory: up to 45 KB per sketch, fixed.
public struct FanSketch: PathAccumulator {
    /// Per model, per indicator, per simulated year.
    public private(set) var sketches: [[[QuantileSketch]]]
    private let firstSimulated: [[Int]]
    private let runningBase: [[Double?]]

    /// Empty sketches for `models`.
    public init(models: [SimulationModel]) {
        sketches = models.map { m in
            m.indicators.map { ind in
                Array(repeating: QuantileSketch(layout: ind.kind == .share ? .unitInterval : .magnitude), count: ind.simulatedCount)
            }
        }
        firstSimulated = models.map { $0.indicators.map(\.firstSimulated) }
        runningBase = models.map { $0.indicators.map { $0.showsRunningTotal ? $0.runningTotalBase : nil } }
    }

    public mutating func add(_ path: SimulatedPath) {
        for m in 0..<sketches.count {
            for i in 0..<sketches[m].count {
                let first = firstSimulated[m][i]
                if var running = runningBase[m][i] {
                    for k in 0..<sketches[m][i].count {
                        running += path.value(model: m, indicator: i, year: first + k)
                        sketches[m][i][k].add(running)
                    }
                } else {
                    for k in 0..<sketches[m][i].count { sketches[m][i][k].add(path.value(model: m, indicator: i, year: first + k)) }
                }
            }
        }
    }

    public mutating func merge(_ other: FanSketch) {
        for m in sketches.indices {
            for i in sketches[m].indices {
                for k in sketches[m][i].indices { sketches[m][i][k].merge(other.sketches[m][i][k]) }
            }
        }
    }

    /// Quantiles at `levels` of indicator `indicator` of model `model` in its `k`-th simulated year.
    public func quantiles(model: Int, indicator: Int, simulatedYear k: Int, levels: [Double]) -> [Double] {
        sketches[model][indicator][k].quantiles(levels)
    }
}
