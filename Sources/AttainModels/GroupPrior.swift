/// The prior that sister units share: the distribution of level and growth rate across units.
///
/// Each unit's level `a` (at ``referenceTime``) and growth rate `r` are treated as draws from
/// `N(mean, τ²)`; the priors handed to the refits are the predictive `N(μ̂, τ̂² + Var μ̂)`, so a new or very short
/// unit is told what its sisters did, with the uncertainty of that group mean included.
public struct GroupPrior: Sendable {
    /// Common time origin of every unit's level.
    public var referenceTime: Double
    /// Prior on each unit's level `a`.
    public var level: NormalPrior
    /// Prior on each unit's growth rate `r` (per year, link scale).
    public var growth: NormalPrior
    /// Between-unit standard deviation of the level, `τ̂_a`.
    public var levelSpread: Double
    /// Between-unit standard deviation of the growth rate, `τ̂_r`.
    public var growthSpread: Double
    /// Number of units the group estimates came from.
    public var unitCount: Int
    /// The group's dispersion: the pooled Pearson φ of share models, or the negative-binomial size θ fitted jointly to
    /// every unit's counts; nil when it is not estimable (or θ is at its Poisson boundary).
    public var dispersion: Double?

    public init(referenceTime: Double, level: NormalPrior, growth: NormalPrior, levelSpread: Double, growthSpread: Double,
                unitCount: Int, dispersion: Double? = nil) {
        self.referenceTime = referenceTime
        self.level = level
        self.growth = growth
        self.levelSpread = levelSpread
        self.growthSpread = growthSpread
        self.unitCount = unitCount
        self.dispersion = dispersion
    }
}
