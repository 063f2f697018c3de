import AttainRandom
import Foundation

/// A window's local-trend fit when part of each observation's noise is known and fixed rather than proportional to the
/// unit's scale of change `λ`: the binomial sampling noise of a share counted out of a known denominator.
///
/// The model of ``TrendHyperparameters`` keeps every variance proportional to `λ`, which makes `λ`'s posterior
/// inverse-gamma and every marginal a Student-t. A known variance `vᵢ` per observation breaks that: the observations'
/// covariance is `λ·S + diag(v)`. So `λ` is integrated out numerically, on a grid of `log λ`:
/// ```
/// p(y) = ∫ N_restricted(y; λ·(S + diag(v)/λ)) · InverseGamma(λ; α, b) dλ
/// ```
/// one ``LocalTrendDesign`` per grid point (the trapezoid rule on `log λ`, whose integrand is smooth and decays at both
/// ends, converges geometrically). With `v = 0` the integral is the closed form of
/// ``TrendForecaster/logEvidence(_:steps:deepest:hyperparameters:)``, and the posterior the conjugate one, to 10⁻⁴.
///
/// For the forecast, `λ`'s grid posterior is summarised by the inverse-gamma with the same `E[1/λ]` and `E[log λ]`, and
/// the state by its posterior mean and covariance (the state's covariance given `λ`, averaged, plus the spread of its mean
/// across `λ`), so the forecast keeps its Student-t marginals and coherent paths. Cost: some tens to a hundred designs
/// of the window's size (one per grid point).
struct ScaleIntegral {
    /// The hyperparameters integrated under.
    let hyperparameters: TrendHyperparameters
    /// The log restricted marginal likelihood (the uncapped innovations), comparable with
    /// ``TrendForecaster/logEvidence(_:steps:deepest:hyperparameters:)`` under the same flat-prior states.
    let logEvidence: Double
    /// Posterior mean of the latent level and slope at the origin.
    let level: Double, slope: Double
    /// The state covariance per unit of the scale `posteriorRate / posteriorShape`.
    let stateCovariance: (Double, Double, Double)
    /// The inverse-gamma summary of `λ`'s posterior (the innovations capped as in every fit).
    let posteriorShape: Double, posteriorRate: Double
    /// Grid points used.
    let gridCount: Int

