import AttainSimulation

/// Streaming tallies of every target over simulated paths: how many paths meet it, year by year and overall, the
/// stretch value likewise, paired counts between scenarios, and sketches of the projected values.
///
/// Integer counts and fixed-bin sketches only, so per-thread tallies merge exactly and memory does not grow with the
/// number of paths (about 45 KB per target-year per model).
public struct TargetTally: PathAccumulator {
    /// The targets tallied.
    public let targets: [CompiledTarget]
    /// Number of models (scenarios) on each path.
    public let modelCount: Int
    /// Paths seen.
    public private(set) var paths = 0

    /// Per model, per target: `[met, stretchMet, yearMet × n, yearStretch × n]` at ``offsets``.
    private var counts: [Int]
    private let offsets: [Int]
    private let block: Int
    /// Per model m ≥ 1, per target: paths where only the first model meets it, only model m meets it (threshold, stretch).
    private var pairs: [Int]
    /// Per model, per target: sketch of the judged statistic.
    private var statistic: [QuantileSketch]
    /// Per model, per target, per reported year: sketch of the year's value on the target's scale.
    private var yearly: [QuantileSketch]
    private let yearlyOffsets: [Int]
    private let yearlyBlock: Int
    private let maxYears: Int

    /// Empty tallies of `targets` for paths carrying `modelCount` models.
    public init(targets: [CompiledTarget], modelCount: Int) {
        self.targets = targets
        self.modelCount = modelCount
        var offsets: [Int] = [], yOffsets: [Int] = [], o = 0, yo = 0
        for t in targets {
            offsets.append(o)
            o += 2 + 2 * t.reportedCount
            yOffsets.append(yo)
            yo += t.reportedCount
        }
        self.offsets = offsets
        block = o
        yearlyOffsets = yOffsets
        yearlyBlock = yo
        maxYears = targets.map(\.reportedCount).max() ?? 1
        counts = Array(repeating: 0, count: o * modelCount)
        pairs = Array(repeating: 0, count: 4 * targets.count * max(0, modelCount - 1))
        statistic = (0..<modelCount).flatMap { _ in targets.map { QuantileSketch(layout: $0.isShare ? .unitInterval : .magnitude) } }
        yearly = (0..<modelCount).flatMap { _ in
            targets.flatMap { t in Array(repeating: QuantileSketch(layout: t.isShare ? .unitInterval : .magnitude), count: t.reportedCount) }
        }
    }

    public mutating func add(_ path: SimulatedPath) {
        paths += 1
        let maxYears = self.maxYears, modelCount = self.modelCount
        withUnsafeTemporaryAllocation(of: Double.self, capacity: maxYears) { values in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * modelCount) { met in
                let v = values.baseAddress!
                for (t, target) in targets.enumerated() {
                    let cmp = target.spec.comparison, threshold = target.spec.threshold
                    let stretch = target.spec.stretch ?? .infinity
                    let n = target.reportedCount
                    for m in 0..<modelCount {
                        let row = path.series(model: m, indicator: target.indicatorIndex[m])
                        let x = target.evaluate(row, yearValues: v)
                        let base = m * block + offsets[t]
                        let ok = cmp.holds(x, threshold), okStretch = cmp.holds(x, stretch)
                        met[2 * m] = ok
                        met[2 * m + 1] = okStretch
                        if ok { counts[base] += 1 }
                        if okStretch { counts[base + 1] += 1 }
                        for k in 0..<n {
                            if cmp.holds(v[k], threshold) { counts[base + 2 + k] += 1 }
                            if cmp.holds(v[k], stretch) { counts[base + 2 + n + k] += 1 }
                            yearly[m * yearlyBlock + yearlyOffsets[t] + k].add(v[k])
                        }
                        statistic[m * targets.count + t].add(x)
                    }
                    for m in 1..<max(1, modelCount) {
                        let p = 4 * ((m - 1) * targets.count + t)
                        if met[0] && !met[2 * m] { pairs[p] += 1 }
                        if !met[0] && met[2 * m] { pairs[p + 1] += 1 }
                        if met[1] && !met[2 * m + 1] { pairs[p + 2] += 1 }
                        if !met[1] && met[2 * m + 1] { pairs[p + 3] += 1 }
                    }
                }
            }
        }
    }

    public mutating func merge(_ other: TargetTally) {
        paths += other.paths
        for i in counts.indices { counts[i] += other.counts[i] }
        for i in pairs.indices { pairs[i] += other.pairs[i] }
        for i in statistic.indices { statistic[i].merge(other.statistic[i]) }
        for i in yearly.indices { yearly[i].merge(other.yearly[i]) }
    }

    // MARK: Reading the tallies

    /// Paths meeting target `t` under model `m` (or its stretch value).
    public func met(target t: Int, model m: Int = 0, stretch: Bool = false) -> Int {
        counts[m * block + offsets[t] + (stretch ? 1 : 0)]
    }

    /// Paths where reported year `k` of target `t` meets the threshold (or the stretch value) under model `m`.
    public func metInYear(_ k: Int, target t: Int, model m: Int = 0, stretch: Bool = false) -> Int {
        let n = targets[t].reportedCount
        return counts[m * block + offsets[t] + 2 + (stretch ? n : 0) + k]
    }

    /// Paths where target `t` is met under the first model but not under model `m`, and the reverse.
    public func discordant(target t: Int, model m: Int, stretch: Bool = false) -> (onlyFirst: Int, onlyThis: Int) {
        let p = 4 * ((m - 1) * targets.count + t) + (stretch ? 2 : 0)
        return (pairs[p], pairs[p + 1])
    }

    /// Quantiles of the judged statistic of target `t` under model `m`.
    public func statisticQuantiles(target t: Int, model m: Int = 0, levels: [Double]) -> [Double] {
        statistic[m * targets.count + t].quantiles(levels)
    }

    /// Quantiles of reported year `k` of target `t` under model `m`, on the target's scale.
    public func yearQuantiles(_ k: Int, target t: Int, model m: Int = 0, levels: [Double]) -> [Double] {
        yearly[m * yearlyBlock + yearlyOffsets[t] + k].quantiles(levels)
    }
}
