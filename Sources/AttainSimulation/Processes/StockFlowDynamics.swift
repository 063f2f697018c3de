import Foundation

/// The deterministic core of the stock-flow model, in continuous time so that steps of any length compose.
///
/// Holders `S` leave at hazard `μ`; the population `P` (held at its end-of-step value) not holding the attribute
/// acquires it at hazard `ρ`: `dS/dt = −μS + ρ(P − S)`, whose solution over a step `Δ` is
/// `S(Δ) = S* + (S₀ − S*)·e^{−(μ+ρ)Δ}` with `S* = ρP/(μ + ρ)`. Two half-year steps give the same expectation as
/// one year, which is what lets a mid-year snapshot start the simulation.
enum StockFlowDynamics {
    /// Expected holders after a step of `step` years from `s0` holders, with population `p` during the step.
    @inline(__always)
    static func expectedHolders(from s0: Double, population p: Double, exitHazard mu: Double, acquisitionHazard rho: Double,
                                step: Double) -> Double {
        let total = mu + rho
        guard total > 0 else { return s0 }
        let target = rho * p / total
        return target + (s0 - target) * exp(-total * step)
    }

    /// The probability that a non-holder at risk (present at the end of the step) acquires the attribute during it,
    /// chosen so that expected survivors plus acquirers equal ``expectedHolders(from:population:exitHazard:acquisitionHazard:step:)``.
    @inline(__always)
    static func acquisitionProbability(from s0: Double, population p: Double, exitHazard mu: Double, acquisitionHazard rho: Double,
                                       step: Double) -> Double {
        acquisitionProbability(from: s0, population: p, exitHazard: mu, acquisitionHazard: rho, stay: exp(-mu * step),
                               decay: exp(-(mu + rho) * step))
    }

    /// The same with `stay = e^{−μΔ}` and `decay = e^{−(μ+ρ)Δ}` already computed (they repeat from year to year).
    @inline(__always)
    static func acquisitionProbability(from s0: Double, population p: Double, exitHazard mu: Double, acquisitionHazard rho: Double,
                                       stay: Double, decay: Double) -> Double {
        let survivors = s0 * stay
        let atRisk = p - survivors
        guard atRisk > 0, mu + rho > 0 else { return 0 }
        let target = rho * p / (mu + rho)
        let gain = target + (s0 - target) * decay - survivors
        return min(1, max(0, gain / atRisk))
    }

    /// The hazard `ρ` that takes `s0` holders to `s1` over one year with population `p` (bisection; 0 or the cap at the ends).
    static func impliedHazard(from s0: Double, to s1: Double, population p: Double, exitHazard mu: Double) -> Double {
        var lo = 0.0, hi = 50.0
        if expectedHolders(from: s0, population: p, exitHazard: mu, acquisitionHazard: lo, step: 1) >= s1 { return 0 }
        if expectedHolders(from: s0, population: p, exitHazard: mu, acquisitionHazard: hi, step: 1) <= s1 { return hi }
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            if expectedHolders(from: s0, population: p, exitHazard: mu, acquisitionHazard: mid, step: 1) < s1 { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
