import Foundation
import AttainLinearAlgebra
import AttainRandom
import Testing
@testable import AttainModels

private let years = (0..<25).map { 2000.0 + Double($0) }

private let truths: [(CurveSpec, [Double], Double)] = [
    (CurveSpec(.linear), [500, 12], 4),
    (CurveSpec(.exponential), [300, 0.06], 4),
    (CurveSpec.logLinear, [300, 0.06], 0),   // noise added multiplicatively below
    (CurveSpec(.logistic), [900, 0.45, 2011], 8),
    (CurveSpec(.logistic, asymptote: 900), [0.45, 2011], 8),
    (CurveSpec(.gompertz), [900, 0.35, 2009], 8),
    (CurveSpec(.richards), [900, 0.5, 2011, 2.5], 5),
    (CurveSpec(.saturating), [1000, 600, 0.15], 5),
    (CurveSpec(.damped), [400, 30, 0.85], 3),
]

/// Parameters come back within 4 standard errors of the truth that generated the data, for every family.
@Test(arguments: truths.indices)
func curveRecoversSimulatedParameters(case index: Int) throws {
    let (spec, truth, noise) = truths[index]
    var rng = Xoshiro256StarStar(seed: 100 + UInt64(index))
    var y = try curveSample(spec, truth: truth, times: years, noise: noise, rng: &rng)
    if spec.logScale { y = y.map { $0 * (1 + 0.02 * rng.normal()) } }
    let fit = try spec.fit(times: years, values: y)
    #expect(fit.converged, "\(spec.name): \(fit.warnings)")
    #expect(fit.warnings.isEmpty, "\(spec.name): \(fit.warnings)")
    #expect(fit.parameterNames == (spec.asymptote == nil ? spec.model.parameterNames : Array(spec.model.parameterNames.dropFirst())))
    for (k, name) in fit.parameterNames.enumerated() {
        let se = fit.standardErrors[k]
        #expect(se > 0 && se.isFinite, "\(spec.name) \(name): SE \(se)")
        #expect(abs(fit.parameters[k] - truth[k]) < 4 * se, "\(spec.name) \(name): \(fit.parameters[k]) vs truth \(truth[k]) (SE \(se))")
    }
    // The mean function reproduces the fitted values, and sigma is near the noise.
    for (t, f) in zip(years, fit.fitted) { #expect(abs(fit.mean(t, fit.parameters) - f) <= 1e-9 * max(1, abs(f))) }
    if noise > 0, let sigma = fit.sigma { #expect(sigma > 0.5 * noise && sigma < 1.6 * noise, "\(spec.name): sigma \(sigma)") }
}

/// Noise-free data are reproduced to high precision.
@Test(arguments: truths.indices)
func curveFitsExactDataExactly(case index: Int) throws {
    let (spec, truth, _) = truths[index]
    var rng = Xoshiro256StarStar(seed: 1)
    let y = try curveSample(spec, truth: truth, times: years, noise: 0, rng: &rng)
    let fit = try spec.fit(times: years, values: y, options: CurveFitOptions(solver: .strict))
    for (k, name) in fit.parameterNames.enumerated() {
        #expect(abs(fit.parameters[k] - truth[k]) <= 1e-6 * max(1, abs(truth[k])), "\(spec.name) \(name): \(fit.parameters[k]) vs \(truth[k])")
    }
}

/// A straight line by Levenberg–Marquardt agrees with the closed-form linear least-squares solution.
@Test func linearCurveMatchesLinearLeastSquares() throws {
    var rng = Xoshiro256StarStar(seed: 7)
    let y = years.map { 50 + 3 * ($0 - 2012) + 2 * rng.normal() }
    let fit = try CurveSpec(.linear).fit(times: years, values: y)
    let tref = years.reduce(0, +) / Double(years.count)
    let exact = try leastSquares(Matrix(columns: [years.map { _ in 1 }, years.map { $0 - tref }]), y)
    for k in 0..<2 {
        #expect(abs(fit.parameters[k] - exact.coefficients[k]) <= 1e-9 * max(1, abs(exact.coefficients[k])))
        #expect(abs(fit.standardErrors[k] - exact.standardErrors[k]) <= 1e-7 * exact.standardErrors[k])
    }
    #expect(fit.referenceTime == tref)
    #expect(abs(fit.sigma! - exact.residualStandardDeviation) <= 1e-9 * exact.residualStandardDeviation)
    // Gaussian log-likelihood at the ML variance: −n/2 (ln(2π RSS/n) + 1).
    let n = Double(years.count)
    let expected: Double = -n / 2 * (log(2 * Double.pi * exact.residualSumOfSquares / n) + 1)
    #expect(abs(fit.logLikelihood - expected) < 1e-8)
    #expect(fit.effectiveParameterCount == 3)
}

/// Three points: every family fits, with finite standard errors and a warning that priors are at work.
@Test(arguments: CurveModel.allCases)
func threePointSeriesFitWithPriorWarning(model: CurveModel) throws {
    let fit = try CurveSpec(model).fit(times: [2021, 2022, 2023], values: [120, 150, 171])
    #expect(fit.converged)
    #expect(fit.warnings.contains { $0.hasPrefix("short series") }, "\(model): \(fit.warnings)")
    #expect(fit.parameters.allSatisfy { $0.isFinite })
    #expect(fit.standardErrors.allSatisfy { $0.isFinite && $0 > 0 }, "\(model): \(fit.standardErrors)")
    #expect(fit.sigma.map { $0 > 0 && $0.isFinite } == true)
    for (y, f) in zip([120.0, 150, 171], fit.fitted) { #expect(abs(y - f) < 0.15 * y, "\(model): fitted \(fit.fitted)") }
}

/// Two points: a prior-dominated answer that says so, never a crash; one point is refused with a typed error.
@Test(arguments: CurveModel.allCases)
func twoPointSeriesArePriorDominated(model: CurveModel) throws {
    let fit = try CurveSpec(model).fit(times: [2022, 2023], values: [40, 52])
    #expect(fit.warnings.contains { $0.contains("dominated by the default priors") }, "\(model): \(fit.warnings)")
    #expect(fit.parameters.allSatisfy { $0.isFinite } && fit.standardErrors.allSatisfy { $0.isFinite })
    #expect(fit.aicc == .infinity)
    #expect(throws: CurveFitError.tooFewObservations(count: 1, minimum: 2, model: model.rawValue)) {
        try CurveSpec(model).fit(times: [2023], values: [52])
    }
}

@Test func unusableInputGivesTypedErrors() {
    let spec = CurveSpec(.logistic)
    #expect(throws: CurveFitError.nonFiniteInput(what: "value", index: 1)) { try spec.fit(times: [1, 2, 3], values: [1, .nan, 3]) }
    #expect(throws: CurveFitError.lengthMismatch(times: 2, values: 3, weights: nil)) { try spec.fit(times: [1, 2], values: [1, 2, 3]) }
    #expect(throws: CurveFitError.degenerateTimes("two observations share a time")) { try spec.fit(times: [1, 1, 2], values: [1, 2, 3]) }
    #expect(throws: CurveFitError.nonPositiveValue(model: "log-linear", index: 0, value: 0)) {
        try CurveSpec.logLinear.fit(times: [1, 2, 3], values: [0, 2, 3])
    }
    #expect(throws: CurveFitError.invalidAsymptote(model: "linear", value: 1)) { try CurveSpec(.linear, asymptote: 1).fit(times: [1, 2, 3], values: [1, 2, 3]) }
    #expect(throws: CurveFitError.tooFewObservations(count: 2, minimum: 3, model: "logistic")) {
        try spec.fit(times: [1, 2], values: [1, 2], options: CurveFitOptions(priorPolicy: .never))
    }
    #expect(throws: CurveFitError.invalidWeights("weight -1.0 at observation 2 is negative")) {
        try spec.fit(times: [1, 2, 3], values: [1, 2, 3], weights: [1, -1, 1])
    }
}

/// Weights act as replication: doubling one observation's weight equals listing it twice.
@Test func weightsActAsReplication() throws {
    var rng = Xoshiro256StarStar(seed: 11)
    let t = Array(years.prefix(12))
    let y: [Double] = t.map { (ti: Double) -> Double in 900 / (1 + exp(-0.5 * (ti - 2006))) + 10 * rng.normal() }
    var w = [Double](repeating: 1, count: t.count); w[3] = 2
    let options = CurveFitOptions(solver: .strict, referenceTime: 2005)
    let weighted = try CurveSpec(.logistic).fit(times: t, values: y, weights: w, options: options)
    let doubled = try CurveSpec(.logistic).fit(times: t + [t[3] + 1e-9], values: y + [y[3]], options: options)
    for k in 0..<3 { #expect(abs(weighted.parameters[k] - doubled.parameters[k]) < 1e-6 * max(1, abs(doubled.parameters[k]))) }
}
