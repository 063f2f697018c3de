import Testing
@testable import AttainRandom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Tolerances: moments within 4 standard errors; KS at level 0.001. The seeds are fixed, so each test is deterministic;
// the thresholds say how unusual the sample would have to be for a correct sampler to fail.

private func draws(_ n: Int, seed: UInt64, _ f: (inout Xoshiro256StarStar) -> Double) -> [Double] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<n).map { _ in f(&rng) }
}

@Test func uniformMomentsAndRange() {
    let u = draws(200_000, seed: 1) { $0.uniform() }
    #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(Moments(u).agrees(mean: 0.5, variance: 1.0 / 12))
    #expect(ksStatistic(u) { min(max($0, 0), 1) } < ksCritical(u.count))
    let o = draws(200_000, seed: 2) { $0.uniformOpen() }
    #expect(o.allSatisfy { $0 > 0 && $0 < 1 })
    #expect(Moments(o).agrees(mean: 0.5, variance: 1.0 / 12))
}

@Test func uniformIsTop53Bits() {
    var a = Xoshiro256StarStar(seed: 9), b = Xoshiro256StarStar(seed: 9)
    for _ in 0..<100 { #expect(a.uniform() == Double(b.next() >> 11) / 9_007_199_254_740_992) }
}

@Test func normalMomentsAndKS() {
    let z = draws(300_000, seed: 3) { $0.normal() }
    let m = Moments(z)
    #expect(m.agrees(mean: 0, variance: 1))
    #expect(ksStatistic(z, cdf: normalCDF) < ksCritical(z.count))
    // Tails: P(|Z| > 3.654) = 2.58e-4, the part drawn by the ziggurat's tail method; expect 77 ± 4·8.8 of 300 000.
    let tail = z.filter { abs($0) > zigguratR }.count
    #expect(abs(Double(tail) - 77.4) < 4 * 8.8)
    // Symmetry of the sign bit.
    let positive = z.filter { $0 > 0 }.count
    #expect(abs(Double(positive) - 150_000) < 4 * 274)
}

@Test func normalWithMeanAndSD() {
    let x = draws(100_000, seed: 4) { $0.normal(mean: -3, sd: 0.25) }
    #expect(Moments(x).agrees(mean: -3, variance: 0.0625))
}

@Test func exponentialMomentsAndKS() {
    let x = draws(100_000, seed: 5) { $0.exponential() }
    #expect(Moments(x).agrees(mean: 1, variance: 1))
    #expect(ksStatistic(x) { 1 - exp(-$0) } < ksCritical(x.count))
}

@Test(arguments: [0.05, 0.3, 1.0, 2.5, 40.0])
func gammaMomentsAndKS(shape: Double) {
    let scale = 2.0
    let x = draws(100_000, seed: 6) { $0.gamma(shape: shape, scale: scale) }
    #expect(x.allSatisfy { $0 >= 0 && $0.isFinite })
    #expect(Moments(x).agrees(mean: shape * scale, variance: shape * scale * scale))
    // KS on the first 30 000 draws (each needs an incomplete-gamma evaluation, slow in a debug build).
    let head = Array(x.prefix(30_000))
    #expect(ksStatistic(head) { regularizedGammaP(shape, $0 / scale) } < ksCritical(head.count))
}

@Test func gammaRejectsInvalidParameters() {
    var rng = Xoshiro256StarStar(seed: 7)
    #expect(rng.gamma(shape: 0, scale: 1).isNaN)
    #expect(rng.gamma(shape: -1, scale: 1).isNaN)
    #expect(rng.gamma(shape: 2, scale: 0).isNaN)
    #expect(rng.gamma(shape: .nan, scale: 1).isNaN)
    #expect(rng.beta(0, 1).isNaN)
    #expect(rng.beta(1, .infinity).isNaN)
}

@Test(arguments: [(2.0, 3.0), (0.5, 0.5), (0.02, 0.3), (50.0, 1.0), (0.7, 300.0)])
func betaMoments(a: Double, b: Double) {
    let x = draws(100_000, seed: 8) { $0.beta(a, b) }
    #expect(x.allSatisfy { $0 >= 0 && $0 <= 1 })
    let mean = a / (a + b)
    let variance = a * b / ((a + b) * (a + b) * (a + b + 1))
    #expect(Moments(x).agrees(mean: mean, variance: variance))
    // Beta(a, 1) has CDF x^a: a KS check on one case, independent of the gamma route.
    if b == 1 { #expect(ksStatistic(x) { pow(min(max($0, 0), 1), a) } < ksCritical(x.count)) }
}
