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
    /// Window lengths present, ascending.
    let lengths: [Int]
    /// Per length: the windows' latent values, concatenated (`count × n`).
    let windows: [[Double]]
    /// Per length: targets on the data scale, `count × horizon`, NaN where unobserved.
    let targets: [[Double]]
    /// Number of contributing units and windows.
    let unitCount: Int, windowCount: Int
    let transform: LatentTransform
    /// Quantile levels of the score.
    let levels: [Double]
    /// Experimental switches.
    var equalHorizonWeights = false
    var latentScale = false

    init(crossSection: [Series], origin: Period, step: Int, window: Int?, horizon: Int, transform: LatentTransform,
         minimumLength: Int = 4, scoreLevels: Int = 20) {
        self.horizon = horizon
        self.transform = transform
        levels = (1...scoreLevels).map { (Double($0) - 0.5) / Double(scoreLevels) }
        var byLength = [Int: (values: [Double], targets: [Double])]()
        var units = 0, count = 0
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
                    if let v = forward[j + h], latent[j + h] != nil { t[h - 1] = v; any = true }
                }
                guard any else { continue }
                byLength[n, default: ([], [])].values += (j - n + 1...j).map { latent[$0]! }
                byLength[n, default: ([], [])].targets += t
                count += 1
                contributed = true
            }
            if contributed { units += 1 }
        }
        lengths = byLength.keys.sorted()
        windows = lengths.map { byLength[$0]!.values }
        targets = lengths.map { byLength[$0]!.targets }
        unitCount = units
        windowCount = count
    }

    /// Mean quantile score of the forecasts the hyperparameters would have made (+∞ if a design fails).
    func score(_ h: TrendHyperparameters) -> Double {
        var totals = [Double](repeating: 0, count: horizon), counts = [Int](repeating: 0, count: horizon)
        let k = levels.count
        var quantiles = [Double](repeating: 0, count: k)
        var scale = [Double](repeating: 0, count: horizon)
        for (g, n) in lengths.enumerated() {
            guard let design = try? LocalTrendDesign(h, steps: Array(0..<n), originStep: n - 1) else { return .infinity }
            // Variance per unit λ at each horizon: shared by every window of this length.
            let probe = TrendForecast(unit: "", indicator: "", transform: transform, origin: .year(0), stepPeriods: 1,
                                      observationCount: n, hyperparameters: h, level: 0, slope: 0,
                                      stateCovariance: design.stateCovariance, residualSumOfSquares: 0)
            for s in 1...horizon { scale[s - 1] = probe.latentMoments(horizon: s).variance }
            let t = StudentT(degreesOfFreedom: probe.degreesOfFreedom)
            let standard = levels.map(t.quantile)
            let shape = probe.posteriorShape
            let values = windows[g], goal = targets[g]
            let windowCount = values.count / n
            values.withUnsafeBufferPointer { all in
                for w in 0..<windowCount {
                    let y = UnsafeBufferPointer(rebasing: all[(w * n)..<((w + 1) * n)])
                    let state = design.apply(y)
                    let lambda = (h.scaleRate + state.q / 2) / shape
                    var level = state.level, slope = state.slope
                    for s in 0..<horizon {
                        level += slope; slope *= h.damping
                        let observed = goal[w * horizon + s]
                        guard !observed.isNaN else { continue }
                        let sd = (scale[s] * lambda).squareRoot()
                        var actual = observed
                        if latentScale {
                            for i in 0..<k { quantiles[i] = level + sd * standard[i] }
                            actual = transform.toLatent(actual)
                        } else {
                            for i in 0..<k { quantiles[i] = transform.toData(level + sd * standard[i]) }
                        }
                        var loss = 0.0
                        for i in 0..<k {
                            let e = actual - quantiles[i]
                            loss += e >= 0 ? levels[i] * e : (levels[i] - 1) * e
                        }
                        totals[s] += loss / Double(k)
                        counts[s] += 1
                    }
                }
            }
        }
        let scored = counts.reduce(0, +)
        guard scored > 0 else { return .infinity }
        if equalHorizonWeights {
            var sum = 0.0, used = 0
            for s in 0..<horizon where counts[s] > 0 { sum += totals[s] / Double(counts[s]); used += 1 }
            return sum / Double(used)
        }
        return totals.reduce(0, +) / Double(scored)
    }
}
