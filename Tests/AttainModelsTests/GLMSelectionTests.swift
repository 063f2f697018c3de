import Foundation
import Testing
import AttainData
@testable import AttainModels

/// The documented default choice and Akaike weights.
struct GLMSelectionTests {
    @Test func akaikeWeightsFollowTheirDefinition() {
        let w = GLMSelection.akaikeWeights([10, 12, .infinity])
        let e = exp(-1.0)
        #expect(abs(w[0] - 1 / (1 + e)) < 1e-15 && abs(w[1] - e / (1 + e)) < 1e-15 && w[2] == 0)
        #expect(GLMSelection.akaikeWeights([.infinity, .infinity]) == [1, 0])
    }

    @Test func saturatingSharesChooseTheAsymptote() throws {
        let sat = GLMReferenceTests.shares([100, 180, 300, 380, 420, 440, 452, 458], .init(repeating: 500, count: 8), firstYear: 2016)
        let s = try GLMSelection.select(sat)
        #expect(s.chosen.model == "logistic")
        #expect(s.weights[1] > 0.99)
        #expect(abs(s.chosen.parameter("K")! - 0.92) < 0.02)
        #expect(abs(s.weights.reduce(0, +) - 1) < 1e-12)
    }

    @Test func shortSeriesKeepTheSimplestModel() throws {
        let shares = try GLMSelection.select(Series(kind: .share, firstYear: 2023, values: [0.6, 0.65, 0.7]))
        #expect(shares.chosen.model == "logit-linear" && shares.weights == [1, 0])
        let counts = try GLMSelection.select(Series(kind: .count, firstYear: 2023, values: [4, 9, 7]))
        #expect(counts.chosen.model == "poisson" && counts.candidates.count == 1)
    }

    @Test func overdispersedCountsChooseNegativeBinomial() throws {
        let s = try GLMSelection.select(Series(kind: .count, firstYear: 2014, values: [3, 19, 2, 24, 6, 30, 8, 45, 5, 52]))
        #expect(s.chosen.model == "negative-binomial" && s.weights[1] > 0.95)
        #expect(s.rule.contains("AICc"))
    }
}
