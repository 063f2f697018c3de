import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainForecast

@Suite("Backtest and paths")
struct BacktestTests {
    let truth = TrendHyperparameters(levelRatio: 0.4, noiseRatio: 0.3, damping: 0.95, scaleShape: 5, scaleRate: 4e-3)

    @Test("No look-ahead: deleting or changing every row after the origin changes no forecast")
    func noLookahead() throws {
        let panel = syntheticPanel(units: 15, years: 25, truth: truth, transform: .logit, kind: .share)
        let origin = Period.year(2005)
        let forecaster = TrendForecaster(kind: .share, window: 6)
        let levels = [0.05, 0.5, 0.95]
        let full = try Backtest(crossSection: panel, forecaster: forecaster, origin: origin, horizon: 5, levels: levels)
        let cut = try Backtest(crossSection: panel.map { $0.truncated(through: origin) }, forecaster: forecaster,
                               origin: origin, horizon: 5, levels: levels)
        // Later rows replaced by nonsense (still valid shares).
        let scrambled = panel.map { s in
            Series(unit: s.unit, indicator: s.indicator, kind: s.kind,
                   observations: s.observations.map { o in
                       var o = o
                       if o.period > origin { o.value = 0.999 - o.value * 0.5 }
                       return o
                   })
        }
        let changed = try Backtest(crossSection: scrambled, forecaster: forecaster, origin: origin, horizon: 5, levels: levels)
        #expect(full.forecasts.count == 15 * 5)
        #expect(full.calibration == cut.calibration && full.calibration == changed.calibration)
        for (a, (b, c)) in zip(full.forecasts, zip(cut.forecasts, changed.forecasts)) {
            #expect(a.quantiles == b.quantiles && a.quantiles == c.quantiles)
            #expect(a.unit == b.unit && a.period == b.period && a.horizon == b.horizon)
            #expect(a.actual != nil && b.actual == nil)
        }
        if case let .pooled(units, _, through) = full.calibration.source { #expect(units == 15 && through == "2005") }
        else { Issue.record("expected a pooled calibration") }
    }

    @Test("Units without two observations in their window are skipped with a reason")
    func skipped() throws {
        var panel = syntheticPanel(units: 6, years: 10, truth: truth)
        panel.append(Series(unit: "late", indicator: "x", kind: .level, firstYear: 1999, values: [1, 2]))
        let b = try Backtest(crossSection: panel, forecaster: TrendForecaster(kind: .level, window: 4, transform: .identity),
                             origin: .year(1999), horizon: 2, levels: [0.5])
        #expect(b.skipped.map(\.unit) == ["late"])
        #expect(b.skipped[0].reason.contains("1 observation"))
        #expect(throws: ForecastError.self) {
            try Backtest(crossSection: panel, forecaster: TrendForecaster(kind: .level), origin: .year(1999), horizon: 0, levels: [0.5])
        }
        // An origin before every unit's second observation: one error, not an empty result.
        do {
            _ = try Backtest(crossSection: panel, forecaster: TrendForecaster(kind: .level, window: 4, transform: .identity),
                             origin: .year(1990), horizon: 2, levels: [0.5])
            Issue.record("expected nothingToForecast")
        } catch let ForecastError.nothingToForecast(origin, units, reason) {
            #expect(origin == "1990" && units == 7 && reason.contains("'U0'"))
        }
    }

    @Test("Sampled paths have the calibrated marginals at every horizon")
    func pathMarginals() throws {
        let panel = syntheticPanel(units: 12, years: 20, truth: truth, transform: .logit, kind: .share)
        let base = try TrendForecaster(kind: .share, window: 8).fit(series: panel[0], crossSection: panel)
        // Also with non-trivial conformal factors and tail weight.
        let calibration = TrendCalibration(hyperparameters: base.hyperparameters, horizonScale: [0.6, 1.3, 0.9],
                                           tailDegreesOfFreedom: 3, stepPeriods: 1, source: .defaults)
        let reweighted = try TrendForecaster(kind: .share, window: 8).fit(series: panel[0], calibration: calibration)
        for f in [base, reweighted] {
            let steps = 10, paths = 20_000
            var rng = Xoshiro256StarStar(seed: 99, stream: 1)
            var latent = [Double](repeating: 0, count: steps)
            let levels = [0.05, 0.25, 0.5, 0.75, 0.95]
            let checked = [1, 2, 3, 6, 10]
            let q = checked.map { f.latentQuantiles(horizon: $0, levels: levels) }
            var below = [[Int]](repeating: [Int](repeating: 0, count: levels.count), count: checked.count)
            for _ in 0..<paths {
                f.samplePath(steps: steps, latent: &latent, using: &rng)
                for (c, h) in checked.enumerated() {
                    for l in levels.indices where latent[h - 1] <= q[c][l] { below[c][l] += 1 }
                }
            }
            // Binomial standard error ≤ √(0.25/20000) = 0.0035; allow 4 of them.
            for c in checked.indices {
                for l in levels.indices {
                    let p = Double(below[c][l]) / Double(paths)
                    #expect(abs(p - levels[l]) < 0.014, "step \(checked[c]) level \(levels[l]): \(p)")
                }
            }
        }
    }

    @Test("Paths are coherent: successive steps are strongly correlated, as a trend implies")
    func pathCoherence() throws {
        let panel = syntheticPanel(units: 12, years: 20, truth: truth)
        let f = try TrendForecaster(kind: .level, window: 8, transform: .identity).fit(series: panel[3], crossSection: panel)
        var rng = Xoshiro256StarStar(seed: 3)
        var latent = [Double](repeating: 0, count: 6)
        var sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        let n = 5000
        for _ in 0..<n {
            f.samplePath(steps: 6, latent: &latent, using: &rng)
            let x = latent[4], y = latent[5]
            sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
        }
        let cov = sxy / Double(n) - sx * sy / Double(n * n)
        let r = cov / ((sxx / Double(n) - sx * sx / Double(n * n)) * (syy / Double(n) - sy * sy / Double(n * n))).squareRoot()
        #expect(r > 0.8)
    }
}
