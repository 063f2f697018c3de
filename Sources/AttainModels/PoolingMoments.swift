/// A random-effects summary of per-unit estimates: `βⱼ ~ N(μ, τ² + vⱼ)`.
struct RandomEffectsSummary: Sendable {
    /// Estimated group mean `μ̂`.
    var mean: Double
    /// `Var(μ̂) = 1/Σ wⱼ*` with `wⱼ* = 1/(vⱼ + τ²)`.
    var meanVariance: Double
    /// Between-unit variance `τ²` (after the floor).
    var tau2: Double
    /// Whether the floor raised τ² (the moment estimate was below it).
    var floored: Bool
}

/// DerSimonian–Laird method-of-moments estimate of a normal random-effects distribution.
///
/// `Q = Σ wⱼ(βⱼ − β̄_w)²` with `wⱼ = 1/vⱼ`; `τ̂² = max(0, (Q − (k − 1))/(Σw − Σw²/Σw))`. The estimate is floored at
/// `floorFraction × median(vⱼ)`: a zero τ̂² (common with few units) would otherwise pin every unit to the group mean
/// with no room for real differences. Cost: O(k).
enum PoolingMoments {
    static let floorFraction = 0.1

    static func derSimonianLaird(estimates: [Double], variances: [Double]) -> RandomEffectsSummary {
        let k = estimates.count
        let v = variances.map { max($0, 1e-12) }
        let w = v.map { 1 / $0 }
        let sw = w.reduce(0, +)
        let fixed = zip(w, estimates).reduce(0.0) { $0 + $1.0 * $1.1 } / sw
        let q = zip(w, estimates).reduce(0.0) { $0 + $1.0 * ($1.1 - fixed) * ($1.1 - fixed) }
        let c = sw - w.reduce(0.0) { $0 + $1 * $1 } / sw
        let moment = c > 0 ? max(0, (q - Double(k - 1)) / c) : 0
        let sorted = v.sorted()
        let median = k % 2 == 1 ? sorted[k / 2] : 0.5 * (sorted[k / 2 - 1] + sorted[k / 2])
        let floor = floorFraction * median
        let tau2 = max(moment, floor)
        let ws = v.map { 1 / ($0 + tau2) }
        let swStar = ws.reduce(0, +)
        let mean = zip(ws, estimates).reduce(0.0) { $0 + $1.0 * $1.1 } / swStar
        return RandomEffectsSummary(mean: mean, meanVariance: 1 / swStar, tau2: tau2, floored: moment < floor)
    }
}
