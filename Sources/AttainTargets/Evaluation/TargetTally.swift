import AttainSimulation

/// Streaming tallies of every target over simulated paths: how many paths meet it, year by year and overall, the
/// stretch value likewise, paired counts between scenarios, and sketches of the projected values.
///
/// Integer counts and fixed-bin sketches only, so per-thread tallies merge exactly and memory does not grow with the
/// number of paths (about 45 KB per target-year per model). Per path the cost is a few comparisons and sketch
/// updates per target-year, with no reference counting.
public struct TargetTally: PathAccumulator {
    /// The targets tallied.
    public let targets: [CompiledTarget]
    /// Number of models (scenarios) on each path.
    public let modelCount: Int
    /// Paths seen.
    public private(set) var paths = 0

    /// Per model, per target: `[met, stretchMet, yearMet × n, yearStretch × n]` at `offsets[t]` in a block of `block`.
    private var counts: [Int]
    private let offsets: [Int]
    private let block: Int
    /// Per model m ≥ 1, per target: paths where only the first model meets it, only model m (threshold, stretch).
    private var pairs: [Int]
    /// Sketches: per model, per target, the statistic, then for cumulative targets one per reported year (running totals;
    /// the yearly values of other targets are the indicator's own, sketched by ``FanSketch``), from `sketchOffsets[t]`.
    private var sketches: SketchBank
    private let sketchOffsets: [Int]
    private let sketchBlock: Int
    private let rules: [TargetRule]
    /// Indicator index of target t under model m at `t * modelCount + m`, and how many of its leading reported years
    /// are observed (constant on every path, so they are counted but not sketched).
    private let indicators: [Int]
    private let observedLead: [Int]
    private let maxYears: Int

    /// Empty tallies of `targets` for paths carrying `modelCount` models.
    public init(targets: [CompiledTarget], modelCount: Int) {
        self.targets = targets
        self.modelCount = modelCount
        var offsets: [Int] = [], sketchOffsets: [Int] = [], layouts: [QuantileSketch.Layout] = [], o = 0
        for t in targets {
            offsets.append(o)
            o += 2 + 2 * t.reportedCount
            sketchOffsets.append(layouts.count)
            layouts += Array(repeating: t.isShare ? .unitInterval : .magnitude, count: 1 + (t.spec.kind.isCumulative ? t.reportedCount : 0))
        }
        self.offsets = offsets
        block = o
        self.sketchOffsets = sketchOffsets
        sketchBlock = layouts.count
        sketches = SketchBank(layouts: Array((0..<modelCount).map { _ in layouts }.joined()))
        rules = targets.map(\.rule)
        indicators = targets.flatMap(\.indicatorIndex)
        observedLead = targets.flatMap { t in
            t.firstSimulated.map { fs in t.spec.kind.isCumulative ? max(0, min(t.reportedCount, fs - t.first)) : t.reportedCount }
        }
        maxYears = targets.map(\.reportedCount).max() ?? 1
        counts = Array(repeating: 0, count: o * modelCount)
        pairs = Array(repeating: 0, count: 4 * targets.count * max(0, modelCount - 1))
    }

    public mutating func add(_ path: SimulatedPath) {
        paths += 1
        let modelCount = self.modelCount, block = self.block, sketchBlock = self.sketchBlock, targetCount = rules.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: maxYears) { values in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * modelCount) { met in
                let v = values.baseAddress!
                rules.withUnsafeBufferPointer { rules in
                offsets.withUnsafeBufferPointer { offsets in
                sketchOffsets.withUnsafeBufferPointer { sketchOffsets in
                indicators.withUnsafeBufferPointer { indicators in
                observedLead.withUnsafeBufferPointer { observedLead in
                counts.withUnsafeMutableBufferPointer { counts in
                pairs.withUnsafeMutableBufferPointer { pairs in
                sketches.withAdder { adder in
                    for t in 0..<targetCount {
                        let rule = rules[t], n = rule.reportedCount
                        for m in 0..<modelCount {
                            let x = rule.evaluate(path.series(model: m, indicator: indicators[t * modelCount + m]), yearValues: v)
                            let base = m * block + offsets[t], sk = m * sketchBlock + sketchOffsets[t]
                            let ok = rule.meets(x), okStretch = rule.meetsStretch(x)
                            met[2 * m] = ok
                            met[2 * m + 1] = okStretch
                            if ok { counts[base] += 1 }
                            if okStretch { counts[base + 1] += 1 }
                            adder.add(x, to: sk)
                            let lead = observedLead[t * modelCount + m]
                            for k in 0..<n {
                                if rule.meets(v[k]) { counts[base + 2 + k] += 1 }
                                if rule.meetsStretch(v[k]) { counts[base + 2 + n + k] += 1 }
                                if k >= lead { adder.add(v[k], to: sk + 1 + k) }
                            }
                        }
                        for m in 1..<max(1, modelCount) {
                            let p = 4 * ((m - 1) * targetCount + t)
                            if met[0] && !met[2 * m] { pairs[p] += 1 }
                            if !met[0] && met[2 * m] { pairs[p + 1] += 1 }
                            if met[1] && !met[2 * m + 1] { pairs[p + 2] += 1 }
                            if !met[1] && met[2 * m + 1] { pairs[p + 3] += 1 }
                        }
                    }
                }
                }
                }
                }
                }
                }
                }
                }
            }
        }
    }

    public mutating func merge(_ other: TargetTally) {
        paths += other.paths
        for i in counts.indices { counts[i] += other.counts[i] }
        for i in pairs.indices { pairs[i] += other.pairs[i] }
        sketches.merge(other.sketches)
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
        sketches.quantiles(m * sketchBlock + sketchOffsets[t], levels: levels)
    }

    /// Quantiles of the running total in reported year `k` of cumulative target `t` under model `m` (nil for other
    /// kinds: their yearly values are the indicator's, in ``FanSketch``).
    public func yearQuantiles(_ k: Int, target t: Int, model m: Int = 0, levels: [Double]) -> [Double]? {
        guard targets[t].spec.kind.isCumulative else { return nil }
        return sketches.quantiles(m * sketchBlock + sketchOffsets[t] + 1 + k, levels: levels)
    }
}
