import Foundation
import Testing
@testable import AttainSimulation

@Suite struct InversionTests {
    @Test func poissonInversionMatchesThePMFExactly() {
        // Exact branch: the count returned for u is the smallest k with F(k) ≥ u.
        let lambda = 3.7
        var cdf = [Double](), p = exp(-lambda), c = 0.0
        for k in 0..<40 { c += p; cdf.append(c); p *= lambda / Double(k + 1) }
        for u in stride(from: 0.0005, to: 1.0, by: 0.001) {
            let k = Int(Inversion.poisson(lambda, u))
            #expect(cdf[k] >= u && (k == 0 || cdf[k - 1] < u))
        }
    }

    @Test func poissonApproximationHasTheRightMomentsAndTail() {
        // Cornish–Fisher branch (λ ≥ 30): mean, variance and a tail probability on a fine uniform grid.
        let lambda = 250.0
        let n = 200_000
        var sum = 0.0, sq = 0.0, tail = 0
        for i in 0..<n {
            let k = Inversion.poisson(lambda, (Double(i) + 0.5) / Double(n))
            sum += k; sq += k * k
            if k >= 280 { tail += 1 }
        }
        let mean = sum / Double(n), variance = sq / Double(n) - mean * mean
        #expect(abs(mean - lambda) < 0.05)
        #expect(abs(variance / lambda - 1) < 0.01)
        // P(X ≥ 280) for Poisson(250) = 0.03201 (exact, from the pmf).
        var pmf = exp(-lambda), upper = 0.0
        for k in 0..<600 { if k >= 280 { upper += pmf }; pmf *= lambda / Double(k + 1) }
        #expect(abs(Double(tail) / Double(n) - upper) < 1e-3)
    }

    @Test func poissonApproximationIsCloseToExactNearTheSwitch() {
        // Just above the switch to Cornish–Fisher, every CDF value on a grid is within 2·10⁻³ of the exact one.
        for lambda in [30.0, 41.5] {
            let n = 100_000
            var counts = [Int](repeating: 0, count: 200)
            for i in 0..<n { counts[Int(Inversion.poisson(lambda, (Double(i) + 0.5) / Double(n)))] += 1 }
            var pmf = exp(-lambda), exact = 0.0, empirical = 0.0, worst = 0.0
            for k in 0..<150 {
                exact += pmf; empirical += Double(counts[k]) / Double(n)
                worst = max(worst, abs(exact - empirical))
                pmf *= lambda / Double(k + 1)
            }
            #expect(worst < 2e-3, "λ = \(lambda): worst CDF error \(worst)")
        }
    }

    @Test func binomialInversionIsExactForSmallCountsAndMonotoneInP() {
        let n = 30.0, p = 0.2
        var pmf = [Double](), c = 0.0
        for k in 0...30 {
            var logChoose = 0.0
            for j in 0..<k { logChoose += log(n - Double(j)) - log(Double(j + 1)) }
            pmf.append(exp(logChoose + Double(k) * log(p) + (n - Double(k)) * log(1 - p)))
        }
        var cdf: [Double] = []
        for x in pmf { c += x; cdf.append(c) }
        for u in stride(from: 0.001, to: 1.0, by: 0.01) {
            let k = Int(Inversion.binomial(n, p, u))
            #expect(cdf[k] >= u - 1e-12 && (k == 0 || cdf[k - 1] < u))
            // Monotone coupling: more probability never gives fewer successes, across both branches.
            #expect(Inversion.binomial(n, 0.8, u) >= Inversion.binomial(n, 0.7, u))
            #expect(Inversion.binomial(5000, 0.31, u, dispersion: 4) >= Inversion.binomial(5000, 0.3, u, dispersion: 4))
        }
    }

    @Test func tabulatedPowersGiveTheSameDrawsAsNone() {
        // ComplementPowers stores exactly what the search computes without it, below and above its table.
        for p in [0.97, 0.6, 0.2, 0.001] {
            let powers = ComplementPowers(p: p)
            for n in [1.0, 7, 70, 1023, 1500, 40_000] {
                #expect(powers.power(n) == Inversion.complementPower(min(p, 1 - p), n))
                for u in stride(from: 0.0005, to: 1.0, by: 0.0137) {
                    #expect(Inversion.binomial(n, p, u, powers: powers) == Inversion.binomial(n, p, u), "p = \(p), n = \(n), u = \(u)")
                }
            }
        }
    }

    #if arch(x86_64)     // the reference uses Float80
    @Test func complementPowerAgreesWithThePowerFunction() {
        // Repeated squaring below 1024, exp(n·log1p(−q)) above, against (1 − q)ⁿ in 80-bit arithmetic. Squaring starts
        // from 1 − q rounded to a Double, whose relative error (≤ 2⁻⁵³) grows n-fold: 2·10⁻¹³ relative covers n < 1024.
        for q in [1e-6, 0.003, 0.03, 0.2, 0.5] {
            for n in [0.0, 1, 2, 7, 19, 64, 500, 1023, 1024, 5000] {
                let exact = Double(expl(Float80(n) * log1pl(-Float80(q)))), ours = Inversion.complementPower(q, n)
                #expect(abs(ours - exact) <= 2e-13 * exact, "q = \(q), n = \(n): \(ours) against \(exact)")
            }
        }
        #expect(Inversion.complementPower(0.5, 0) == 1)
        #expect(Inversion.complementPower(0.5, 10) == 0x1p-10)
    }
    #endif
}
