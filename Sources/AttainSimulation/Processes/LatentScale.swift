import Foundation

/// The scale on which a process moves: identity for unbounded quantities, log for positive ones, logit for shares.
///
/// Working on the latent scale keeps every simulated share inside [0, 1] and every level positive.
public enum LatentScale: String, Sendable, Codable {
    case identity, log, logit

    /// Data → latent (shares are clamped to [10⁻⁹, 1 − 10⁻⁹] first).
    @inlinable
    public func forward(_ v: Double) -> Double {
        switch self {
        case .identity: return v
        case .log: return Foundation.log(max(v, 1e-300))
        case .logit:
            let p = min(max(v, 1e-9), 1 - 1e-9)
            return Foundation.log(p / (1 - p))
        }
    }

    /// Latent → data.
    @inlinable
    public func inverse(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .log: return exp(x)
        case .logit: return 1 / (1 + exp(-x))
        }
    }
}
