import AttainRandom
import Foundation

/// Link between the linear predictor `η` and the mean `μ` of a GLM.
enum GLMLink: Sendable, Equatable {
    /// `μ = exp(η)` (counts).
    case log
    /// `μ = K·logistic(η)` with ceiling `K ∈ (0, 1]` (shares; `K = 1` is the logit link).
    case logit(ceiling: Double)

    /// `η` is kept inside this range so that `μ`, `dμ/dη` and working responses stay finite; a fit that presses
    /// against it is degenerate (separation, all zeros) and is refitted with priors.
    var etaRange: ClosedRange<Double> {
        switch self {
        case .log: return -40...700
        case .logit: return -30...30
        }
    }

    func mean(_ eta: Double) -> Double {
        let e = min(max(eta, etaRange.lowerBound), etaRange.upperBound)
        switch self {
        case .log: return exp(e)
        case .logit(let k): return k * logisticFunction(e)
        }
    }

    /// `dμ/dη`.
    func derivative(_ eta: Double) -> Double {
        let e = min(max(eta, etaRange.lowerBound), etaRange.upperBound)
        switch self {
        case .log: return exp(e)
        case .logit(let k):
            let q = exp(-abs(e))
            return k * q / ((1 + q) * (1 + q))
        }
    }

    /// `η` for a mean inside the link's range (used for starting values).
    func eta(_ mu: Double) -> Double {
        switch self {
        case .log: return Foundation.log(mu)
        case .logit(let k): return Foundation.log(mu / (k - mu))
        }
    }
}

/// Small scalar helpers of the GLM code, namespaced so they never clash with other files of the module.
enum GLMMath {
    /// `log(p/(1 − p))`.
    @inline(__always) static func logit(_ p: Double) -> Double { log(p / (1 - p)) }

    /// `y·log(y/μ)` with the convention `0·log 0 = 0`.
    @inline(__always) static func xLogRatio(_ y: Double, _ mu: Double) -> Double { y == 0 ? 0 : y * log(y / mu) }
}

/// Variance function and likelihood of a GLM family (binomial responses are proportions with weight = trials).
enum GLMVariance: Sendable, Equatable {
    case poisson
    /// NB2 with size `θ`: `Var = μ + μ²/θ`.
    case negativeBinomial(size: Double)
    case binomial

    /// `V(μ)` per unit weight, floored so weights stay finite.
    func variance(_ mu: Double) -> Double {
        switch self {
        case .poisson: return max(mu, 1e-300)
        case .negativeBinomial(let theta): return max(mu + mu * mu / theta, 1e-300)
        case .binomial: return max(mu * (1 - mu), 1e-300)
        }
    }

    /// Deviance contribution `2(ℓ_saturated − ℓ)` of one observation with weight `w`.
    func deviance(_ y: Double, _ mu: Double, weight w: Double) -> Double {
        switch self {
        case .poisson:
            return 2 * w * (GLMMath.xLogRatio(y, mu) - (y - mu))
        case .negativeBinomial(let theta):
            return 2 * w * (GLMMath.xLogRatio(y, mu) - (y + theta) * log((y + theta) / (mu + theta)))
        case .binomial:
            return 2 * w * (GLMMath.xLogRatio(y, mu) + GLMMath.xLogRatio(1 - y, 1 - mu))
        }
    }

    /// Log-likelihood of one observation (binomial: `w` trials, proportion `y`).
    func logLikelihood(_ y: Double, _ mu: Double, weight w: Double) -> Double {
        switch self {
        case .poisson:
            return (y == 0 ? 0 : y * log(mu)) - mu - logGamma(y + 1)
        case .negativeBinomial(let theta):
            return logGamma(y + theta) - logGamma(theta) - logGamma(y + 1) - theta * log1p(mu / theta)
                + (y == 0 ? 0 : y * (log(mu) - log(theta + mu)))
        case .binomial:
            let s = w * y, f = w * (1 - y)
            return logGamma(w + 1) - logGamma(s + 1) - logGamma(f + 1)
                + (s == 0 ? 0 : s * log(mu)) + (f == 0 ? 0 : f * log1p(-mu))
        }
    }
}
