import AttainRandom
import Foundation

/// The standard Student-t distribution with `ν` degrees of freedom: density, distribution function, quantile and CRPS.
///
/// ```swift
/// StudentT(degreesOfFreedom: 5).quantile(0.975)   // 2.570581835636314
/// ```
/// The distribution function is the regularized incomplete beta `I_x(ν/2, ½)` with `x = ν/(ν + t²)`, evaluated by its
/// continued fraction (modified Lentz, relative tolerance 1e-15). The quantile refines a normal-based start by
/// safeguarded Newton steps on the distribution function (about 5 evaluations). For `ν > 1e7` the normal is used.
public struct StudentT: Sendable, Hashable {
    /// Degrees of freedom `ν > 0`.
    public let degreesOfFreedom: Double

    /// The t distribution with `ν` degrees of freedom (`ν > 0`; `.infinity` gives the standard normal).
    public init(degreesOfFreedom: Double) { self.degreesOfFreedom = degreesOfFreedom }

    private var isNormal: Bool { degreesOfFreedom > 1e7 }

    /// `log` of the normalising constant `Γ((ν+1)/2) / (Γ(ν/2) √(νπ))`.
    private var logNormaliser: Double {
        let v = degreesOfFreedom
        return logGamma((v + 1) / 2) - logGamma(v / 2) - 0.5 * log(v * Double.pi)
    }

    /// Density at `t`.
    public func density(_ t: Double) -> Double {
        if isNormal { return StandardNormal.density(t) }
        let v = degreesOfFreedom
        return exp(logNormaliser - (v + 1) / 2 * log1p(t * t / v))
    }

    /// `P(T ≤ t)`.
    public func cdf(_ t: Double) -> Double {
        if isNormal { return StandardNormal.cdf(t) }
        if t.isNaN { return .nan }
        let v = degreesOfFreedom
        let x = v / (v + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(a: v / 2, b: 0.5, x: x)
        return t > 0 ? 1 - tail : tail
    }

    /// The `p`-quantile, `p` in (0, 1); ∓∞ at 0 and 1, NaN outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : p == 1 ? .infinity : .nan }
        if isNormal { return StandardNormal.quantile(p) }
        if p == 0.5 { return 0 }
        if p > 0.5 { return -quantile(1 - p) }
        // Lower tail from here on: the answer is negative.
        let v = degreesOfFreedom
        let z = StandardNormal.quantile(p)
        // Cornish–Fisher start (Abramowitz & Stegun 26.7.5), then bracket on the negative half-line.
        var t = z + (z * z * z + z) / (4 * v) + (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * v * v)
        if !(t < 0) || !t.isFinite { t = z }
        var lo = -Double.infinity, hi = 0.0
        for _ in 0..<100 {
            let f = cdf(t) - p
            if f > 0 { hi = t } else { lo = t }
            let d = density(t)
            var next = t - f / d
            if !(next > lo && next < hi) || !next.isFinite {
                next = lo.isFinite ? 0.5 * (lo + hi) : 2 * min(t, -1)
            }
            if abs(next - t) <= 1e-14 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }

    /// CRPS of the standard t at `z` (Jordan, Krüger & Lerch 2019); needs `ν > 1`. Scale by σ for `μ + σT`.
    ///
    /// `z(2F(z) − 1) + 2f(z)(ν + z²)/(ν − 1) − 2√ν B(½, ν − ½) / ((ν − 1) B(½, ν/2)²)`.
    public func crps(_ z: Double) -> Double {
        if isNormal { return StandardNormal.crps(mean: 0, sd: 1, outcome: z) }
        let v = degreesOfFreedom
        return z * (2 * cdf(z) - 1) + 2 * density(z) * (v + z * z) / (v - 1) - crpsConstant
    }

    /// The last term of ``crps(_:)``, which depends on `ν` only.
    var crpsConstant: Double {
        let v = degreesOfFreedom
        let logB1 = logBeta(0.5, v - 0.5), logB2 = logBeta(0.5, v / 2)
        return 2 * v.squareRoot() * exp(logB1 - 2 * logB2) / (v - 1)
    }
}

/// `log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b)`.
func logBeta(_ a: Double, _ b: Double) -> Double { logGamma(a) + logGamma(b) - logGamma(a + b) }

/// The regularized incomplete beta function `I_x(a, b)` for `a, b > 0`, `x` in [0, 1].
///
/// Uses the continued fraction for `I_x(a, b)` when `x < (a + 1)/(a + b + 2)` and the symmetry
/// `I_x(a, b) = 1 − I_{1−x}(b, a)` otherwise, so the fraction always converges quickly.
func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
        return exp(logFront) * betaContinuedFraction(a: a, b: b, x: x) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(a: b, b: a, x: 1 - x) / b
}

/// The continued fraction of the incomplete beta, evaluated by the modified Lentz method.
private func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...400 {
        let mm = Double(m)
        // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
        var coefficient = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
        d = 1 + coefficient * d; if abs(d) < tiny { d = tiny }
        c = 1 + coefficient / c; if abs(c) < tiny { c = tiny }
        d = 1 / d
        result *= d * c
        // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
        coefficient = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
        d = 1 + coefficient * d; if abs(d) < tiny { d = tiny }
        c = 1 + coefficient / c; if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        result *= delta
        if abs(delta - 1) < 1e-15 { break }
    }
    return result
}
