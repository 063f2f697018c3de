import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainForecast

/// The prior odds a unit chooses its default model with: sister units too short to learn variances from (three years
/// each, as communes since 2025) show them together; a count standing alone takes the documented ones, learned the
/// same way from real count panels.
@Suite("The odds of the default models: from short sister units, or documented for a count alone")
struct DefaultModelPriorTests {
    static func series(_ values: [Double], kind: IndicatorKind, unit: String) -> Series {
        Series(unit: unit, indicator: "x", kind: kind, firstYear: 2023, values: values)
    }

    /// `units` counties of Poisson counts around steady means of 3–8 a year, three years each.
    static func poissonCounties(_ units: Int, seed: UInt64) -> [Series] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<units).map { i in
            let mean = 3 + 5 * Double(i) / Double(max(units - 1, 1))
            return series((0..<3).map { _ in Double(rng.poisson(mean: mean)) }, kind: .count, unit: "C\(i)")
        }
    }

    /// `units` smooth shares, each a straight line on the logit scale (slopes 0.05–0.15 a year), three years each.
    static func smoothShares(_ units: Int) -> [Series] {
        (0..<units).map { i in
            let start = -1 + 2 * Double(i) / Double(units), slope = 0.05 + 0.1 * Double(i % 5) / 4
            return series((0..<3).map { 1 / (1 + exp(-(start + slope * Double($0)))) }, kind: .share, unit: "S\(i)")
        }
    }

    /// A count that did not move (3, 3, 3) is steadier than Poisson: at even odds its three points rule out the
    /// noisy-count model (posterior below 5%), and it took the smooth defaults, whose trend barely changes — a narrow
    /// band around 3 (the study's murders windows that chose so met their targets 37% of the time against a mean p of
    /// 0.64). Real count panels are almost never the smooth kind, and with the documented count prior it stays noisy.
    @Test("Alone, a steady count takes the noisy-count model under the count prior")
    func countPriorAlone() throws {
        let forecaster = TrendForecaster(kind: .count, window: 3)
        let candidates = TrendCalibration.defaultCandidates(for: .log(offset: 1))
        let prior = TrendCalibration.defaultModelPrior(for: .log(offset: 1))
        #expect(prior.count == 2 && prior[0] < 0.01 && abs(prior.reduce(0, +) - 1) < 1e-12)
        let steady = Self.series([3, 3, 3], kind: .count, unit: "D")
        let values = [3.0, 3, 3].map { log($0 + 1) }
        let e = try candidates.map { try forecaster.evidence(values, steps: [0, 1, 2], deepest: 2, under: $0) }
        let evenOdds = 1 / (1 + exp(e[0] - e[1]))                                       // noisy model's posterior
        let counted = prior[1] * exp(e[1]) / (prior[0] * exp(e[0]) + prior[1] * exp(e[1]))
        #expect(evenOdds < 0.05 && counted >= 0.05, "noisy posterior: \(evenOdds) at even odds, \(counted) under the prior")
        let alone = try forecaster.fit(series: steady, calibration: forecaster.calibrate(crossSection: [steady], through: .year(2025)))
        #expect(alone.defaultsName != nil && alone.modelPriorUnits == nil, "alone it chose the smooth defaults")
    }

    /// Among 30 counties of Poisson counts the sisters' own prior favours the noisy-count model even more than the
    /// documented one, and the steady county takes it, with its width.
    @Test("A steady count among Poisson sisters takes their noisy-count model")
    func countFollowsItsSisters() throws {
        let forecaster = TrendForecaster(kind: .count, window: 3)
        let steady = Self.series([3, 3, 3], kind: .count, unit: "D")
        let group = Self.poissonCounties(30, seed: 7) + [steady]
        let calibration = try forecaster.calibrate(crossSection: group, through: .year(2025))
        let prior = try #require(calibration.modelPrior)
        #expect(calibration.source == .defaults && prior.units == 31)
        #expect(prior.weights.count == 2 && prior.weights[1] > 0.9, "prior \(prior.weights)")
        let together = try forecaster.fit(series: steady, calibration: calibration, origin: .year(2025))
        #expect(together.defaultsName != nil && together.modelPriorUnits == 31)
        // Five years on, the noisy model's 80% band is more than twice as wide as the smooth model's.
        let smooth = try forecaster.forecast(steady, values: [3.0, 3, 3].map { log($0 + 1) }, steps: [0, 1, 2], deepest: 2,
                                             origin: .year(2025), calibration: TrendCalibration.defaultCandidates(for: .log(offset: 1))[0])
        #expect(smooth.defaultsName == nil)
        let width = { (f: TrendForecast) -> Double in
            let q = f.quantiles(horizon: 5, levels: [0.1, 0.9])
            return q[1] - q[0]
        }
        #expect(width(together) > 2 * width(smooth), "80% band \(width(together)) with sisters, \(width(smooth)) smooth")
    }

    /// Smooth shares make the smooth model the likely one, and a share among them whose three points bend (which
    /// alone cannot rule out the noisy-share model) keeps the smooth model's trend; a share that swings far more than
    /// any smooth series does keeps the noisy model (averaged with the smooth one by weight) whatever its sisters.
    @Test("Among smooth sisters, a bending share takes the smooth model and a swinging one keeps the noisy one")
    func shareFollowsItsSisters() throws {
        let forecaster = TrendForecaster(kind: .share, window: 3)
        let bending = Self.series([0.80, 0.83, 0.845], kind: .share, unit: "W")
        let swinging = Self.series([0.30, 0.70, 0.25], kind: .share, unit: "X")
        let alone = try forecaster.fit(series: bending, calibration: forecaster.calibrate(crossSection: [bending], through: .year(2025)))
        #expect(alone.defaultsName != nil, "alone it took the smooth defaults")

        let calibration = try forecaster.calibrate(crossSection: Self.smoothShares(40) + [bending], through: .year(2025))
        let prior = try #require(calibration.modelPrior)
        #expect(prior.units == 41 && prior.weights[0] > 0.9, "prior \(prior.weights)")
        #expect(calibration.hyperparameters == TrendCalibration.defaults(for: .logit).hyperparameters)
        let together = try forecaster.fit(series: bending, calibration: calibration, origin: .year(2025))
        #expect(together.defaultsName == nil && together.modelPriorUnits == 41, "prior \(prior.weights)")

        let withSwinging = try forecaster.calibrate(crossSection: Self.smoothShares(40) + [swinging], through: .year(2025))
        let own = try forecaster.fit(series: swinging, calibration: withSwinging, origin: .year(2025))
        // The smooth sisters' odds cannot rule the noisy model out: the share forecasts with it (alone, or averaged).
        let noisy = own.components.filter { $0.forecast.defaultsName != nil }
        #expect(noisy.count == 1 && own.modelPriorUnits == 41, "the swinging share lost the noisy model: \(own.components.map(\.weight))")
        #expect(noisy.first.map { $0.weight >= TrendForecaster.plausibleModelWeight } ?? false)
    }

    /// A sister whose window the latent scale cannot take (a negative count) is left out of the prior; the others still
    /// set it, and nothing throws.
    @Test("A sister with an impossible value is left out of the prior")
    func badSisterIsLeftOut() throws {
        let forecaster = TrendForecaster(kind: .count, window: 3)
        let bad = Self.series([4, -5, 6], kind: .count, unit: "Bad")
        let calibration = try forecaster.calibrate(crossSection: Self.poissonCounties(10, seed: 9) + [bad], through: .year(2025))
        #expect(calibration.modelPrior?.units == 10)
    }

    /// Two sisters are not a group: each unit still chooses alone (``TrendForecaster/minimumPoolUnits`` is 3).
    @Test("Fewer than three units: no shared choice")
    func tooFewUnits() throws {
        let forecaster = TrendForecaster(kind: .count, window: 3)
        let calibration = try forecaster.calibrate(crossSection: Self.poissonCounties(2, seed: 3), through: .year(2025))
        #expect(calibration == TrendCalibration.defaults(for: .log(offset: 1)))
        #expect(calibration.modelPrior == nil)
    }
}
