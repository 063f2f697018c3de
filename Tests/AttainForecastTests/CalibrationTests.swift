import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainForecast

@Suite("Pooled calibration")
struct CalibrationTests {
    /// 40 units × 30 years from the model with known components. Over seeds 1, 2, 3, 7 the recovered typical
    /// trend-change sd `√(b/α)` was within 17% of the truth, the damping within 0.03, the noise ratio within 0.11 and
    /// every conformal factor within 7% of 1 (the model is right, so recalibration should change little). The level
    /// ratio trades off against λ and is not identified this well (0.04–0.85 for a true 0.5), so it is not asserted.
    @Test("A synthetic cross-section's trend-change variance is recovered", arguments: [3, 7] as [UInt64])
    func recovery(seed: UInt64) throws {
        let truth = TrendHyperparameters(levelRatio: 0.5, noiseRatio: 0.5, damping: 0.9, scaleShape: 8, scaleRate: 7e-2)
        let panel = syntheticPanel(units: 40, years: 30, truth: truth, seed: seed)
        var forecaster = TrendForecaster(kind: .level, window: 10, transform: .identity)
        forecaster.calibrationHorizon = 5
        let c = try forecaster.calibrate(crossSection: panel, through: .year(2019))
        let h = c.hyperparameters
        let sd = (h.scaleRate / h.scaleShape).squareRoot(), trueSD = (truth.scaleRate / truth.scaleShape).squareRoot()
        #expect(abs(sd / trueSD - 1) < 0.2, "trend-change sd \(sd) vs \(trueSD)")
        #expect(abs(h.damping - truth.damping) < 0.05)
        #expect(abs(h.noiseRatio - truth.noiseRatio) < 0.15)
        #expect(c.horizonScale.count == 5 && c.horizonScale.allSatisfy { abs($0 - 1) < 0.1 })
        guard case let .pooled(units, _, through) = c.source else { Issue.record("expected a pooled calibration"); return }
        #expect(units == 40 && through == "2019")
    }

    @Test("Too few units fall back to the documented defaults")
    func defaults() throws {
        let truth = TrendHyperparameters(levelRatio: 0.5, noiseRatio: 0.5, damping: 0.9, scaleShape: 8, scaleRate: 7e-2)
        let panel = syntheticPanel(units: 3, years: 12, truth: truth)
        let c = try TrendForecaster(kind: .level).calibrate(crossSection: panel, through: .year(2001))
        #expect(c == TrendCalibration.defaults(for: .log(offset: 0), stepPeriods: 1))
        #expect(c.source == .defaults)
    }

    @Test("The calibration does not depend on the number of threads")
    func threads() throws {
        let truth = TrendHyperparameters(levelRatio: 0.5, noiseRatio: 0.5, damping: 0.9, scaleShape: 8, scaleRate: 7e-2)
        let panel = syntheticPanel(units: 25, years: 20, truth: truth, seed: 5)
        var one = TrendForecaster(kind: .level, window: 6, transform: .identity)
        one.calibrationHorizon = 4
        var three = one
        three.threads = 3
        #expect(try one.calibrate(crossSection: panel, through: .year(2009)) == three.calibrate(crossSection: panel, through: .year(2009)))
    }
}
