import AttainParallel
import Foundation
import AttainData

/// The cross-section's earlier forecasts, scored: how well given variance components would have forecast every
/// unit from every earlier origin, using only data up to the calibration origin.
///
/// Each pseudo-origin is a grid step `j` with a complete run of `n` (≤ window) observed steps ending at `j`; its
/// targets are the observed values `1…H` steps later that are still at or before the calibration origin. The score
/// is the mean quantile (pinball) score over the levels `(k − ½)/K`, `k = 1…K`, on the data scale: a discretised CRPS,
/// a proper scoring rule, so minimising it over the few hyperparameters calibrates the intervals (minimum-CRPS
/// estimation, Gneiting et al. 2005). Units missing data simply contribute fewer windows.
struct PooledTrendObjective: Sendable {
    /// Scored horizons, in steps.
    let horizon: Int
    /// Window length of each group, ascending.
    let lengths: [Int]
    /// With count noise: each group's window size (mean count, a bucket's centre) whose sampling noise its windows
    /// add; nil without.
    let groupMeans: [Double?]
    /// Per length: the windows' latent values, concatenated (`count × n`).
    let windows: [[Double]]
    /// Per length: targets on the data scale, `count × horizon`, NaN where unobserved.
    let targets: [[Double]]
    /// Number of contributing units, windows, and scored forecasts (window × horizon with a known outcome).
    let unitCount: Int, windowCount: Int, forecastCount: Int
    let transform: LatentTransform
    /// Quantile levels of the score.
    let levels: [Double]
    /// Fixed pieces of work, `(length group, window range)`: the same for any thread count, so sums over them are
    /// added in the same order and the score does not depend on `threads`.
    let chunks: [(group: Int, windows: Range<Int>)]
    /// Median squared second difference of the windows' latent values: a rough trend-change variance to start from.
    let roughScale: Double
    /// Worker threads for ``score(_:)``.
    var threads = 1

    /// With `countNoise`, each window adds the sampling noise of counts of its own mean size
    /// (``TrendHyperparameters/addingCountNoise(mean:)``), windows grouped by size in buckets of 0.2 on `log(m + 1)`.
    init(crossSection: [Series], origin: Period, step: Int, window: Int?, horizon: Int, transform: LatentTransform,
         countNoise: Bool = false, minimumLength: Int = 3, scoreLevels: Int = 20) {
        self.horizon = horizon
        self.transform = transform
        levels = (1...scoreLevels).map { (Double($0) - 0.5) / Double(scoreLevels) }
        struct Group: Hashable, Comparable {
            let length: Int, size: Int
            static func < (a: Group, b: Group) -> Bool { (a.length, a.size) < (b.length, b.size) }
        }
        var byGroup = [Group: (values: [Double], targets: [Double])]()
        var units = 0, count = 0, scored = 0
        for series in crossSection {
            let grid = OriginGrid(series, origin: origin, step: step)
            // Forward order: index i is `deepest − k` steps back.
            let forward = Array(grid.values.reversed())
            let latent = forward.map { v -> Double? in v.flatMap { transform.accepts($0) ? transform.toLatent($0) : nil } }
            var contributed = false
            var run = 0
            for j in 0..<forward.count {
                run = latent[j] == nil ? 0 : run + 1
                guard j < forward.count - 1 else { break }
                let n = min(run, window ?? run)
                guard n >= minimumLength else { continue }
                var t = [Double](repeating: .nan, count: horizon)
                var any = false
                for h in 1...horizon where j + h < forward.count {
                    if let v = forward[j + h], latent[j + h] != nil { t[h - 1] = v; any = true; scored += 1 }
                }
                guard any else { continue }
                var size = 0
                if countNoise {
                    let mean = (j - n + 1...j).reduce(0.0) { $0 + max(forward[$1]!, 0) } / Double(n)
                    size = Int((Foundation.log(mean + 1) / Self.sizeBucket).rounded())
                }
                let key = Group(length: n, size: size)
                byGroup[key, default: ([], [])].values += (j - n + 1...j).map { latent[$0]! }
                byGroup[key, default: ([], [])].targets += t
                count += 1
                contributed = true
            }
            if contributed { units += 1 }
        }
        let groups = byGroup.keys.sorted()
        lengths = groups.map(\.length)
        groupMeans = groups.map { countNoise ? Foundation.exp(Double($0.size) * Self.sizeBucket) - 1 : nil }
        windows = groups.map { byGroup[$0]!.values }
        targets = groups.map { byGroup[$0]!.targets }
        unitCount = units
        windowCount = count
        var pieces = [(group: Int, windows: Range<Int>)]()
        for (g, n) in lengths.enumerated() {
            let total = windows[g].count / n
            for start in stride(from: 0, to: total, by: 256) { pieces.append((g, start..<min(total, start + 256))) }
        }
        chunks = pieces
        var second = [Double]()
        for (g, n) in lengths.enumerated() where n >= 3 {
            let v = windows[g]
            for w in 0..<(v.count / n) {
                for i in 2..<n { let d = v[w * n + i] - 2 * v[w * n + i - 1] + v[w * n + i - 2]; second.append(d * d) }
            }
        }
        second.sort()
        roughScale = second.isEmpty ? 1e-4 : max(second[second.count / 2], 1e-12)
        forecastCount = scored
    }

