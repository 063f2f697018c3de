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

    /// The sequential searches take terms in blocks of this many with no data-dependent branch inside a block: the
    /// number of CDF values below `u` in a block is the draw's offset in it (the CDF only grows), so a draw costs one
    /// well-predicted branch a block instead of a mispredicted loop exit. The result is the same as term by term.
    @inlinable static var block: Int { 8 }

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
                var k = 0, p = expNegLambda, cdf = p          // the term and the CDF at k
                while k < inv.count &- block {                // a draw past the table has probability below 10⁻³⁰⁰
                    var below = 0, term = p, c = cdf
                    for j in 1...block {
                        below &+= c < u ? 1 : 0
                        term *= lambda * inv[k &+ j]
                        c += term
                    }
                    if below < block { return Double(k &+ below) }
                    if term < 1e-300 { return Double(k &+ block) }     // the CDF has stopped growing short of u
                    k &+= block
                    p = term
                    cdf = c
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
    /// φ·n·p(1−p) (quasi-binomial year-to-year variation); it is ignored on the exact branch. When many draws share
    /// one `p`, `powers` (``ComplementPowers``) may carry the first powers of `1 − min(p, 1 − p)` in a table; the
    /// exact branch otherwise computes the one it needs (same value either way).
    @inlinable
    package static func binomial(_ n: Double, _ p: Double, _ u: Double, dispersion: Double = 1, powers: ComplementPowers? = nil) -> Double {
        guard n >= 1, p > 0 else { return 0 }
        if p >= 1 { return n.rounded(.down) }
        let trials = n.rounded(.down)
        if trials * min(p, 1 - p) < exactLimit && dispersion <= 1 || trials < 2 * exactLimit {
            let first = powers?.power(trials) ?? complementPower(min(p, 1 - p), trials)
            if p > 0.5 { return trials - exactBinomial(trials, 1 - p, 1 - u, firstTerm: first) }
            return exactBinomial(trials, p, u, firstTerm: first)
        }
        // Mean, widened SD s, and the skewness term s·γ·(z² − 1)/6 with s·γ = √φ·(1 − 2p): no division on the way.
        let z = StandardNormal.quantile(u)
        let s = (dispersion * trials * p * (1 - p)).squareRoot()
        let x = trials * p + s * z + dispersion.squareRoot() * (1 - 2 * p) * (z * z - 1) / 6
        return min(trials, max(0, (x + 0.5).rounded(.down)))
    }

    /// `(1 − q)ⁿ` for a whole number `n ≥ 0`, the first term of the binomial searches: by repeated squaring below 1024 (at most 20 multiplications, no
    /// branch on the bits, relative error about `log₂(n)` ulps, cheaper than `exp(n · log1p(−q))`), above it by
    /// `exp(n · log1p(−q))`.
    @inlinable
    package static func complementPower(_ q: Double, _ n: Double) -> Double {
        guard n < 1024 else { return exp(n * log1p(-q)) }
        var base = 1 - q, result = 1.0, bits = Int(n)
        while bits > 0 {
            result *= bits & 1 != 0 ? base : 1
            base *= base
            bits >>= 1
        }
        return result
    }

    /// Sequential search from 0 for Binomial(n, p ≤ ½); `firstTerm` is `(1 − p)ⁿ`.
    @inlinable
    static func exactBinomial(_ n: Double, _ p: Double, _ u: Double, firstTerm: Double) -> Double {
        let ratio = p / (1 - p)
        return reciprocals.withUnsafeBufferPointer { inv in
            var k = 0, pmf = firstTerm, cdf = pmf             // the term and the CDF at k
            // The exact branch has a mean below 30 or n below 60, so a draw past the table (k ≥ 1016) has probability
            // below 10⁻³⁰⁰: the search stops there.
            while Double(k) < n && k < inv.count &- block {
                var below = 0, term = pmf, c = cdf
                for j in 1...block {
                    below &+= c < u ? 1 : 0
                    let next = k &+ j                           // terms past n are 0: the CDF stays put there
                    term *= ratio * (n - Double(next &- 1)) * inv[next]
                    c += term
                }
                if below < block { return min(Double(k &+ below), n) }
                k &+= block
                pmf = term
                cdf = c
            }
            return min(Double(k), n)
        }
    }
}

/// `(1 − q)ⁿ` for the binomial searches of many draws sharing one success probability: `q = min(p, 1 − p)`.
///
/// Powers below ``tableSize`` come from a table computed once, each exactly ``Inversion/complementPower(_:_:)`` as the
/// search would compute it, so a draw costs a load instead of up to 20 multiplications and gives the same number as
/// without the table.
package struct ComplementPowers: Sendable {
    /// Whole-number exponents with a stored power.
    package static let tableSize = 1024
    /// The success probability.
    package let p: Double
    @usableFromInline let table: [Double]

    /// The powers for success probability `p`.
    package init(p: Double) {
        self.p = p
        let q = min(p, 1 - p)
        table = (0..<Self.tableSize).map { Inversion.complementPower(q, Double($0)) }
    }

    /// `(1 − q)ⁿ` for a whole number `n ≥ 0`.
    @inlinable
    package func power(_ n: Double) -> Double {
        n < Double(table.count) ? table[Int(n)] : Inversion.complementPower(min(p, 1 - p), n)
    }
}
