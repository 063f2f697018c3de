import Testing
import AttainData
import Foundation
@testable import AttainSimulation
import AttainTestSupport

/// A short indicator (three years, one unit) cannot calibrate its own trend uncertainty; the compiler then learns it
/// from every series of the same kind in the data. Sister series with real year-to-year changes in their trends must
/// widen the short indicator's fan well beyond the defaults (learned on smooth national series).
@Suite("Trend uncertainty pooled over series of one kind")
struct KindPoolCalibrationTests {
    /// A three-year, nearly straight share for unit D; with `sisters`, six units × ten years of two other shares whose
    /// logit trends change every year (a fixed, deterministic pattern).
    static func data(sisters: Bool) -> DataSet {
        var rows = zip([2023, 2024, 2025], [0.902, 0.915, 0.927]).map {
            Observation(unit: "D", indicator: "short_share", period: .year($0), value: $1)
        }
        if sisters {
            for (i, name) in ["coverage_a", "coverage_b"].enumerated() {
                for u in 0..<6 {
                    var logit = -0.5 + 0.2 * Double(u), slope = 0.15
                    for year in 2016...2025 {
                        slope += 0.25 * sin(Double(year * (u + 3) + 7 * i))   // trend changes of about ±0.25 a year
                        logit += slope
                        rows.append(Observation(unit: "U\(u)", indicator: name, period: .year(year), value: 1 / (1 + exp(-logit))))
                    }
                }
            }
        }
        return DataSet(source: "test", observations: rows)
    }

    static let scenario = """
        version: 1
        name: pooled
        data: data.csv
        targets: targets.yaml
        unit: D
        horizon: 2030
        cutoff: 2025-12-31
        indicators:
          - name: short_share
            kind: share
            model: auto
        """

    func compiled(sisters: Bool) throws -> (description: String, width2030: Double) {
        let dir = try RepositoryFiles.temporaryDirectory(["s.yaml": Self.scenario, "data.csv": "unit,indicator,period,value\n",
                                                          "targets.yaml": "version: 1\n"])
        let scenario = try ScenarioLoader.load(path: dir + "/s.yaml")
        let model = try ScenarioCompiler.compile(scenario, firstYear: 2026, data: Self.data(sisters: sisters)).model
        let indicator = try #require(model.indicators.first)
        let trend = try #require(indicator.process as? TrendProcess)
        let q = trend.forecast.latentQuantiles(horizon: 5, levels: [0.05, 0.95])
        return (indicator.modelDescription.text("en"), q[1] - q[0])
    }

    @Test("Alone, the defaults apply; with sister series of its kind, the calibration is theirs and the fan is wider")
    func sistersWidenTheFan() throws {
        let alone = try compiled(sisters: false), pooled = try compiled(sisters: true)
        #expect(alone.description.contains("default calibration"))
        #expect(pooled.description.contains("calibrated on 12 series"))
        #expect(pooled.width2030 > 2 * alone.width2030, "90% latent width in 2030: \(pooled.width2030) vs \(alone.width2030)")
    }
}