    /// What every window of one length shares under given hyperparameters.
    private struct GroupModel {
        let design: LocalTrendDesign
        /// Predictive variance per unit λ at each horizon.
        let variance: [Double]
        let t: StudentT
        /// Standard t quantiles at ``levels``.
        let standard: [Double]
        /// Posterior shape of λ.
        let shape: Double
    }

    /// Width of the size buckets on `log(mean + 1)`.
    static let sizeBucket = 0.2

    private func models(_ base: TrendHyperparameters) -> [GroupModel]? {
        var out = [GroupModel]()
        // The Student-t and its quantiles depend on the window length only (not on a group's count noise): once each.
        var tails = [Int: (t: StudentT, standard: [Double])]()
        for (n, mean) in zip(lengths, groupMeans) {
            let h = mean.map { base.addingCountNoise(mean: $0) } ?? base
            guard let design = try? LocalTrendDesign(h, steps: Array(0..<n), originStep: n - 1) else { return nil }
            let probe = TrendForecast(unit: "", indicator: "", transform: transform, origin: .year(0), stepPeriods: 1,
                                      observationCount: n, hyperparameters: h, level: 0, slope: 0,
                                      stateCovariance: design.stateCovariance, residualSumOfSquares: 0)
            if tails[n] == nil {
                let t = StudentT(degreesOfFreedom: probe.degreesOfFreedom)
                tails[n] = (t, levels.map(t.quantile))
            }
            out.append(GroupModel(design: design, variance: (1...horizon).map { probe.latentMoments(horizon: $0).variance },
                                  t: tails[n]!.t, standard: tails[n]!.standard, shape: probe.posteriorShape))
        }
        return out
    }

    /// Calls `body(s, location, sd, model, actual)` for every scored forecast of one chunk (`s` = horizon − 1, latent
    /// location and scale of the Student-t, the actual on the data scale).
    private func visit(_ chunk: (group: Int, windows: Range<Int>), _ h: TrendHyperparameters, _ model: GroupModel,
                       _ body: (Int, Double, Double, Double) -> Void) {
        let n = lengths[chunk.group]
        let goal = targets[chunk.group]
        windows[chunk.group].withUnsafeBufferPointer { all in
            for w in chunk.windows {
                let y = UnsafeBufferPointer(rebasing: all[(w * n)..<((w + 1) * n)])
                let state = model.design.apply(y, cap: h.innovationCap)
                let lambda = (h.scaleRate + state.q / 2) / model.shape
                var level = state.level, slope = state.slope
                for s in 0..<horizon {
                    level += slope; slope *= h.damping
                    let observed = goal[w * horizon + s]
                    guard !observed.isNaN else { continue }
                    body(s, level, (model.variance[s] * lambda).squareRoot(), observed)
                }
            }
        }
    }

