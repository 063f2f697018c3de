extension Xoshiro256StarStar {
    /// A binomial draw: the number of successes in `count` independent trials with success probability `probability`.
    ///
    /// Exact for every `count`. With `p = min(probability, 1 − probability)` (the other case by symmetry): when
    /// `count · p < 10`, inversion by sequential search from 0 (O(count · p) steps); otherwise Hörmann's BTRS transformed
    /// rejection (1993), O(1) expected time with about 1.15 uniforms pairs per draw.
    /// Degenerate input never traps: `count ≤ 0` or `probability ≤ 0` gives 0, `probability ≥ 1` gives `count`, and a
    /// NaN probability gives 0.
    @inlinable
    public mutating func binomial(count: Int, probability: Double) -> Int {
        guard count > 0, probability > 0 else { return 0 }
        guard probability < 1 else { return count }
        if probability > 0.5 { return count - binomialSmallP(count: count, p: 1 - probability) }
        return binomialSmallP(count: count, p: probability)
    }

    /// Binomial with `p ≤ ½`.
    @usableFromInline
    mutating func binomialSmallP(count n: Int, p: Double) -> Int {
        let np = Double(n) * p
        if np < 10 { return binomialInversion(count: n, p: p) }
        return binomialBTRS(count: n, p: p)
    }

    /// Inversion: walk the pmf `f(k+1) = f(k) · (n − k)/(k + 1) · p/q` from `f(0) = qⁿ` until the uniform is used up.
    @usableFromInline
    mutating func binomialInversion(count n: Int, p: Double) -> Int {
        let q = 1 - p
        let s = p / q
        let a = Double(n + 1) * s
        let f0 = _exp(Double(n) * _ln1p(-p))
        while true {
            var f = f0
            var u = uniform()
            var k = 0
            while u > f {
                u -= f
                k += 1
                if k > n { break }  // rounding left a sliver of probability: start again
                f *= a / Double(k) - s
            }
            if k <= n { return k }
        }
    }

    /// BTRS (Hörmann 1993, "The generation of binomial random variates"), for `n p ≥ 10` and `p ≤ ½`.
    @usableFromInline
    mutating func binomialBTRS(count n: Int, p: Double) -> Int {
        let q = 1 - p
        let dn = Double(n)
        let spq = (dn * p * q).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = dn * p + 0.5
        let vr = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * spq
        let m = Int((dn + 1) * p)
        // Only about a third of draws reach the exact test; its constants are computed on first need.
        var lpq = 0.0, h = Double.nan
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let kd = ((2 * a / us + b) * u + c).rounded(.down)
            if kd < 0 || kd > dn { continue }
            let k = Int(kd)
            if us >= 0.07 && v <= vr { return k }
            if h.isNaN {
                lpq = _ln(p / q)
                h = logFactorial(m) + logFactorial(n - m)
            }
            let lhs = _ln(v * alpha / (a / (us * us) + b))
            if lhs <= h - logFactorial(k) - logFactorial(n - k) + Double(k - m) * lpq { return k }
        }
    }
}
