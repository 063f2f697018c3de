#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Mean and analytic gradient of each family at `s = t − t_ref`, for the full internal parameter vector
/// (the sigmoid families hold `c = t0 − t_ref` in place of `t0`). Written to stay finite where the naive
/// formulas overflow (`exp(−z)` for very early times).
extension CurveModel {
    /// Up to four parameters held in registers, unpacked once per evaluation rather than per point.
    typealias Packed = (Double, Double, Double, Double)

    /// `θ` as a ``Packed`` tuple (missing entries zero).
    @inline(__always)
    static func pack(_ theta: [Double]) -> Packed {
        let c = theta.count
        return (theta[0], c > 1 ? theta[1] : 0, c > 2 ? theta[2] : 0, c > 3 ? theta[3] : 0)
    }

    /// `μ(s; θ)`.
    @inline(__always)
    func value(_ s: Double, _ theta: [Double]) -> Double { value(s, Self.pack(theta)) }

    /// `μ(s; θ)` for packed parameters.
    @inline(__always)
    func value(_ s: Double, _ p: Packed) -> Double {
        let th = (p.0, p.1, p.2, p.3)
        switch self {
        case .linear:
            return th.0 + th.1 * s
        case .exponential:
            return th.0 * exp(th.1 * s)
        case .logistic:
            return th.0 * logisticFunction(th.1 * (s - th.2))
        case .gompertz:
            let z = th.1 * (s - th.2)
            return z < -700 ? 0 : th.0 * exp(-exp(-z))
        case .richards:
            let w = log(th.3) - th.1 * (s - th.2)
            return th.0 * exp(-log1pexp(w) / th.3)
        case .saturating:
            return th.0 - (th.0 - th.1) * exp(-th.2 * s)
        case .damped:
            return th.0 + th.1 * dampedGrowth(s, phi: th.2).g
        }
    }

    /// `μ(s; θ)` and `∂μ/∂θ` (entries past the parameter count are zero).
    @inline(__always)
    func valueAndGradient(_ s: Double, _ p: Packed) -> (Double, Double, Double, Double, Double) {
        let th = (p.0, p.1, p.2, p.3)
        switch self {
        case .linear:
            return (th.0 + th.1 * s, 1, s, 0, 0)
        case .exponential:
            let e = exp(th.1 * s)
            return (th.0 * e, e, th.0 * s * e, 0, 0)
        case .logistic:
            let d = s - th.2
            let p = logisticFunction(th.1 * d)
            let slope = th.0 * p * (1 - p)
            return (th.0 * p, p, slope * d, -slope * th.1, 0)
        case .gompertz:
            let d = s - th.2, z = th.1 * d
            if z < -700 { return (0, 0, 0, 0, 0) }
            let e = exp(-z), g = exp(-e)
            let slope = th.0 * g * e
            return (th.0 * g, g, slope * d, -slope * th.1, 0)
        case .richards:
            let nu = th.3, d = s - th.2
            let w = log(nu) - th.1 * d
            let lu = log1pexp(w)            // ln(1 + ν e^{−z})
            let q = logisticFunction(w)     // ν e^{−z} / (1 + ν e^{−z})
            let shape = exp(-lu / nu), mu = th.0 * shape
            let slope = mu * q / nu         // ∂μ/∂z
            return (mu, shape, slope * d, -slope * th.1, mu * (lu - q) / (nu * nu))
        case .saturating:
            let e = exp(-th.2 * s)
            return (th.0 - (th.0 - th.1) * e, 1 - e, e, (th.0 - th.1) * s * e, 0)
        case .damped:
            let (g, dg) = dampedGrowth(s, phi: th.2)
            return (th.0 + th.1 * g, 1, g, th.1 * dg * (-1 / th.2), 0)
        }
    }
}

/// `1 / (1 + e^{−z})` without overflow.
@inline(__always) func logisticFunction(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
}

/// `ln(1 + e^w)` without overflow or loss for large negative `w`.
@inline(__always) func log1pexp(_ w: Double) -> Double {
    w > 0 ? w + log1p(exp(-w)) : log1p(exp(w))
}

/// `g(s) = (1 − e^{−λs})/λ` with `λ = −ln φ`, and `dg/dλ`; the straight line `g = s` at `φ = 1`.
@inline(__always) func dampedGrowth(_ s: Double, phi: Double) -> (g: Double, dg: Double) {
    let lambda = -log(phi)
    let x = lambda * s
    if abs(x) < 1e-2 {
        // Series in x = λs: g = s(1 − x/2 + x²/6 − x³/24), dg/dλ = s²(−1/2 + x/3 − x²/8 + x³/30).
        let g = s * (1 - x / 2 + x * x / 6 - x * x * x / 24)
        let dg = s * s * (-0.5 + x / 3 - x * x / 8 + x * x * x / 30)
        return (g, dg)
    }
    let em = expm1(-x)                       // e^{−λs} − 1
    let g = -em / lambda
    let dg = (x * (em + 1) + em) / (lambda * lambda)
    return (g, dg)
}
