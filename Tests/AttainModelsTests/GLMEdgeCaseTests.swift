import Foundation
import Testing
import AttainData
@testable import AttainModels

/// Short series, zeros, bounds and huge counts: finite answers with warnings, or typed errors; never NaN.
struct GLMEdgeCaseTests {
    static func counts(_ v: [Double]) -> Series { Series(unit: "u", indicator: "c", kind: .count, firstYear: 2023, values: v) }
    static func values(_ v: [Double]) -> Series { Series(unit: "u", indicator: "s", kind: .share, firstYear: 2023, values: v) }
    static func binomial(_ s: [Double], _ n: [Double]) -> Series { GLMReferenceTests.shares(s, n, firstYear: 2023) }

    /// Every number a consumer reads is finite.
    static func expectFinite(_ f: FitResult, _ label: String) {
        let numbers = f.parameters + f.standardErrors + f.fitted + f.covariance.storage + [f.logLikelihood, f.dispersion ?? 0, f.sigma ?? 0]
        #expect(numbers.allSatisfy { $0.isFinite }, "\(label): \(f.parameters) se \(f.standardErrors) ll \(f.logLikelihood)")
        #expect(f.mean(2030, f.parameters).isFinite, "\(label): projection")
    }

    @Test func shortCountSeriesGetPriorsAndWarnings() throws {
        let three = try GLM.fit(Self.counts([5, 7, 9]), model: .negativeBinomial)
        Self.expectFinite(three, "3 points")
        #expect(three.warnings.contains { $0.contains("3 observations") && $0.contains("prior") })
        #expect(three.warnings.contains { $0.contains("too few to estimate overdispersion") })
        #expect(three.parameters[1] > 0 && three.parameters[1] < log(9.0 / 5) / 2)  // shrunk toward 0, still rising

        let two = try GLM.fit(Self.counts([4, 12]), model: .poisson)
        Self.expectFinite(two, "2 points")
        #expect(two.warnings.contains { $0.contains("two observations") && $0.contains("dominated") })
        #expect(two.parameters[1] < log(3.0))  // the exact fit would be log 3

        let one = try GLM.fit(Self.counts([6]), model: .poisson)
        Self.expectFinite(one, "1 point")
        #expect(one.warnings.contains { $0.contains("one observation: level only") })
        #expect(abs(one.parameters[0] - log(6.0)) < 1e-9)
        #expect(one.parameters[1] == 0 && abs(one.standardErrors[1] - 0.5) < 1e-9)  // the prior's N(0, 0.5²)
    }

    @Test func zeroCountsGiveFiniteSmallRates() throws {
        for model in [GLMModel.poisson, .negativeBinomial] {
            let zeros = try GLM.fit(Self.counts([0, 0, 0, 0, 0]), model: model)
            Self.expectFinite(zeros, "all zero \(model.name)")
            #expect(zeros.fitted.allSatisfy { $0 > 0 && $0 < 0.2 })
            #expect(zeros.warnings.contains { $0.contains("all counts are zero") })
        }
        let oneEnd = try GLM.fit(Self.counts([0, 0, 0, 0, 7]), model: .poisson)
        Self.expectFinite(oneEnd, "zeros at one end")
        #expect(oneEnd.warnings.contains { $0.contains("runs off to infinity") })
        #expect(oneEnd.parameters[1] > 0.5)
    }

    @Test func hugeCountsStayFinite() throws {
        let big = Self.counts([1.0e12, 1.1e12, 1.25e12, 1.3e12, 1.5e12, 1.6e12])
        for model in [GLMModel.poisson, .negativeBinomial] {
            let f = try GLM.fit(big, model: model)
            Self.expectFinite(f, "huge \(model.name)")
            #expect(abs(f.parameters[1] - 0.094) < 0.01)
        }
    }

    @Test func sharesAtTheBoundsGiveFiniteAnswers() throws {
        let cases: [(String, Series)] = [
            ("binomial all 0", Self.binomial([0, 0, 0, 0], [40, 40, 45, 50])),
            ("binomial all 1", Self.binomial([40, 40, 45, 50], [40, 40, 45, 50])),
            ("binomial separated", Self.binomial([0, 0, 45, 50], [40, 40, 45, 50])),
            ("binomial quasi-separated", Self.binomial([0, 0, 20, 50], [40, 40, 45, 50])),
            ("values with 1", Self.values([0.9, 0.95, 0.98, 1.0])),
            ("values all 0", Self.values([0, 0, 0])),
            ("values all 1", Self.values([1, 1, 1, 1, 1])),
        ]
        for (label, series) in cases {
            for model in [GLMModel.logitLinear, .logistic(asymptote: nil)] {
                let f = try GLM.fit(series, model: model)
                Self.expectFinite(f, "\(label) \(model.name)")
                #expect(f.fitted.allSatisfy { $0 >= 0 && $0 <= 1 })
            }
        }
        let allOne = try GLM.fit(Self.binomial([40, 40, 45, 50], [40, 40, 45, 50]), model: .logitLinear)
        #expect(allOne.warnings.contains { $0.contains("exactly 0 or 1") })
        #expect(allOne.fitted.allSatisfy { $0 > 0.95 })
    }

    @Test func shortShareSeries() throws {
        for n in 1...3 {
            let s = Array([0.62, 0.66, 0.71].prefix(n))
            for series in [Self.values(s), Self.binomial(s.map { $0 * 200 }, .init(repeating: 200, count: n))] {
                for model in [GLMModel.logitLinear, .logistic(asymptote: nil), .logistic(asymptote: 0.95)] {
                    let f = try GLM.fit(series, model: model)
                    Self.expectFinite(f, "\(n)-point \(model.name)")
                    #expect(!f.warnings.isEmpty)
                }
            }
        }
    }

    @Test func badInputGivesTypedErrors() {
        #expect(throws: GLMError.self) { try GLM.fit(Self.counts([3, -1, 4]), model: .poisson) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.counts([3, .nan, 4]), model: .poisson) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.counts([]), model: .poisson) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.counts([3, 4]), model: .poisson, exposure: [1]) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.counts([3, 4]), model: .poisson, exposure: [1, 0]) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.counts([3, 4]), model: .logitLinear) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.values([0.5, 90]), model: .logitLinear) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.binomial([5, 60], [50, 50]), model: .logitLinear) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.values([0.5, 0.6]), model: .logistic(asymptote: 1.2)) }
        #expect(throws: GLMError.self) { try GLM.fit(Self.values([0.5, 0.6]), model: .poisson) }
        #expect(throws: GLMError.self) {
            try GLM.fit(Series(kind: .level, firstYear: 2020, values: [1, 2]), model: .poisson)
        }
        do {
            _ = try GLM.fit(Self.binomial([5, 60], [50, 50]), model: .logitLinear)
        } catch let e as GLMError {
            #expect(e.description.contains("period 2024") && e.description.contains("numerator 60"))
        } catch { Issue.record("unexpected \(error)") }
    }
}
