import Foundation
import Testing
import AttainData
import AttainRandom
@testable import AttainForecast

/// The binomial noise of a counted share as a fixed variance beside the model's own (``ScaleIntegral``), and its size
/// (``TrendHyperparameters/shareSamplingVariance(share:denominator:)``).
@Suite("Known sampling noise of counted shares")
struct ShareSamplingNoiseTests {
    static let smooth = TrendCalibration.defaults(for: .logit).hyperparameters
    static let noisy = TrendCalibration.defaultCandidates(for: .logit)[1].hyperparameters
    static let window: [Double] = [0.31, 0.36, 0.35, 0.42, 0.47, 0.46, 0.52].map { log($0 / (1 - $0)) }
    static let steps = Array(0..<7)

    /// The variance of the empirical logit summed over every outcome, written out here independently.
    static func bruteForceVariance(n: Int, p: Double) -> Double {
        var pmf = [Double](repeating: 0, count: n + 1)
        for k in 0...n {
            var logChoose = 0.0
            for i in 0..<k { logChoose += log(Double(n - i)) - log(Double(i + 1)) }
            pmf[k] = exp(logChoose + Double(k) * log(p) + Double(n - k) * log(1 - p))
        }
        let logits = (0...n).map { log((Double($0) + 0.5) / (Double(n - $0) + 0.5)) }
        let mean = zip(pmf, logits).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(pmf, logits).reduce(0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) }
    }

    @Test("The logit's sampling variance: exact sums for small counts, the delta method for large ones")
    func samplingVariance() {
        for (n, p) in [(8, 0.625), (70, 0.99), (30, 0.5), (200, 0.03), (1000, 0.004)] {
            let v = TrendHyperparameters.shareSamplingVariance(share: p, denominator: Double(n))
            let truth = Self.bruteForceVariance(n: n, p: p)
            #expect(abs(v / truth - 1) < 1e-9, "n \(n), p \(p): \(v) vs \(truth)")
        }
        // Near 70 of 70 the delta method claims 1/(70 · 0.99 · 0.01) ≈ 1.44; the logit cannot swing that much.
        #expect(TrendHyperparameters.shareSamplingVariance(share: 0.99, denominator: 70) < 0.5)
        // Large counts: the delta method, within its own O(1/(npq)²) of the exact value.
        let big = TrendHyperparameters.shareSamplingVariance(share: 0.9, denominator: 16_000)
        #expect(abs(big - 1 / (16_000 * 0.9 * 0.1)) < 1e-15)
        #expect(TrendHyperparameters.shareSamplingVariance(share: 0.5, denominator: 0.4) == 0)
    }

    @Test("With no known noise the integral over λ is the closed-form evidence and the conjugate posterior")
    func zeroNoiseIsConjugate() throws {
        for h in [Self.smooth, Self.noisy] {
            let integral = try ScaleIntegral(Self.window, steps: Self.steps, deepest: 6, hyperparameters: h,
                                             knownVariance: [Double](repeating: 0, count: 7))
            let closed = try TrendForecaster.logEvidence(Self.window, steps: Self.steps, deepest: 6, hyperparameters: h)
            #expect(abs(integral.logEvidence - closed) < 2e-5, "\(integral.logEvidence) vs \(closed)")
            let design = try LocalTrendDesign(h, steps: Self.steps, originStep: 6)
            let state = Self.window.withUnsafeBufferPointer { design.apply($0, cap: h.innovationCap) }
            let shape = h.scaleShape + Double(7 - h.diffuseStateCount) / 2, rate = h.scaleRate + state.q / 2
            #expect(abs(integral.posteriorShape / shape - 1) < 3e-4, "shape \(integral.posteriorShape) vs \(shape)")
            #expect(abs(integral.posteriorRate / rate - 1) < 3e-4, "rate \(integral.posteriorRate) vs \(rate)")
            #expect(abs(integral.level - state.level) < 1e-9 && abs(integral.slope - state.slope) < 1e-9)
            #expect(abs(integral.stateCovariance.0 / design.stateCovariance.0 - 1) < 1e-9)
            #expect(abs(integral.stateCovariance.2 / design.stateCovariance.2 - 1) < 1e-9)
        }
    }

    @Test("With known noise the adaptive grid gives the integral a fixed fine grid gives")
    func adaptiveGridMatchesAFineGrid() throws {
        let known = [0.02, 0.05, 0.01, 0.03, 0.02, 0.04, 0.02]
        for h in [Self.smooth, Self.noisy] {
            let integral = try ScaleIntegral(Self.window, steps: Self.steps, deepest: 6, hyperparameters: h, knownVariance: known)
            // The same integrand on log λ from log b − 10 to 20 in steps of 0.01.
            let m = Double(7 - h.diffuseStateCount), a = h.scaleShape, b = h.scaleRate
            var terms = [Double]()
            var u = log(b) - 10
            while u < 20 {
                let lambda = exp(u)
                let design = try LocalTrendDesign(h, steps: Self.steps, originStep: 6, knownNoise: known.map { $0 / lambda })
                let q = Self.window.withUnsafeBufferPointer { design.apply($0).q }
                let constant: Double = -0.5 * m * log(2 * Double.pi) + a * log(b) - logGamma(a)
                let likelihood: Double = -0.5 * design.logDeterminant - (a + m / 2) * u
                terms.append(constant + likelihood - b / lambda - q / (2 * lambda))
                u += 0.01
            }
            let top = terms.max()!
            let fine = top + log(terms.reduce(0) { $0 + exp($1 - top) } * 0.01)
            #expect(abs(integral.logEvidence - fine) < 1e-4, "\(integral.logEvidence) vs \(fine)")
            #expect(integral.gridCount < 400)
        }
    }

    /// Simulation-based calibration (Talts et al. 2018): draw `λ` from its prior, a window from the model with known
    /// Gaussian sampling noise of varying size on top, and find where the true `λ` falls in the fit's posterior (200
    /// draws from it). If the integral and its inverse-gamma summary are right, that rank is uniform over 400
    /// replicates; a posterior too narrow, too wide or shifted piles ranks at the ends or to one side. Chi-square over
    /// 10 bins, 9 degrees of freedom: below 27.9 (p = 0.001). With this seed it is deterministic.
    @Test("Simulation-based calibration: the true scale of change ranks uniformly in its posterior")
    func simulationBasedCalibration() throws {
        let h = TrendHyperparameters(levelRatio: 1, noiseRatio: 0.5, damping: 0.95, scaleShape: 4, scaleRate: 0.04)
        var rng = Xoshiro256StarStar(seed: 2026)
        var bins = [Int](repeating: 0, count: 10)
        let replicates = 400, draws = 200
        for _ in 0..<replicates {
            let lambda = h.scaleRate / rng.gamma(shape: h.scaleShape)
            let s = lambda.squareRoot()
            var level = -0.4, slope = 0.05
            var values = [Double](), known = [Double]()
            for _ in 0..<7 {
                let v = 0.01 + 0.09 * rng.uniform()                 // each value's own known sampling variance
                values.append(level + s * h.noiseRatio * rng.normal() + v.squareRoot() * rng.normal())
                known.append(v)
                level += slope + s * h.levelRatio * rng.normal()
                slope = h.damping * slope + s * rng.normal()
            }
            let fit = try ScaleIntegral(values, steps: Self.steps, deepest: 6, hyperparameters: h, knownVariance: known)
            var below = 0
            for _ in 0..<draws where fit.posteriorRate / rng.gamma(shape: fit.posteriorShape) < lambda { below += 1 }
            bins[min(below * 10 / draws, 9)] += 1
        }
        let expected = Double(replicates) / 10
        let chiSquare = bins.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 27.9, "ranks by decile: \(bins), chi-square \(chiSquare)")
    }

    @Test("Known noise lowers the evidence of a smooth window and makes a noisy window more probable under the smooth model")
    func knownNoiseReadsTheWindow() throws {
        // A window that zigzags as 200-enterprise counts do: the smooth model alone must call the zigzag trend change;
        // told the binomial noise, it explains it and its evidence rises.
        var rng = Xoshiro256StarStar(seed: 11)
        let n = 200.0
        let counts = (0..<7).map { k -> Double in
            let p = 0.4 + 0.01 * Double(k)
            return Double(rng.binomial(count: Int(n), probability: p))
        }
        let values = counts.map { log(($0 / n) / (1 - $0 / n)) }
        let known = counts.map { TrendHyperparameters.shareSamplingVariance(share: $0 / n, denominator: n) }
        let without = try TrendForecaster.logEvidence(values, steps: Self.steps, deepest: 6, hyperparameters: Self.smooth)
        let with = try ScaleIntegral(values, steps: Self.steps, deepest: 6, hyperparameters: Self.smooth, knownVariance: known)
        #expect(with.logEvidence > without + 1, "\(with.logEvidence) vs \(without)")
        // Its level is the trend through the noise, not the last draw: within two sampling SDs of the truth 0.46.
        let truth = log(0.46 / 0.54)
        #expect(abs(with.level - truth) < 2 * (known.last!).squareRoot(), "level \(with.level) vs \(truth)")
    }

    @Test("A share of 16,000 members keeps the smooth model; one of 40 enterprises with the same values is not sure of it")
    func largeCountsKeepTheSmoothModel() throws {
        let shares = [0.902, 0.908, 0.913, 0.918, 0.921, 0.924, 0.927]
        func series(_ n: Double) -> Series {
            Series(unit: "district", indicator: "members", kind: .share, observations: shares.enumerated().map { k, p in
                Observation(unit: "district", indicator: "members", period: .year(2019 + k), value: (p * n).rounded() / n,
                            numerator: (p * n).rounded(), denominator: n)
            })
        }
        let forecaster = TrendForecaster(kind: .share)
        let defaults = TrendCalibration.defaults(for: .logit)
        let large = try forecaster.fit(series: series(16_000), calibration: defaults)
        #expect(large.defaultsName == nil, "took \(large.defaultsName ?? "smooth")")
        // The smooth model carries the trend: the five-year median is above the last value.
        #expect(large.quantiles(horizon: 5, levels: [0.5])[0] > 0.93)
        let small = try forecaster.fit(series: series(40), calibration: defaults)
        let wide = small.quantiles(horizon: 5, levels: [0.1, 0.9]), narrow = large.quantiles(horizon: 5, levels: [0.1, 0.9])
        #expect(wide[1] - wide[0] > 2 * (narrow[1] - narrow[0]), "40: \(wide), 16,000: \(narrow)")
    }
}
