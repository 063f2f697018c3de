import AttainData

/// Streaming per-year quantiles of every indicator of every model: the data behind fan charts.
///
/// One sketch (``SketchBank``) per model × indicator × simulated year: shares on the unit interval, everything else by
/// magnitude. Cumulative indicators are sketched as running totals (from ``SimulatedIndicator/runningTotalBase``), so
/// their fan shows what the data show; counts as yearly values. Memory: up to 45 KB per sketch, fixed.
public struct FanSketch: PathAccumulator {
    private var bank: SketchBank
    /// Per model and indicator: first sketch, first simulated timeline year, number of simulated years, running base (NaN: none).
    private let tracks: [Track]
    private let modelCount: Int

    struct Track: Sendable {
        let model: Int, indicator: Int, firstSketch: Int, firstSimulated: Int, count: Int, runningBase: Double
    }

    /// Empty sketches for `models`.
    public init(models: [SimulationModel]) {
        var layouts: [QuantileSketch.Layout] = [], tracks: [Track] = []
        for (m, model) in models.enumerated() {
            for (i, ind) in model.indicators.enumerated() {
                tracks.append(Track(model: m, indicator: i, firstSketch: layouts.count, firstSimulated: ind.firstSimulated,
                                    count: ind.simulatedCount, runningBase: ind.showsRunningTotal ? ind.runningTotalBase : .nan))
                layouts += Array(repeating: ind.kind == .share ? .unitInterval : .magnitude, count: ind.simulatedCount)
            }
        }
        bank = SketchBank(layouts: layouts)
        self.tracks = tracks
        modelCount = models.count
    }

    public mutating func add(_ paths: SimulatedPaths) {
        tracks.withUnsafeBufferPointer { tracks in
            bank.withAdder { adder in
                for t in tracks {
                    for l in 0..<paths.count {
                        let row = paths.series(path: l, model: t.model, indicator: t.indicator) + t.firstSimulated
                        if t.runningBase.isNaN {
                            for k in 0..<t.count { adder.add(row[k], to: t.firstSketch + k) }
                        } else {
                            var running = t.runningBase
                            for k in 0..<t.count {
                                running += row[k]
                                adder.add(running, to: t.firstSketch + k)
                            }
                        }
                    }
                }
            }
        }
    }

    public mutating func merge(_ other: FanSketch) { bank.merge(other.bank) }

    /// Quantiles at `levels` of indicator `indicator` of model `model` in its `k`-th simulated year.
    public func quantiles(model: Int, indicator: Int, simulatedYear k: Int, levels: [Double]) -> [Double] {
        let t = tracks.first { $0.model == model && $0.indicator == indicator }!
        return bank.quantiles(t.firstSketch + k, levels: levels)
    }
}
