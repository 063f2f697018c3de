import Foundation
import Testing
import AttainData
import AttainLinearAlgebra
@testable import AttainModels

/// Closed-form answers and an independent reference for the count and share GLMs.
struct GLMReferenceTests {
    static func counts(_ values: [Double], firstYear: Int = 2016, kind: IndicatorKind = .count) -> Series {
        Series(kind: kind, firstYear: firstYear, values: values)
    }

    static func shares(_ successes: [Double], _ trials: [Double], firstYear: Int) -> Series {
        Series(unit: "u", indicator: "s", kind: .share, observations: successes.indices.map {
            Observation(unit: "u", indicator: "s", period: .year(firstYear + $0), value: successes[$0] / trials[$0],
                        numerator: successes[$0], denominator: trials[$0])
        })
    }

    @Test func interceptOnlyPoissonIsLogOfMean() throws {
        let y: [Double] = [4, 7, 0, 3, 9, 5]
        let problem = GLMProblem(design: Matrix(rows: 6, columns: 1, repeating: 1), response: y, weights: .init(repeating: 1, count: 6),
                                 offset: .init(repeating: 0, count: 6), link: .log, variance: .poisson,
                                 priorMean: [0], priorPrecision: [0])
        let s = try GLMEngine.fit(problem)
        let mean = y.reduce(0, +) / 6
        #expect(s.converged)
        #expect(abs(s.coefficients[0] - log(mean)) < 1e-12)
        // Var(log ȳ) = 1/(n ȳ) for the Poisson MLE.
        #expect(abs(s.unscaledCovariance[0, 0] - 1 / (6 * mean)) < 1e-12)
    }

    @Test func twoPointPoissonDesignIsSolvedExactly() throws {
        let fit = try GLM.fit(Self.counts([8, 18], firstYear: 2020), model: .poisson,
                              options: GLMOptions(automaticPriors: false))
        // log μ = a + r (t − 2020.5) through both points: r = log(18/8), a = ½ log(8·18).
        #expect(abs(fit.parameters[1] - log(18.0 / 8)) < 1e-10)
        #expect(abs(fit.parameters[0] - 0.5 * log(8.0 * 18)) < 1e-10)
        #expect(abs(fit.fitted[0] - 8) < 1e-8 && abs(fit.fitted[1] - 18) < 1e-8)
        // Var(r̂) = 1/8 + 1/18 for two Poisson counts.
        #expect(abs(fit.covariance[1, 1] - (1.0 / 8 + 1.0 / 18)) < 1e-10)
        #expect(fit.referenceTime == 2020.5)
        #expect(abs(fit.deviance!) < 1e-10)
    }

    // Reference values below were produced once by /tmp/glm/ref.py: a plain numpy IRLS (np.linalg.solve on XᵀWX,
    // converged to |Δβ| < 1e-15), NB size θ by Newton on log θ alternating with IRLS, no statsmodels.

    @Test func poissonWithExposureMatchesNumpyReference() throws {
        let fit = try GLM.fit(Self.counts([3, 5, 4, 8, 9, 12, 10, 15]), model: .poisson, exposure: [1, 1, 1.2, 1.2, 1.5, 1.5, 1.5, 2])
        #expect(abs(fit.parameters[0] - 1.7210675784926752) < 1e-9)
        #expect(abs(fit.parameters[1] - 0.10543267738046593) < 1e-9)
        #expect(abs(fit.standardErrors[0] - 0.1358753959185017) < 1e-9)
        #expect(abs(fit.standardErrors[1] - 0.05667910934911544) < 1e-9)
        #expect(abs(fit.logLikelihood - -16.34569957147552) < 1e-9)
        #expect(abs(fit.deviance! - 1.91061367952227) < 1e-9)
        #expect(fit.model == "poisson" && fit.converged && fit.warnings.isEmpty)
    }

    @Test func negativeBinomialMatchesNumpyReference() throws {
        let fit = try GLM.fit(Self.counts([3, 9, 2, 14, 6, 20, 8, 25]), model: .negativeBinomial)
        #expect(fit.model == "negative-binomial")
        #expect(abs(fit.dispersion! - 5.579774317620736) < 1e-5)
        #expect(abs(fit.parameters[0] - 2.258014576377457) < 1e-7)
        #expect(abs(fit.parameters[1] - 0.2242363666289673) < 1e-7)
        #expect(abs(fit.standardErrors[1] - 0.08455623367121164) < 1e-6)
        #expect(abs(fit.logLikelihood - -23.94107085487718) < 1e-8)
        #expect(fit.effectiveParameterCount == 3)
    }

    @Test func quasiBinomialMatchesNumpyReference() throws {
        let fit = try GLM.fit(Self.shares([12, 22, 21, 35, 34], [50, 52, 55, 53, 50], firstYear: 2019), model: .logitLinear)
        #expect(fit.model == "logit-linear")
        #expect(abs(fit.parameters[0] - -0.10437584651751494) < 1e-9)
        #expect(abs(fit.parameters[1] - 0.4768121292686626) < 1e-9)
        #expect(abs(fit.dispersion! - 1.3384609910135652) < 1e-8)
        #expect(abs(fit.standardErrors[0] - 0.15130979737362588) < 1e-8)
        #expect(abs(fit.standardErrors[1] - 0.1129776371728046) < 1e-8)
    }

    @Test func poissonWithoutOverdispersionReturnsPoissonFromNegativeBinomial() throws {
        // Counts less variable than Poisson: the NB likelihood rises all the way to θ → ∞.
        let fit = try GLM.fit(Self.counts([10, 10, 11, 10, 11, 10, 11, 11]), model: .negativeBinomial)
        #expect(fit.model == "poisson")
        #expect(fit.warnings.contains { $0.contains("boundary") })
    }

    @Test func cumulativeRoundTripsThroughIncrements() throws {
        let totals: [Double] = [100, 130, 170, 170, 240]
        let series = Self.counts(totals, firstYear: 2021, kind: .cumulative)
        let (inc, spans) = try CumulativeSeries.increments(of: series)
        #expect(inc.values == [30, 40, 0, 70])
        #expect(spans == [1, 1, 1, 1])
        #expect(inc.periods.first == .year(2022))
        #expect(CumulativeSeries.cumulate(inc.values, startingFrom: 100) == Array(totals.dropFirst()))
        let fit = try GLM.fit(series, model: .poisson)
        #expect(fit.observationCount == 4)
        #expect(abs(fit.fitted.reduce(0, +) - 140) < 1e-8)  // Poisson with intercept: fitted total = observed total
        #expect(throws: GLMError.self) {
            try CumulativeSeries.increments(of: Self.counts([5, 4], firstYear: 2020, kind: .cumulative))
        }
    }
}
