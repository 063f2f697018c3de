import Foundation
import Testing
import AttainData
@testable import AttainForecast

/// A plain Kalman filter with a nearly diffuse start (κ = 1e8), an independent route to the design's results; the
/// slope may instead start with a proper variance, and then innovations count from the second observation.
private func kalman(_ h: TrendHyperparameters, steps: [Int], values: [Double], originStep: Int,
                    slopeVariance: Double = 1e8, firstInnovation: Int = 2)
    -> (level: Double, slope: Double, cov: (Double, Double, Double), innovations: [Double]) {
    var m = (0.0, 0.0)
    var p = (1e8, 0.0, slopeVariance)
    let phi = h.damping, q11 = h.levelRatio * h.levelRatio, r = h.noiseRatio * h.noiseRatio
    var w = [Double]()
    var t = steps[0]
    for (i, s) in steps.enumerated() {
        while t < s {
            m = (m.0 + m.1, phi * m.1)
            p = (p.0 + 2 * p.1 + p.2 + q11, phi * (p.1 + p.2), phi * phi * p.2 + 1)
            t += 1
        }
        let v = values[i] - m.0, f = p.0 + r
        if i >= firstInnovation { w.append(v / f.squareRoot()) }
        let k0 = p.0 / f, k1 = p.1 / f
        m = (m.0 + k0 * v, m.1 + k1 * v)
        p = (p.0 - k0 * p.0, p.1 - k0 * p.1, p.2 - k1 * p.1)
    }
    while t < originStep {
        m = (m.0 + m.1, phi * m.1)
        p = (p.0 + 2 * p.1 + p.2 + q11, phi * (p.1 + p.2), phi * phi * p.2 + 1)
        t += 1
    }
    return (m.0, m.1, p, w)
}

@Suite("Local-trend design")
struct LocalTrendDesignTests {
    let h = TrendHyperparameters(levelRatio: 0.6, noiseRatio: 0.4, damping: 0.85, scaleShape: 3, scaleRate: 0.01)

    @Test("Origin state and innovations equal a diffuse Kalman filter's, with gaps and a later origin")
    func matchesKalman() throws {
        let steps = [0, 1, 2, 4, 5, 7, 8, 9]
        let values = [0.1, 0.35, 0.52, 1.1, 1.2, 1.9, 2.3, 2.4]
        let design = try LocalTrendDesign(h, steps: steps, originStep: 11)
        let state = values.withUnsafeBufferPointer { design.apply($0) }
        let k = kalman(h, steps: steps, values: values, originStep: 11)
        #expect(abs(state.level - k.level) < 1e-5)
        #expect(abs(state.slope - k.slope) < 1e-5)
        #expect(abs(design.stateCovariance.0 - k.cov.0) < 1e-5 * k.cov.0)
        #expect(abs(design.stateCovariance.1 - k.cov.1) < 1e-5 * abs(k.cov.1))
        #expect(abs(design.stateCovariance.2 - k.cov.2) < 1e-5 * k.cov.2)
        #expect(abs(state.q - k.innovations.map { $0 * $0 }.reduce(0, +)) < 1e-6 * state.q)
        // Capped innovations: each square is limited to the cap.
        let cap = 0.01
        let capped = values.withUnsafeBufferPointer { design.apply($0, cap: cap) }
        #expect(abs(capped.q - k.innovations.map { min($0 * $0, cap) }.reduce(0, +)) < 1e-6)
    }

