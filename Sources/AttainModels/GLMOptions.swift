/// Settings shared by the count and share fits: time origin, priors, iteration limits.
///
/// Defaults suit annual plan indicators: no prior on series of four or more points (plain maximum likelihood),
/// a weakly informative `N(0, 0.5²)` prior on the yearly growth rate for series of three points or fewer, and
/// weak priors on level and growth when the data do not determine them (all counts zero, shares all at 0 or 1,
/// separation). Every prior that acts is named in `FitResult.warnings`.
public struct GLMOptions: Sendable {
    /// Time origin `t_ref` of the level parameter `a`; nil uses the mean of the observed times.
    public var referenceTime: Double?
    /// Explicit prior on the level `a` (pooling sets it); nil for none.
    public var levelPrior: NormalPrior?
    /// Explicit prior on the growth rate `r` per year (pooling sets it); nil leaves the automatic rule in charge.
    public var growthPrior: NormalPrior?
    /// Whether the automatic weak priors may act (short series, degenerate data).
    public var automaticPriors: Bool
    /// The weak prior the automatic rule puts on the growth rate (per year, on the link scale).
    public var defaultGrowthPrior: NormalPrior
    /// Series of at most this many points get the automatic growth prior.
    public var shortSeriesLength: Int
    /// Prior knowledge of a share model's dispersion φ, combined with the Pearson estimate as
    /// `φ = (X² + ν₀φ₀)/(n − p + ν₀)` (a scaled-inverse-χ² prior worth `ν₀` residual degrees of freedom). Nil uses
    /// the default: none with denominators; `φ₀ = 0.0036`, `ν₀ = 2` for values-only series of at most
    /// `shortSeriesLength` points. Pooling sets it from the sister units.
    public var dispersionPrior: DispersionPrior?
    /// A fixed negative-binomial size θ (not estimated); nil estimates θ by maximum likelihood where the series allows.
    /// Pooling sets it for units too short to estimate their own.
    public var negativeBinomialSize: Double?
    /// IRLS iteration limit.
    public var maxIterations: Int
    /// Relative change in penalised deviance that counts as convergence.
    public var tolerance: Double

    public init(referenceTime: Double? = nil, levelPrior: NormalPrior? = nil, growthPrior: NormalPrior? = nil,
                automaticPriors: Bool = true, defaultGrowthPrior: NormalPrior = NormalPrior(mean: 0, standardDeviation: 0.5),
                shortSeriesLength: Int = 3, dispersionPrior: DispersionPrior? = nil, negativeBinomialSize: Double? = nil,
                maxIterations: Int = 100, tolerance: Double = 1e-10) {
        self.referenceTime = referenceTime
        self.levelPrior = levelPrior
        self.growthPrior = growthPrior
        self.automaticPriors = automaticPriors
        self.defaultGrowthPrior = defaultGrowthPrior
        self.shortSeriesLength = shortSeriesLength
        self.dispersionPrior = dispersionPrior
        self.negativeBinomialSize = negativeBinomialSize
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }
}

/// A prior guess `value` of a dispersion, worth `degreesOfFreedom` residual degrees of freedom.
public struct DispersionPrior: Sendable, Equatable {
    /// The guess `φ₀`.
    public var value: Double
    /// Its weight `ν₀`, in residual degrees of freedom.
    public var degreesOfFreedom: Double

    public init(value: Double, degreesOfFreedom: Double) {
        self.value = value
        self.degreesOfFreedom = degreesOfFreedom
    }
}
