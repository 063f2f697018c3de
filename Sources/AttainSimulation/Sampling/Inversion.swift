import AttainForecast
import Foundation

/// Draws by inversion of the distribution function: one uniform in, one value out, monotone in the parameters.
///
/// The simulation draws every variate whose distribution a lever can change (counts given an intensity, recruits given
/// a hazard) by inversion, so a path consumes the same uniforms whatever the lever, and a larger rate gives a larger or
/// equal draw from the same uniform. Scenario differences and goal-seeking curves are then as smooth as Monte Carlo
/// allows (common random numbers with a monotone coupling).
package enum Inversion {
    /// Means below this are drawn exactly (sequential search); above it by a Cornish–Fisher normal approximation.
    package static let exactLimit = 30.0

    /// `1/k` for k = 0…1023 (entry 0 unused): the sequential searches multiply instead of divide.
    @usableFromInline static let reciprocals: [Double] = (0..<1024).map { $0 == 0 ? 0 : 1 / Double($0) }

    /// A Poisson(λ) count from the uniform `u` ∈ (0, 1).
    ///
    /// Exact sequential inversion for λ < 30 (O(λ) steps); above, the Cornish–Fisher expansion of the Poisson quantile
    /// `λ + z√λ + (z² − 1)/6 + (z³ − 7z)/(72√λ)` rounded, whose error in any tail probability is about 10⁻³ or less there.
    @inlinable
    package static func poisson(_ lambda: Double, _ u: Double) -> Double {
        poisson(lambda, u, expNegLambda: lambda < exactLimit ? exp(-lambda) : 0)
    }

    /// ``poisson(_:_:)`` with `e^{−λ}` already computed (callers drawing many counts at one mean compute it once).
    @inlinable
    package static func poisson(_ lambda: Double, _ u: Double, expNegLambda: Double) -> Double {
        guard lambda > 0 else { return 0 }
        if lambda < exactLimit {
            return reciprocals.withUnsafeBufferPointer { inv in
                var k = 0, p = expNegLambda, cdf = p
                while cdf < u && k < 1000 {
                    k += 1
                    p *= lambda * inv[k]
                    cdf += p
                    if p < 1e-300 && cdf < u { break }
                }
                return Double(k)
            }
        }
        let z = StandardNormal.quantile(u), s = lambda.squareRoot()
        let x = lambda + z * s + (z * z - 1) / 6 + (z * z * z - 7 * z) / (72 * s)
        return max(0, (x + 0.5).rounded(.down))
    }

    /// A Binomial(n, p) count from the uniform `u` ∈ (0, 1), monotone non-decreasing in `p` for fixed `u`.
    ///
    /// Exact sequential inversion when `n·min(p, 1−p) < 30` (or n < 60); otherwise the normal approximation with Cornish–Fisher
    /// skewness term, rounded and clamped to [0, n]. `dispersion` φ ≥ 1 widens the approximation's variance to
    /// φ·n·p(1−p) (quasi-binomial year-to-year variation); it is ignored on the exact branch. `logComplement`,
    /// `log(1 − min(p, 1 − p))`, may be passed when many draws share one `p`; otherwise the exact branch computes it.
    @inlinable
    package static func binomial(_ n: Double, _ p: Double, _ u: Double, dispersion: Double = 1, logComplement: Double? = nil) -> Double {
        guard n >= 1, p > 0 else { return 0 }
        if p >= 1 { return n.rounded(.down) }
        let trials = n.rounded(.down)
        if trials * min(p, 1 - p) < exactLimit && dispersion <= 1 || trials < 2 * exactLimit {
            let logComplement = logComplement ?? log1p(-min(p, 1 - p))
            if p > 0.5 { return trials - exactBinomial(trials, 1 - p, 1 - u, logComplement: logComplement) }
            return exactBinomial(trials, p, u, logComplement: logComplement)
        }
        let z = StandardNormal.quantile(u)
        let v = dispersion * trials * p * (1 - p), s = v.squareRoot()
        let skew = (1 - 2 * p) / (trials * p * (1 - p)).squareRoot()
        let x = trials * p + s * (z + skew * (z * z - 1) / 6)
        return min(trials, max(0, (x + 0.5).rounded(.down)))
    }

    @inlinable
    static func exactBinomial(_ n: Double, _ p: Double, _ u: Double, logComplement: Double) -> Double {
        let ratio = p / (1 - p)
        return reciprocals.withUnsafeBufferPointer { inv in
            var k = 0.0, pmf = exp(n * logComplement), cdf = pmf
            while cdf < u && k < n {
                let next = Int(k) + 1
                pmf *= ratio * (n - k) * (next < 1024 ? inv[next] : 1 / Double(next))
                k += 1
                cdf += pmf
            }
            return k
        }
    }
}
