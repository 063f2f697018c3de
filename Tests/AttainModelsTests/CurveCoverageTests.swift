import AttainRandom
import Testing
@testable import AttainModels

/// Over 400 simulated series, nominal 95% intervals `θ̂ ± t₀.₉₇₅,ₙ₋ₚ · SE` cover the true parameter 95% ± 3.5
/// percentage points of the time (the binomial Monte Carlo SD at 400 replicates is 1.1 points, so ±3.5 is ≈ 3 SD;
/// the nonlinear model's linearised intervals are expected to be close to, not exactly at, 95%).
@Test(arguments: [CurveModel.logistic, .linear, .saturating])
func confidenceIntervalsCoverNinetyFivePercent(model: CurveModel) throws {
    let spec = CurveSpec(model)
    let times = (0..<20).map { 2005.0 + Double($0) }
    let truth: [Double], noise: Double
    switch model {
    case .logistic: truth = [1000, 0.4, 2014]; noise = 20
    case .saturating: truth = [1000, 500, 0.2]; noise = 15
    default: truth = [200, 5]; noise = 10
    }
    let replicates = 400
    var covered = [Int](repeating: 0, count: truth.count)
    var rng = Xoshiro256StarStar(seed: 2024)
    let q = tQuantile975(times.count - truth.count)
    for _ in 0..<replicates {
        let y = try curveSample(spec, truth: truth, times: times, noise: noise, rng: &rng)
        let fit = try spec.fit(times: times, values: y)
        for k in truth.indices where abs(fit.parameters[k] - truth[k]) <= q * fit.standardErrors[k] { covered[k] += 1 }
    }
    for (k, name) in model.parameterNames.enumerated() {
        let rate = 100 * Double(covered[k]) / Double(replicates)
        #expect(abs(rate - 95) <= 3.5, "\(model) \(name): 95% intervals covered the truth \(rate)% of the time")
    }
}
