extension Xoshiro256StarStar {
    /// A Poisson draw with the given mean.
    ///
    /// Mean below 10: inversion by sequential search (O(mean) steps). Otherwise Hörmann's PTRS transformed rejection
    /// (1993), O(1) expected time. Exact for means up to 2⁵²; larger or infinite means are clamped to 2⁵², and a mean that
    /// is not positive (or NaN) gives 0, so degenerate input never traps.
    @inlinable
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let lambda = min(mean, 0x1p52)
        if lambda < 10 { return poissonInversion(mean: lambda) }
        return poissonPTRS(mean: lambda)
    }

    /// Inversion for small means: `f(k) = f(k − 1) · λ / k` from `f(0) = e^−λ`.
    @usableFromInline
    mutating func poissonInversion(mean lambda: Double) -> Int {
        let f0 = _exp(-lambda)
        while true {
            var u = uniform()
            var f = f0
            var k = 0
            while u > f {
                u -= f
                k += 1
                f *= lambda / Double(k)
                if f == 0 && u > 0 { break }  // rounding left a sliver: start again (probability ≈ 1e-16)
            }
            if u <= f { return k }
        }
    }

    /// PTRS (Hörmann 1993, "The transformed rejection method for generating Poisson random variables"), for mean ≥ 10.
    @usableFromInline
    mutating func poissonPTRS(mean lambda: Double) -> Int {
        let slam = lambda.squareRoot()
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let vr = 0.9277 - 3.6224 / (b - 2)
        // Most draws return at the squeeze; the exact test's constants are computed on first need.
        var logLambda = 0.0, logInvAlpha = Double.nan
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let kd = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(kd) }
            if kd < 0 || (us < 0.013 && v > us) { continue }
            if logInvAlpha.isNaN {
                logLambda = _ln(lambda)
                logInvAlpha = _ln(1.1239 + 1.1328 / (b - 3.4))
            }
            let k = Int(kd)
            if _ln(v) + logInvAlpha - _ln(a / (us * us) + b) <= -lambda + kd * logLambda - logFactorial(k) { return k }
        }
    }

    /// A negative binomial draw with the given mean `μ` and dispersion (size) `r`: variance `μ + μ²/r`.
    ///
    /// Drawn as the gamma–Poisson mixture `Poisson(Λ)`, `Λ ~ Gamma(shape: r, scale: μ/r)`. This is the NB2 / R
    /// `rnbinom(size = r, mu = μ)` parameterisation: smaller `dispersion` means more overdispersion, and
    /// `dispersion = .infinity` gives the Poisson. A mean that is not positive gives 0, an infinite one is clamped as in ``poisson(mean:)``; a dispersion that is not positive
    /// (or NaN) is treated as infinite, so degenerate input never traps.
    @inlinable
    public mutating func negativeBinomial(mean: Double, dispersion: Double) -> Int {
        guard mean > 0 else { return 0 }
        guard mean.isFinite else { return poisson(mean: mean) }
        guard dispersion > 0, dispersion.isFinite else { return poisson(mean: mean) }
        return poisson(mean: gamma(shape: dispersion, scale: mean / dispersion))
    }
}
