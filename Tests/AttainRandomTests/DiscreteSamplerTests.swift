import Testing
@testable import AttainRandom

// Tolerances: moments within 4 standard errors; Pearson chi-square below the 0.999 quantile, cells pooled to expect ≥ 5.

private func draws(_ n: Int, seed: UInt64, _ f: (inout Xoshiro256StarStar) -> Int) -> [Int] {
    var rng = Xoshiro256StarStar(seed: seed)
    return (0..<n).map { _ in f(&rng) }
}

/// A support window of ±`width` standard deviations around the mean, clipped to ≥ 0 (and ≤ `upper`).
private func window(mean: Double, sd: Double, width: Double = 9, upper: Int = .max) -> ClosedRange<Int> {
    max(0, Int(mean - width * sd))...min(upper, Int(mean + width * sd) + 1)
}

// (count, probability): inversion, symmetric inversion, BTRS near its threshold, BTRS, symmetric BTRS, huge n with tiny p.
@Test(arguments: [(20, 0.3), (50, 0.95), (100, 0.12), (1000, 0.4), (1_000_000, 0.999), (1_000_000_000, 3e-9),
                  (10_000_000, 0.5)])
func binomialMomentsAndChiSquare(n: Int, p: Double) {
    let k = draws(100_000, seed: 11) { $0.binomial(count: n, probability: p) }
    #expect(k.allSatisfy { $0 >= 0 && $0 <= n })
    let mean = Double(n) * p, variance = Double(n) * p * (1 - p)
    #expect(Moments(k).agrees(mean: mean, variance: variance))
    let (stat, df) = chiSquare(k, pmf: { binomialPMF($0, n, p) },
                               support: window(mean: mean, sd: variance.squareRoot(), upper: n))
    #expect(df >= 2)
    #expect(stat < chiSquareCritical(df), "chi-square \(stat) on \(df) df")
}

@Test func binomialDegenerateInputs() {
    var rng = Xoshiro256StarStar(seed: 12)
    #expect(rng.binomial(count: 0, probability: 0.5) == 0)
    #expect(rng.binomial(count: -3, probability: 0.5) == 0)
    #expect(rng.binomial(count: 10, probability: 0) == 0)
    #expect(rng.binomial(count: 10, probability: -0.1) == 0)
    #expect(rng.binomial(count: 10, probability: 1) == 10)
    #expect(rng.binomial(count: 10, probability: 1.5) == 10)
    #expect(rng.binomial(count: 10, probability: .nan) == 0)
}

@Test(arguments: [0.05, 3.0, 9.99, 10.0, 55.0, 1234.5, 1e7])
func poissonMomentsAndChiSquare(mean: Double) {
    let k = draws(100_000, seed: 13) { $0.poisson(mean: mean) }
    #expect(k.allSatisfy { $0 >= 0 })
    #expect(Moments(k).agrees(mean: mean, variance: mean))
    let (stat, df) = chiSquare(k, pmf: { poissonPMF($0, mean) }, support: window(mean: mean, sd: mean.squareRoot()))
    #expect(mean < 0.1 || df >= 2)
    #expect(stat < chiSquareCritical(max(df, 3)), "chi-square \(stat) on \(df) df")
}

@Test func poissonDegenerateInputs() {
    var rng = Xoshiro256StarStar(seed: 14)
    #expect(rng.poisson(mean: 0) == 0)
    #expect(rng.poisson(mean: -2) == 0)
    #expect(rng.poisson(mean: .nan) == 0)
    #expect(rng.poisson(mean: .infinity) > 0)
}

// (mean, size): strong overdispersion, moderate, nearly Poisson, tiny mean, large mean.
@Test(arguments: [(5.0, 0.5), (100.0, 10.0), (2.0, 1000.0), (0.3, 2.0), (5000.0, 3.0)])
func negativeBinomialMomentsAndChiSquare(mean: Double, size: Double) {
    let k = draws(100_000, seed: 15) { $0.negativeBinomial(mean: mean, dispersion: size) }
    #expect(k.allSatisfy { $0 >= 0 })
    let variance = mean + mean * mean / size
    #expect(Moments(k).agrees(mean: mean, variance: variance))
    let sd = variance.squareRoot()
    // The NB is right-skewed: a wide window on the right, capped to keep the pmf loop short.
    let support = 0...Int(mean + 30 * sd + 20)
    let (stat, df) = chiSquare(k, pmf: { negativeBinomialPMF($0, mean: mean, size: size) }, support: support)
    #expect(df >= 2)
    #expect(stat < chiSquareCritical(max(df, 3)), "chi-square \(stat) on \(df) df")
}

@Test func negativeBinomialLimits() {
    var a = Xoshiro256StarStar(seed: 16), b = Xoshiro256StarStar(seed: 16)
    // Infinite (or invalid) dispersion is the Poisson, draw for draw.
    for _ in 0..<100 { #expect(a.negativeBinomial(mean: 7, dispersion: .infinity) == b.poisson(mean: 7)) }
    #expect(a.negativeBinomial(mean: 0, dispersion: 1) == 0)
    #expect(a.negativeBinomial(mean: -1, dispersion: 1) == 0)
}

@Test func logFactorialMatchesLogGamma() {
    for k in [0, 1, 2, 10, 255, 256, 257, 1000, 123_456, 10_000_000] {
        let exact = logGammaFunction(Double(k) + 1)
        #expect(abs(logFactorial(k) - exact) <= 1e-13 * max(1, abs(exact)), "k = \(k)")
    }
}