    @Test("A stationary slope start equals a Kalman filter whose slope starts at N(0, λ/(1 − φ²))")
    func stationarySlopeMatchesKalman() throws {
        var stationary = h
        stationary.stationarySlope = true
        #expect(stationary.diffuseStateCount == 1 && h.diffuseStateCount == 2)
        let steps = [0, 1, 3, 4, 6]
        let values = [1.2, 1.5, 1.1, 1.9, 1.6]
        let design = try LocalTrendDesign(stationary, steps: steps, originStep: 8)
        #expect(design.innovationCount == steps.count - 1)
        let state = values.withUnsafeBufferPointer { design.apply($0) }
        let k = kalman(stationary, steps: steps, values: values, originStep: 8,
                       slopeVariance: 1 / (1 - stationary.damping * stationary.damping), firstInnovation: 1)
        #expect(abs(state.level - k.level) < 1e-6)
        #expect(abs(state.slope - k.slope) < 1e-6)
        #expect(abs(design.stateCovariance.0 - k.cov.0) < 1e-6 * k.cov.0)
        #expect(abs(design.stateCovariance.1 - k.cov.1) < 1e-6 * abs(k.cov.1))
        #expect(abs(design.stateCovariance.2 - k.cov.2) < 1e-6 * k.cov.2)
        #expect(abs(state.q - k.innovations.map { $0 * $0 }.reduce(0, +)) < 1e-6 * state.q)
        // Three noisy points rising (0, 3, 4 counts on log(x + 1)) with little slope variance, as the noisy defaults
        // have: a flat-prior slope reads the first step as a trend to carry; a stationary one all but ignores it.
        var noisy = TrendHyperparameters(levelRatio: 3, noiseRatio: 6, damping: 0.5, scaleShape: 3, scaleRate: 0.01)
        let rising = [0, log(4.0), log(5.0)]
        let free = try rising.withUnsafeBufferPointer { try LocalTrendDesign(noisy, steps: [0, 1, 2], originStep: 2).apply($0) }
        noisy.stationarySlope = true
        let held = try rising.withUnsafeBufferPointer { try LocalTrendDesign(noisy, steps: [0, 1, 2], originStep: 2).apply($0) }
        #expect(free.slope > 0.1 && abs(held.slope) < 0.1 * free.slope, "slope \(held.slope) against \(free.slope)")
    }

    @Test("Undamped, a straight line on the latent scale is extrapolated exactly with no innovation")
    func straightLine() throws {
        var undamped = h
        undamped.damping = 1
        let design = try LocalTrendDesign(undamped, steps: Array(0..<6), originStep: 5)
        let line = (0..<6).map { 2 + 0.3 * Double($0) }
        let state = line.withUnsafeBufferPointer { design.apply($0) }
        #expect(abs(state.level - 3.5) < 1e-10)
        #expect(abs(state.slope - 0.3) < 1e-10)
        #expect(state.q < 1e-20)
    }

    @Test("Forecast quantiles are the Student-t marginals of the recursion, mapped through the transform")
    func forecastQuantiles() throws {
        let series = Series(unit: "A", indicator: "s", kind: .share, firstYear: 2015, values: [0.50, 0.55, 0.61, 0.64, 0.70, 0.73])
        let calibration = TrendCalibration(hyperparameters: h, horizonScale: [0.8, 1.1], stepPeriods: 1, source: .defaults)
        let f = try TrendForecaster(kind: .share).fit(series: series, calibration: calibration)
        #expect(f.degreesOfFreedom == 2 * 3 + 6 - 2)
        #expect(f.period(atStep: 3) == .year(2023))
        let levels = [0.05, 0.5, 0.95]
        for step in [1, 2, 6] {
            let q = f.quantiles(horizon: step, levels: levels)
            #expect(q[0] < q[1] && q[1] < q[2] && q[2] < 1 && q[0] > 0)
            for (l, v) in zip(levels, q) { #expect(abs(f.probability(atMost: v, horizon: step) - l) < 1e-10) }
        }
        // Conformal factors scale the latent spread: step 2 gets 1.1, step 6 the last factor (1.1) too.
        let (loc, scale) = f.latentLocationScale(horizon: 2)
        let raw = f.latentMoments(horizon: 2)
        #expect(abs(scale - 1.1 * (raw.variance * f.posteriorRate / f.posteriorShape).squareRoot()) < 1e-12)
        #expect(loc == raw.mean)
    }
}