    /// Integrates `λ` out of the fit of latent `values` at grid `steps` (origin at step `deepest`) under `h`, with
    /// `knownVariance[i]` the fixed latent-scale variance of observation `i`'s sampling noise.
    init(_ values: [Double], steps: [Int], deepest: Int, hyperparameters h: TrendHyperparameters, knownVariance: [Double]) throws {
        precondition(knownVariance.count == values.count, "one known variance per value")
        hyperparameters = h
        let relative = steps.map { $0 - steps[0] }, origin = deepest - steps[0]
        let m = Double(values.count - h.diffuseStateCount), a = h.scaleShape, b = h.scaleRate
        let constant = -0.5 * m * log(2 * Double.pi) + a * log(b) - logGamma(a)
        // The integrand's width in log λ is about 1/√(α + m/2), and the trapezoid rule on a smooth integrand over the
        // whole line converges geometrically: steps of that width leave errors of about 10⁻⁵ in the log evidence and
        // 10⁻⁴ in the posterior's shape and rate (tested against the closed form), far below the Monte Carlo error of
        // any probability, at half the designs of steps 0.6 as wide. Below b/50 the prior's e^{−b/λ} has killed
        // everything; the walk ends once the integrand has fallen e^{−30} below its peak on the way down.
        let du = 1 / (1 + a + m / 2).squareRoot()
        var u = log(b / 50)
        var us = [Double](), exact = [Double](), capped = [Double](), levels = [Double](), slopes = [Double]()
        var covariances = [(Double, Double, Double)]()
        var topExact = -Double.infinity, topCapped = -Double.infinity
        for _ in 0..<4000 {
            let lambda = exp(u)
            let design = try LocalTrendDesign(h, steps: relative, originStep: origin, knownNoise: knownVariance.map { $0 / lambda })
            let fit = values.withUnsafeBufferPointer { design.apply($0) }
            let clipped = values.withUnsafeBufferPointer { design.apply($0, cap: h.innovationCap) }
            let common = constant - 0.5 * design.logDeterminant - (a + m / 2) * u - b / lambda
            let ge = common - fit.q / (2 * lambda), gc = common - clipped.q / (2 * lambda)
            guard ge.isFinite, gc.isFinite else { throw ForecastError.invalidArgument("the window's likelihood is not finite at λ = \(lambda)") }
            us.append(u); exact.append(ge); capped.append(gc)
            levels.append(fit.level); slopes.append(fit.slope); covariances.append(design.stateCovariance)
            topExact = max(topExact, ge); topCapped = max(topCapped, gc)
            if ge < topExact - 30, gc < topCapped - 30 { break }
            u += du
        }
        gridCount = us.count
        logEvidence = topExact + log(exact.reduce(0) { $0 + exp($1 - topExact) } * du)
        // The posterior of log λ on the grid, and its summaries.
        var w = capped.map { exp($0 - topCapped) }
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        var precision = 0.0, logPrecision = 0.0, level = 0.0, slope = 0.0
        for j in w.indices {
            precision += w[j] * exp(-us[j]); logPrecision -= w[j] * us[j]
            level += w[j] * levels[j]; slope += w[j] * slopes[j]
        }
        let shape = Self.gammaShape(logMeanOverMeanLog: log(precision) - logPrecision)
        posteriorShape = shape
        posteriorRate = shape / precision
        self.level = level
        self.slope = slope
        // Per unit scale: the covariance given λ per unit λ, averaged, plus the spread of the mean over λ in units of
        // the typical scale rate/shape. With no known noise every design is the same and this is its covariance.
        let perScale = shape / posteriorRate
        var p00 = 0.0, p01 = 0.0, p11 = 0.0
        for j in w.indices {
            let dl = levels[j] - level, ds = slopes[j] - slope
            p00 += w[j] * (covariances[j].0 + dl * dl * perScale)
            p01 += w[j] * (covariances[j].1 + dl * ds * perScale)
            p11 += w[j] * (covariances[j].2 + ds * ds * perScale)
        }
        stateCovariance = (p00, p01, p11)
    }

    /// The shape `k` of the gamma law with `log E[τ] − E[log τ] = s`, that is `log k − ψ(k) = s` (Minka's start, then
    /// Newton's method); large when the posterior is a spike.
    static func gammaShape(logMeanOverMeanLog s: Double) -> Double {
        guard s > 1e-12 else { return 1e8 }
        var k = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
        for _ in 0..<20 {
            let f = log(k) - digamma(k) - s, df = 1 / k - trigamma(k)
            let next = k - f / df
            let converged = abs(next - k) <= 1e-13 * k
            k = next > 0 ? next : k / 2
            if converged { break }
        }
        return min(k, 1e8)
    }

    /// `ψ(x)` for `x > 0`: shifted above 6 by the recursion, then the asymptotic series.
    static func digamma(_ x: Double) -> Double {
        var shift = 0.0, y = x
        while y < 6 { shift += 1 / y; y += 1 }
        let r = 1 / (y * y)
        return log(y) - 0.5 / y - r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r / 132)))) - shift
    }

    /// `ψ′(x)` for `x > 0`: shifted above 6 by the recursion, then the asymptotic series.
    static func trigamma(_ x: Double) -> Double {
        var shift = 0.0, y = x
        while y < 6 { shift += 1 / (y * y); y += 1 }
        let r = 1 / (y * y)
        return 1 / y + 0.5 * r + r / y * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r / 30))) + shift
    }
}
