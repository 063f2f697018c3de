import Testing
import AttainData
@testable import AttainModels

/// `attain fit --model M` on a level is least squares on the data scale: no short-series prior while the data
/// determine the curve, so the optimum is any least-squares solver's.
@Test func explicitLinearOnFourExactPointsIsPlainLeastSquares() throws {
    let series = Series(unit: "u", indicator: "x", kind: .level, firstYear: 2020, values: [10, 12, 14, 16])
    let result = FitBatch.fitOne(series, choice: try ModelChoice(word: "linear", kind: .level))
    let fit = try #require(result.fit, "\(result.failure ?? "")")
    #expect(fit.parameters.contains { abs($0 - 2) < 1e-9 }, "slope 2 a year expected, got \(fit.parameters)")
    #expect((fit.sigma ?? 1) < 1e-9, "an exact line has zero residual SD, got \(fit.sigma ?? .nan)")
    #expect(fit.warnings.isEmpty, "no prior should act: \(fit.warnings)")
}

/// With no residual degrees of freedom (`n ≤ p`) the explicit curve still needs the prior, and says so.
@Test func explicitLogisticOnThreePointsUsesThePriorWithAWarning() throws {
    let series = Series(unit: "u", indicator: "x", kind: .level, firstYear: 2023, values: [50, 60, 67])
    let result = FitBatch.fitOne(series, choice: try ModelChoice(word: "logistic", kind: .level))
    let fit = try #require(result.fit, "\(result.failure ?? "")")
    #expect(fit.parameters.allSatisfy { $0.isFinite })
    #expect(!fit.warnings.isEmpty)
}