    /// Mean quantile score of the forecasts the hyperparameters would have made (+∞ if a design fails).
    ///
    /// Chunks are shared out to ``threads`` workers; their totals are added in chunk order.
    func score(_ h: TrendHyperparameters) -> Double {
        guard let models = models(h) else { return .infinity }
        let k = levels.count
        let totals = Parallel.map(chunks.count, threads: threads) { c -> (Double, Int) in
            let model = models[chunks[c].group]
            var quantiles = [Double](repeating: 0, count: k)
            var total = 0.0, count = 0
            visit(chunks[c], h, model) { _, level, sd, observed in
                for i in 0..<k { quantiles[i] = transform.toData(level + sd * model.standard[i]) }
                var loss = 0.0
                for i in 0..<k {
                    let e = observed - quantiles[i]
                    loss += e >= 0 ? levels[i] * e : (levels[i] - 1) * e
                }
                total += loss / Double(k)
                count += 1
            }
            return (total, count)
        }
        var sum = 0.0, scored = 0
        for t in totals { sum += t.0; scored += t.1 }
        return scored > 0 ? sum / Double(scored) : .infinity
    }

    /// Conformal recalibration from the earlier forecasts: one Student-t tail weight `ν` for all horizons and a scale
    /// factor `c_h` per horizon, chosen so the central 50%, 80% and 95% intervals match their nominal coverage on
    /// those forecasts (least squares; `ν` from a fixed grid, `c_h` on a grid of log c in [log ¼, log 4], step 0.01).
    /// Horizons with fewer than `minimumCount` forecasts take the previous horizon's factor (1 before any).
    func recalibration(_ h: TrendHyperparameters, minimumCount: Int = 30) -> (tail: Double, scale: [Double]) {
        let nominal = [0.5, 0.8, 0.95]
        // Per horizon: |actual − location| / scale on the latent scale, sorted.
        var residuals = [[Double]](repeating: [], count: horizon)
        guard let models = models(h) else { return (.infinity, []) }
        for chunk in chunks {
            visit(chunk, h, models[chunk.group]) { s, level, sd, observed in
                residuals[s].append(abs(transform.toLatent(observed) - level) / sd)
            }
        }
        for s in 0..<horizon { residuals[s].sort() }
        func coverage(_ r: [Double], _ bound: Double) -> Double {
            var lo = 0, hi = r.count
            while lo < hi { let mid = (lo + hi) / 2; if r[mid] <= bound { lo = mid + 1 } else { hi = mid } }
            return Double(lo) / Double(r.count)
        }
        var best = (tail: Double.infinity, scale: [Double](repeating: 1, count: horizon), loss: Double.infinity)
        for tail in Self.tailGrid {
            let t = StudentT(degreesOfFreedom: tail)
            let half = nominal.map { t.quantile((1 + $0) / 2) }
            var total = 0.0, factors = [Double](), previous = 1.0
            for s in 0..<horizon {
                let r = residuals[s]
                guard r.count >= minimumCount else { factors.append(previous); continue }
                var bestC = (c: 1.0, loss: Double.infinity)
                for step in -139...139 {
                    let c = exp(Double(step) * 0.01)
                    var loss = 0.0
                    for i in 0..<3 { let e = coverage(r, c * half[i]) - nominal[i]; loss += e * e }
                    if loss < bestC.loss { bestC = (c, loss) }
                }
                total += bestC.loss
                previous = bestC.c
                factors.append(previous)
            }
            if total < best.loss { best = (tail, factors, total) }
        }
        return (best.tail, best.scale)
    }

    /// Tail weights tried by ``recalibration(_:minimumCount:)``.
    static let tailGrid: [Double] = [1.5, 2, 2.5, 3, 4, 5, 7, 10, 15, 30, 100]
}
