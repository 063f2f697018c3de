import AttainSimulation
import Foundation

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
    /// Per target and model (at `t * modelCount + m`): everything one path's judgement needs, as plain values.
    private let lanes: [Lane]
    /// Per model: whether it meets each target and its stretch value on the current path (for the paired counts).
    private var met: [Bool]
    /// Per target and model (at `t * modelCount + m`): the running sum of the shortfall `max(0, sign · (threshold − x))` in
    /// whole quanta of ``Lane/quantum`` (integers, so per-thread sums merge exactly and bytes do not depend on threads).
    private var shortfalls: [Int]

    /// Whether each path's verdict on every target (first model) is kept, for counting units that meet a target path
    /// by path (``metByPath()``); off by default. Memory: paths × targets bytes.
    public var recordsVerdicts = false
    /// The verdicts kept: per chunk, its first path and `count × targets` flags, path after path.
    private var verdicts: [(first: Int, flags: [Bool])] = []

    /// One target under one model, flattened for the per-path loop.
    struct Lane {
        /// How the judged statistic is formed from the window.
        enum Statistic { case deadline, total, weakest, growth, change, averageGrowth, averageChange }
        let statistic: Statistic
        /// The indicator's index in the model, and the window's timeline indices.
        let indicator: Int, first: Int, last: Int
        /// The rule's ``TargetRule/thresholdFloor`` and stretch floor (used only when the target has a stretch value),
        /// and its sign (−1 for an upper bound: `sign · x ≥ cut`).
        let cut: Double, stretchCut: Double, hasStretch: Bool, sign: Double
        /// Timeline index of the base year (−1 without one) and its observed value (NaN: read from the path).
        let base: Int, baseValue: Double
        /// Where the counts `[met, stretchMet, yearMet × n, yearStretch × n]` start, and the first sketch.
        let counts: Int, sketch: Int
        /// Reported years before this index are observed: counted but not sketched (yearly sketches of cumulative
        /// targets only; `reported` for every other kind).
        let lead: Int
        let reported: Int
        /// The shortfall's quantum: 2⁻²⁴ of the threshold's size (of 1 when the threshold is 0), so one path adds at
        /// most 2³⁶ quanta (a shortfall up to 4096 thresholds; larger ones, and non-finite ones, are clamped there).
        let quantum: Double
        /// `sign · threshold`: the shortfall of a path is `max(0, signedThreshold − sign · x)`.
        let signedThreshold: Double
    }

    /// The most quanta one path's shortfall adds: 2³⁶, so 10⁸ paths stay within 64 bits.
    static let shortfallClamp = Double(1 << 36)

    /// Empty tallies of `targets` for paths carrying `modelCount` models.
    public init(targets: [CompiledTarget], modelCount: Int) {
        self.targets = targets
        self.modelCount = modelCount
        var offsets: [Int] = [], sketchOffsets: [Int] = [], layouts: [QuantileSketch.Layout] = [], o = 0
        for t in targets {
            offsets.append(o)
            o += 2 + 2 * t.reportedCount
            sketchOffsets.append(layouts.count)
            let statistic: QuantileSketch.Layout = t.spec.kind.isRelative ? .signed : t.isShare ? .unitInterval : .magnitude
            layouts += [statistic] + Array(repeating: t.isShare ? .unitInterval : .magnitude, count: t.spec.kind.isCumulative ? t.reportedCount : 0)
        }
        self.offsets = offsets
        block = o
        self.sketchOffsets = sketchOffsets
        sketchBlock = layouts.count
        sketches = SketchBank(layouts: Array((0..<modelCount).map { _ in layouts }.joined()))
        lanes = targets.enumerated().flatMap { t, target in
            (0..<modelCount).map { m in
                let rule = target.rule, n = target.reportedCount
                let statistic: Lane.Statistic = switch rule.kind {
                case .levelAtDeadline: .deadline
                case .cumulativeCount, .cumulativeFlow: .total
                case .everyYear, .range: .weakest
                case .growthFromBase: .growth
                case .changeFromBase: .change
                case .averageGrowth: .averageGrowth
                case .averageChange: .averageChange
                }
                let lead = rule.kind.isCumulative ? max(0, min(n, target.firstSimulated[m] - target.first)) : n
                return Lane(statistic: statistic, indicator: target.indicatorIndex[m], first: rule.first, last: rule.last,
                            cut: rule.thresholdFloor, stretchCut: rule.stretchFloor,
                            hasStretch: rule.stretch.isFinite, sign: rule.sign, base: rule.base,
                            baseValue: target.baseValues.isEmpty ? .nan : target.baseValues[m], counts: m * o + offsets[t], sketch: m * layouts.count + sketchOffsets[t],
                            lead: lead, reported: n,
                            quantum: (rule.threshold == 0 ? 1 : abs(rule.threshold)) / Double(1 << 24),
                            signedThreshold: rule.sign * rule.threshold)
            }
        }
        met = Array(repeating: false, count: 2 * modelCount)
        shortfalls = Array(repeating: 0, count: targets.count * modelCount)
        counts = Array(repeating: 0, count: o * modelCount)
        pairs = Array(repeating: 0, count: 4 * targets.count * max(0, modelCount - 1))
    }

    public mutating func add(_ chunk: SimulatedPaths) {
        paths += chunk.count
        let modelCount = self.modelCount, targetCount = targets.count
        var flags = recordsVerdicts ? [Bool](repeating: false, count: chunk.count * targetCount) : []
        defer { if recordsVerdicts { verdicts.append((chunk.first, flags)) } }
        lanes.withUnsafeBufferPointer { lanes in
        counts.withUnsafeMutableBufferPointer { counts in
        met.withUnsafeMutableBufferPointer { met in
        pairs.withUnsafeMutableBufferPointer { pairs in
        shortfalls.withUnsafeMutableBufferPointer { shortfalls in
        sketches.withAdder { adder in
            // Target by target over the chunk's paths, so one target's counts and sketches stay in cache.
            for t in 0..<targetCount {
                for l in 0..<chunk.count {
                    for m in 0..<modelCount {
                        let lane = lanes[t * modelCount + m]
                        let row = chunk.series(path: l, model: m, indicator: lane.indicator)
                        let (ok, okStretch) = Self.judge(row, lane, counts: counts.baseAddress!, adder: adder,
                                                         shortfall: &shortfalls[t * modelCount + m])
                        met[2 * m] = ok
                        met[2 * m + 1] = okStretch
                    }
                    if !flags.isEmpty { flags[l * targetCount + t] = met[0] }
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

    /// Judges one path's `row` by `lane`: counts the years and the statistic, sketches them, and returns whether the
    /// target and its stretch value are met.
    @inline(__always)
    private static func judge(_ row: UnsafePointer<Double>, _ lane: Lane, counts: UnsafeMutablePointer<Int>,
                              adder: SketchBank.Adder, shortfall: inout Int) -> (Bool, Bool) {
        let c = lane.counts, n = lane.reported, sign = lane.sign
        let x: Double
        switch lane.statistic {
        case .deadline:
            x = row[lane.last]
            counts[c + 2] &+= sign * x >= lane.cut ? 1 : 0
            if lane.hasStretch { counts[c + 3] &+= sign * x >= lane.stretchCut ? 1 : 0 }
        case .total:
            var running = 0.0
            for k in 0..<n {
                running += row[lane.first + k]
                counts[c + 2 + k] &+= sign * running >= lane.cut ? 1 : 0
                if lane.hasStretch { counts[c + 2 + n + k] &+= sign * running >= lane.stretchCut ? 1 : 0 }
                if k >= lane.lead { adder.add(running, to: lane.sketch + 1 + k) }
            }
            x = running
        case .weakest:
            // The weakest year in the comparison's direction: the lowest for a lower bound, the highest for an upper one.
            var weakest = Double.infinity
            for k in 0..<n {
                let v = sign * row[lane.first + k]
                weakest = min(weakest, v)
                counts[c + 2 + k] &+= v >= lane.cut ? 1 : 0
                if lane.hasStretch { counts[c + 2 + n + k] &+= v >= lane.stretchCut ? 1 : 0 }
            }
            x = sign * weakest
        case .growth, .change:
            let b = lane.baseValue.isNaN ? row[lane.base] : lane.baseValue
            let v = row[lane.last]
            x = lane.statistic == .change ? v - b : Self.growth(v, from: b)
            counts[c + 2] &+= sign * x >= lane.cut ? 1 : 0
            if lane.hasStretch { counts[c + 3] &+= sign * x >= lane.stretchCut ? 1 : 0 }
        case .averageGrowth, .averageChange:
            // Reported year k is the (k+1)-th year after the first: the average so far.
            let b = lane.baseValue.isNaN ? row[lane.first] : lane.baseValue
            var a = 0.0
            for k in 0..<n {
                let v = row[lane.first + 1 + k], years = Double(k + 1)
                a = lane.statistic == .averageChange ? (v - b) / years : Self.averageGrowth(v, from: b, years: years)
                counts[c + 2 + k] &+= sign * a >= lane.cut ? 1 : 0
                if lane.hasStretch { counts[c + 2 + n + k] &+= sign * a >= lane.stretchCut ? 1 : 0 }
            }
            x = a
        }
        let ok = sign * x >= lane.cut, okStretch = lane.hasStretch && sign * x >= lane.stretchCut
        counts[c] &+= ok ? 1 : 0
        counts[c + 1] &+= okStretch ? 1 : 0
        let gap = lane.signedThreshold - sign * x
        if !(gap <= 0) {
            // A NaN or +∞ shortfall clamps to the largest (`q <= clamp` is false for NaN).
            let q = (gap / lane.quantum).rounded()
            shortfall &+= q <= shortfallClamp ? Int(q) : Int(shortfallClamp)
        }
        adder.add(x, to: lane.sketch)
        return (ok, okStretch)
    }

    /// Growth from `b` to `v`, `v / b − 1`; from a base ≤ 0 (possible only on simulated paths) +∞ when `v` > 0, else 0.
    @inline(__always)
    public static func growth(_ v: Double, from b: Double) -> Double {
        b > 0 ? v / b - 1 : (v > 0 ? .infinity : 0)
    }

    /// Average yearly growth from `b` to `v` over `years`, `(v / b)^(1/years) − 1`; −100% when `v` ≤ 0, and from a base
    /// ≤ 0 +∞ when `v` > 0, else 0.
    @inline(__always)
    public static func averageGrowth(_ v: Double, from b: Double, years: Double) -> Double {
        guard b > 0 else { return v > 0 ? .infinity : 0 }
        guard v > 0 else { return -1 }
        return years == 1 ? v / b - 1 : Foundation.pow(v / b, 1 / years) - 1
    }

    public mutating func merge(_ other: TargetTally) {
        paths += other.paths
        verdicts += other.verdicts
        for i in counts.indices { counts[i] += other.counts[i] }
        for i in pairs.indices { pairs[i] += other.pairs[i] }
        for i in shortfalls.indices { shortfalls[i] &+= other.shortfalls[i] }
        sketches.merge(other.sketches)
    }

    // MARK: Reading the tallies

    /// With ``recordsVerdicts``: whether path `p` meets target `t` (first model) at `p · targets.count + t`, in path
    /// order whatever the number of threads; empty otherwise.
    public func metByPath() -> [Bool] {
        guard recordsVerdicts else { return [] }
        var out = [Bool](repeating: false, count: paths * targets.count)
        for chunk in verdicts {
            let start = chunk.first * targets.count
            out.replaceSubrange(start..<(start + chunk.flags.count), with: chunk.flags)
        }
        return out
    }

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

    /// The expected shortfall of target `t` under model `m`: the mean over paths of `max(0, threshold − x)` for an
    /// at-least or above target and `max(0, x − threshold)` for an at-most or below one, where `x` is the judged
    /// statistic (deadline value, window total, weakest year, growth…). 0 before any path.
    ///
    /// Summed in integer quanta of 2⁻²⁴ of the threshold (exact, so the same for any thread count); each path's
    /// rounding is at most half a quantum.
    public func expectedShortfall(target t: Int, model m: Int = 0) -> Double {
        guard paths > 0 else { return 0 }
        let lane = lanes[t * modelCount + m]
        return Double(shortfalls[t * modelCount + m]) * lane.quantum / Double(paths)
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
