/// Accumulates scored forecasts and summarises them by horizon and overall: interval coverage, PIT histogram,
/// quantile score, CRPS (from quantiles), MASE, Brier score of threshold events and skill against a baseline.
///
/// ```swift
/// var evaluation = ForecastEvaluation(levels: [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975])
/// evaluation.add(horizon: h, quantiles: q, outcome: y, baseline: rw.quantiles(horizon: h, levels: levels),
///                maseScale: meanAbsoluteStep)
/// evaluation.summary()                  // overall
/// evaluation.summary(horizon: 5)        // one horizon
/// ```
/// Memory O(horizons × bins); each `add` is O(levels).
public struct ForecastEvaluation: Sendable {
    /// What a set of forecasts scored.
    public struct Summary: Sendable, Equatable {
        /// Forecasts scored.
        public var count: Int
        /// Fraction of outcomes inside each central interval, keyed by its nominal coverage (0.5, 0.8, 0.95).
        public var coverage: [Double: Double]
        /// Fraction of PIT values in each of the equal bins of [0, 1] (flat at `1/bins` when calibrated).
        public var pitHistogram: [Double]
        /// Mean quantile (pinball) score.
        public var quantileScore: Double
        /// Mean CRPS approximated as twice the quantile score (exact in the limit of a fine uniform level grid).
        public var crps: Double
        /// Mean absolute error of the median divided by the in-sample mean absolute one-step change (nil if never given).
        public var mase: Double?
        /// Mean Brier score of the threshold events added (nil if none).
        public var brier: Double?
        /// Summed quantile score relative to the baseline's (nil without a baseline); skill is `1 − relativeScore`.
        public var relativeScore: Double?
        /// Fraction of outcomes above the median (0.5 when unbiased).
        public var aboveMedian: Double
    }

    private struct Tally: Sendable {
        var count = 0
        var covered: [Int]
        var pit: [Int]
        var score = 0.0, baselineScore = 0.0, baselineCount = 0
        var scaledError = 0.0, maseCount = 0
        var brier = 0.0, brierCount = 0
        var above = 0
    }

    /// Quantile levels of every forecast added, ascending.
    public let levels: [Double]
    /// Nominal coverages of the central intervals tallied.
    public let intervals: [Double]
    /// Number of PIT bins.
    public let pitBins: Int
    private var byHorizon: [Int: Tally] = [:]

    public init(levels: [Double], intervals: [Double] = [0.5, 0.8, 0.95], pitBins: Int = 10) {
        precondition(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 }, "levels must ascend")
        self.levels = levels
        self.intervals = intervals
        self.pitBins = pitBins
    }

    /// Adds one forecast and its outcome.
    ///
    /// - Parameters:
    ///   - pit: the forecast's `P(Y ≤ y)` when known exactly; otherwise it is read off the quantiles.
    ///   - baseline: the baseline's quantiles at the same levels, for the relative score.
    ///   - maseScale: the in-sample mean absolute one-step change of the unit's window, for MASE.
    ///   - events: threshold events as (probability given, occurred), for the Brier score.
    public mutating func add(horizon: Int, quantiles: [Double], outcome y: Double, pit: Double? = nil, baseline: [Double]? = nil,
                             maseScale: Double? = nil, events: [(probability: Double, occurred: Bool)] = []) {
        var t = byHorizon[horizon] ?? Tally(covered: Array(repeating: 0, count: intervals.count), pit: Array(repeating: 0, count: pitBins))
        t.count += 1
        for (i, c) in intervals.enumerated() where ForecastScore.covers(quantiles: quantiles, levels: levels, coverage: c, outcome: y) == true {
            t.covered[i] += 1
        }
        let u = pit ?? ForecastScore.probabilityBelow(y, quantiles: quantiles, levels: levels)
        t.pit[min(pitBins - 1, max(0, Int(u * Double(pitBins))))] += 1
        t.score += ForecastScore.quantileScore(quantiles: quantiles, levels: levels, outcome: y)
        if let baseline {
            t.baselineScore += ForecastScore.quantileScore(quantiles: baseline, levels: levels, outcome: y)
            t.baselineCount += 1
        }
        if let maseScale, maseScale > 0 {
            t.scaledError += abs(y - median(of: quantiles)) / maseScale
            t.maseCount += 1
        }
        for e in events { t.brier += ForecastScore.brier(probability: e.probability, occurred: e.occurred); t.brierCount += 1 }
        if y > median(of: quantiles) { t.above += 1 }
        byHorizon[horizon] = t
    }

    /// Horizons with at least one forecast, ascending.
    public var horizons: [Int] { byHorizon.keys.sorted() }

    /// The summary of one horizon, or of all of them (nil), or nil when nothing was added there.
    public func summary(horizon: Int? = nil) -> Summary? {
        let tallies = horizon.map { byHorizon[$0].map { [$0] } ?? [] } ?? horizons.map { byHorizon[$0]! }
        guard !tallies.isEmpty else { return nil }
        var all = Tally(covered: Array(repeating: 0, count: intervals.count), pit: Array(repeating: 0, count: pitBins))
        for t in tallies {
            all.count += t.count
            for i in intervals.indices { all.covered[i] += t.covered[i] }
            for b in 0..<pitBins { all.pit[b] += t.pit[b] }
            all.score += t.score; all.baselineScore += t.baselineScore; all.baselineCount += t.baselineCount
            all.scaledError += t.scaledError; all.maseCount += t.maseCount
            all.brier += t.brier; all.brierCount += t.brierCount
            all.above += t.above
        }
        let n = Double(all.count)
        return Summary(count: all.count,
                       coverage: Dictionary(uniqueKeysWithValues: intervals.enumerated().map { ($0.element, Double(all.covered[$0.offset]) / n) }),
                       pitHistogram: all.pit.map { Double($0) / n },
                       quantileScore: all.score / n, crps: 2 * all.score / n,
                       mase: all.maseCount > 0 ? all.scaledError / Double(all.maseCount) : nil,
                       brier: all.brierCount > 0 ? all.brier / Double(all.brierCount) : nil,
                       relativeScore: all.baselineCount == all.count && all.baselineScore > 0 ? all.score / all.baselineScore : nil,
                       aboveMedian: Double(all.above) / n)
    }

    private func median(of quantiles: [Double]) -> Double {
        if let i = levels.firstIndex(where: { abs($0 - 0.5) < 1e-12 }) { return quantiles[i] }
        return quantiles[quantiles.count / 2]
    }
}
