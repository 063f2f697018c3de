import Foundation
import Testing
@testable import AttainForecast

/// Numerical integral of `f` over [a, b] by composite Simpson with `n` (even) panels.
func simpson(_ f: (Double) -> Double, _ a: Double, _ b: Double, panels n: Int = 20_000) -> Double {
    let h = (b - a) / Double(n)
    var s = f(a) + f(b)
    for i in 1..<n { s += f(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
    return s * h / 3
}

@Suite("Distributions")
struct DistributionTests {
    @Test("Normal quantiles match reference values to 1e-14")
    func normalQuantiles() {
        // Φ⁻¹ reference values (scipy.stats.norm.ppf).
        let cases: [(Double, Double)] = [(0.975, 1.959963984540054), (0.5, 0), (0.1, -1.2815515655446004),
                                         (1e-10, -6.361340902404056), (0.999, 3.090232306167813)]
        for (p, z) in cases { #expect(abs(StandardNormal.quantile(p) - z) < 1e-13 * max(1, abs(z))) }
        for p in stride(from: 0.001, to: 1, by: 0.0137) { #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-14) }
    }

    @Test("Student-t quantiles match reference values (R qt) and invert the cdf")
    func studentQuantiles() {
        // Reference values: scipy.stats.t.ppf.
        let cases: [(Double, Double, Double)] = [(1, 0.975, 12.706204736174694), (2, 0.9, 1.8856180831641272),
                                                 (5, 0.975, 2.5705818356363146), (30, 0.05, -1.6972608865939574),
                                                 (2.5, 0.99, 5.353111173030872)]
        for (v, p, t) in cases {
            let q = StudentT(degreesOfFreedom: v).quantile(p)
            #expect(abs(q - t) < 1e-11 * max(1, abs(t)), "ν=\(v) p=\(p): \(q) vs \(t)")
        }
        for v in [1.5, 3.0, 7.0, 40.0] {
            let t = StudentT(degreesOfFreedom: v)
            for p in [0.001, 0.03, 0.3, 0.5, 0.77, 0.99] { #expect(abs(t.cdf(t.quantile(p)) - p) < 1e-12) }
            #expect(abs(t.cdf(-1.3) + t.cdf(1.3) - 1) < 1e-14)
        }
    }

    @Test("Student-t cdf integrates its density")
    func studentCDF() {
        let t = StudentT(degreesOfFreedom: 3.5)
        let integral = simpson(t.density, -1.1, 2.3)
        #expect(abs((t.cdf(2.3) - t.cdf(-1.1)) - integral) < 1e-10)
    }

    @Test("CRPS of a normal equals ∫(F − 1{x ≥ y})² dx")
    func normalCRPS() {
        for (mu, sd, y) in [(0.0, 1.0, 0.3), (2.0, 0.5, 3.1), (-1.0, 3.0, -7.0)] {
            // Split at y, where the integrand jumps, so Simpson's rule keeps its order.
            let lower = simpson({ x in let f = StandardNormal.cdf((x - mu) / sd); return f * f }, min(y, mu) - 12 * sd, y)
            let upper = simpson({ x in let f = 1 - StandardNormal.cdf((x - mu) / sd); return f * f }, y, max(y, mu) + 12 * sd)
            let numeric = lower + upper
            #expect(abs(StandardNormal.crps(mean: mu, sd: sd, outcome: y) - numeric) < 1e-6)
        }
    }

    @Test("CRPS of a Student-t equals ∫(F − 1{x ≥ y})² dx")
    func studentCRPS() {
        for (v, y) in [(3.0, 0.4), (6.0, -2.5)] {
            let t = StudentT(degreesOfFreedom: v)
            // The tails of F² and (1 − F)² decay like |x|^(−2ν); ±4000 leaves < 1e-8 for ν ≥ 3. Split at the jump at y.
            let lower = simpson({ x in let f = t.cdf(x); return f * f }, -4000, y, panels: 400_000)
            let upper = simpson({ x in let f = 1 - t.cdf(x); return f * f }, y, 4000, panels: 400_000)
            let numeric = lower + upper
            #expect(abs(t.crps(y) - numeric) < 1e-5, "ν=\(v)")
        }
    }
}
