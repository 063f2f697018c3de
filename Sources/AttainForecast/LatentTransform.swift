import Foundation
import AttainData

/// The scale on which trends are modelled: logit for shares, log for positive levels and counts.
///
/// ```swift
/// let t = LatentTransform(kind: .share)   // .logit
/// t.toData(t.toLatent(0.9))               // 0.9
/// ```
/// Both maps are strictly increasing, so quantiles carry over between the scales. Values on the edge of the domain
/// (a share of exactly 0 or 1, a level of 0) are pulled in by ``edge`` before transforming so they stay finite.
public enum LatentTransform: Sendable, Hashable, Codable, CustomStringConvertible {
    /// No transformation.
    case identity
    /// `z = log(x + offset)`, `x = exp(z) − offset`.
    case log(offset: Double)
    /// `z = log(x / (1 − x))`, `x = 1 / (1 + exp(−z))`.
    case logit

    /// The natural scale for an indicator kind: logit for shares, log for levels, log(x + 1) for counts and totals.
    public init(kind: IndicatorKind) {
        switch kind {
        case .share: self = .logit
        case .level: self = .log(offset: 0)
        case .count, .cumulative: self = .log(offset: 1)
        }
    }

    /// The least value the data can take: 0 for counts and running totals (`log(x + c)` with `c > 0`, whose latent
    /// mass below `log c` is a count of 0), the domain's edge otherwise.
    public var dataFloor: Double {
        switch self {
        case .identity: return -.infinity
        case .log(let c): return c > 0 ? 0 : -c
        case .logit: return 0
        }
    }

    /// How far inside the domain edge values are placed: shares in [1e-6, 1 − 1e-6], logged values at least 1e-9.
    public static let edge = 1e-6

    /// Whether `x` can be transformed (after pulling edge values in): shares in [0, 1], logged values ≥ −offset.
    public func accepts(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        switch self {
        case .identity: return true
        case .log(let c): return x + c >= 0
        case .logit: return x >= 0 && x <= 1
        }
    }

    /// The latent value of a data value.
    @inlinable public func toLatent(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .log(let c): return Foundation.log(Swift.max(x + c, 1e-9))
        case .logit:
            let p = Swift.min(Swift.max(x, LatentTransform.edge), 1 - LatentTransform.edge)
            return Foundation.log(p / (1 - p))
        }
    }

    /// The data value of a latent value.
    @inlinable public func toData(_ z: Double) -> Double {
        switch self {
        case .identity: return z
        case .log(let c): return exp(z) - c
        case .logit: return 1 / (1 + exp(-z))
        }
    }

    public var description: String {
        switch self {
        case .identity: return "identity"
        case .log(let c): return c == 0 ? "log" : "log(x + \(c))"
        case .logit: return "logit"
        }
    }
}
