import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainForecast

/// Sister units too short to learn variances from (three years each, as communes since 2025) still choose, together,
/// which default model they follow; each unit then fits under that model instead of choosing on its own three points.
@Suite("Short sister units choose a default model together")
struct SharedDefaultTests {
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

    /// A count that did not move (3, 3, 3) is steadier than Poisson: alone, its three points rule out the noisy-count
    /// model, so it takes the smooth defaults, whose trend barely changes — a narrow band around 3 (the study's
    /// murders windows that chose so met their targets 37% of the time against a mean p of 0.64). Among 30 counties of
    /// Poisson counts, the group's evidence picks the noisy-count model for every unit, this one too, with its width.
    @Test("A steady count that alone reads as smooth follows its sisters' noisy-count model")
    func countFollowsItsSisters() throws {
        let forecaster = TrendForecaster(kind: .count, window: 3)
        let steady = Self.series([3, 3, 3], kind: .count, unit: "D")
        let alone = try forecaster.fit(series: steady, calibration: forecaster.calibrate(crossSection: [steady], through: .year(2025)))
        #expect(alone.defaultsName == nil && alone.chosenByUnits == nil, "alone it chose \(alone.defaultsName ?? "the smooth defaults")")

        let group = Self.poissonCounties(30, seed: 7) + [steady]
        let calibration = try forecaster.calibrate(crossSection: group, through: .year(2025))
        #expect(calibration.source == .defaults)
        #expect(calibration.defaultsName != nil, "the group chose the smooth defaults")
        #expect(calibration.chosenByUnits == 31)
        let together = try forecaster.fit(series: steady, calibration: calibration, origin: .year(2025))
        #expect(together.defaultsName == calibration.defaultsName && together.chosenByUnits == 31)
        // Five years on, the noisy model's 80% band is more than twice as wide as the smooth model's.
        let width = { (f: TrendForecast) -> Double in
            let q = f.quantiles(horizon: 5, levels: [0.1, 0.9])
            return q[1] - q[0]
        }
        #expect(width(together) > 2 * width(alone), "80% band \(width(together)) with sisters, \(width(alone)) alone")
    }

    /// Smooth shares chose the smooth defaults together, and a share among them whose three points wobble (which alone
    /// cannot rule out the noisy-share model, and so took it, the wider) keeps the smooth model's trend.
    @Test("A wobbling share among smooth sisters keeps the smooth model")
    func shareFollowsItsSisters() throws {
        let forecaster = TrendForecaster(kind: .share, window: 3)
        let wobbly = Self.series([0.80, 0.84, 0.83], kind: .share, unit: "W")
        let alone = try forecaster.fit(series: wobbly, calibration: forecaster.calibrate(crossSection: [wobbly], through: .year(2025)))
        #expect(alone.defaultsName != nil, "alone it took the smooth defaults")

        let calibration = try forecaster.calibrate(crossSection: Self.smoothShares(40) + [wobbly], through: .year(2025))
        #expect(calibration.defaultsName == nil && calibration.chosenByUnits == 41)
        #expect(calibration.hyperparameters == TrendCalibration.defaults(for: .logit).hyperparameters)
        let together = try forecaster.fit(series: wobbly, calibration: calibration, origin: .year(2025))
        #expect(together.defaultsName == nil && together.chosenByUnits == 41)
    }

    /// Two sisters are not a group: each unit still chooses alone (``TrendForecaster/minimumPoolUnits`` is 3).
    @Test("Fewer than three units: no shared choice")
    func tooFewUnits() throws {
        let forecaster = TrendForecaster(kind: .count, window: 3)
        let calibration = try forecaster.calibrate(crossSection: Self.poissonCounties(2, seed: 3), through: .year(2025))
        #expect(calibration == TrendCalibration.defaults(for: .log(offset: 1)))
        #expect(calibration.chosenByUnits == nil)
    }
}
