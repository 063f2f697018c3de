import AttainData

/// Empirical-Bayes pooling of sister units: a short noisy unit borrows strength from the others.
///
/// ```swift
/// let pooled = try PooledFit.fit(units: zones, model: .logitLinear)
/// pooled.group.growth          // N(mean, sd²) of the growth rate across zones
/// pooled.fits["KCN Vân Trung"] // that zone's fit, shrunk toward the group
/// ```
/// Two stages: (1) fit each unit alone on a common time origin; (2) estimate the group mean and between-unit variance
/// of the level and the growth rate by DerSimonian–Laird moments (``PoolingMoments``), then refit every unit by
/// penalised IRLS with the predictive normal priors of ``GroupPrior``. Dispersion is pooled too
/// (``PoolingDispersion``): share units blend their Pearson φ with the group's; count units too short for their own
/// negative-binomial size use the group's θ. A long precise series has a small sampling
/// variance next to the prior's, so its shrinkage vanishes; a three-point series moves toward the group.
/// Cost: two fits per unit.
public struct PooledFit: Sendable {
    /// What the units share.
    public var group: GroupPrior
    /// Each unit's pooled fit, keyed by unit name.
    public var fits: [String: FitResult]
    /// Each unit's first-stage fit on its own (same time origin, pooled dispersion, no automatic growth prior beyond
    /// one-point units), keyed by unit name.
    public var unpooled: [String: FitResult]

    /// Fits `units` with `model` and pools their levels and growth rates.
    ///
    /// - Parameters:
    ///   - units: series of one indicator, one per unit (distinct unit names), all of one kind.
    ///   - model: the model of every unit (`poisson`, `negative-binomial`, `logit-linear`, `logistic`).
    ///   - exposures: optional exposures per unit name (counts).
    ///   - options: `referenceTime` defaults to the mean of all observed times; explicit priors are replaced by the group's.
    /// - Throws: ``GLMError`` from any unit's fit (naming the unit), ``GLMError/duplicateUnit(_:)``.
    /// A single unit cannot inform a between-unit spread: it is returned unpooled with a warning.
    public static func fit(units: [Series], model: GLMModel, exposures: [String: [Double]] = [:],
                           options: GLMOptions = GLMOptions()) throws -> PooledFit {
        var seen = Set<String>()
        for u in units where !seen.insert(u.unit).inserted { throw GLMError.duplicateUnit(u.unit) }
        let allTimes = units.flatMap(\.times)
        var base = options
        base.referenceTime = options.referenceTime ?? (allTimes.isEmpty ? 0 : allTimes.reduce(0, +) / Double(allTimes.count))
        base.levelPrior = nil
        base.growthPrior = nil
        // First stage: no automatic growth prior on two- and three-point units, so their estimates enter the moments
        // unshrunk (one-point units keep it and are left out of the growth moments).
        base.shortSeriesLength = 1
        var first: [String: FitResult] = [:]
        for u in units { first[u.unit] = try GLM.fit(u, model: model, exposure: exposures[u.unit], options: base) }

        var ordered = units.map { first[$0.unit]! }
        let offset = ordered.first?.parameterNames.first == "K" ? 1 : 0
        func summary(_ j: Int) -> RandomEffectsSummary {
            let informative = ordered.filter { j == 0 || $0.observationCount >= 2 }
            let used = informative.isEmpty ? ordered : informative
            return PoolingMoments.derSimonianLaird(estimates: used.map { $0.parameters[offset + j] },
                                                   variances: used.map { $0.covariance[offset + j, offset + j] })
        }
        guard units.count >= 2 else {
            var fits = first
            for k in fits.keys { fits[k]!.warnings.append("only one unit: nothing to pool with, fitted on its own") }
            let d = options.defaultGrowthPrior
            return PooledFit(group: GroupPrior(referenceTime: base.referenceTime!, level: NormalPrior(mean: 0, standardDeviation: .infinity),
                                               growth: d, levelSpread: 0, growthSpread: d.standardDeviation,
                                               unitCount: units.count),
                             fits: fits, unpooled: first)
        }
        // Dispersion first: it sets each unit's sampling variance, which the between-unit spread is measured against.
        var dispersion: Double? = nil
        var second = base
        if model.isCountModel {
            if model == .negativeBinomial {
                dispersion = try PoolingDispersion.negativeBinomialSize(units: units, fits: first, exposures: exposures)
            }
        } else if let phi = try PoolingDispersion.shareDispersion(units: units, fits: first) {
            dispersion = phi
            second.dispersionPrior = DispersionPrior(value: phi, degreesOfFreedom: PoolingDispersion.priorDegreesOfFreedom)
        }
        func unitOptions(_ u: Series, _ o: GLMOptions) -> GLMOptions {
            var o = o
            if model == .negativeBinomial, u.count < CountRegression.minimumPointsForDispersion + (u.kind == .cumulative ? 1 : 0) {
                o.negativeBinomialSize = dispersion
            }
            return o
        }
        if dispersion != nil {
            for u in units { first[u.unit] = try GLM.fit(u, model: model, exposure: exposures[u.unit], options: unitOptions(u, second)) }
            ordered = units.map { first[$0.unit]! }
        }
        let level = summary(0), growth = summary(1)
        let group = GroupPrior(referenceTime: base.referenceTime!,
                               level: NormalPrior(mean: level.mean, standardDeviation: (level.tau2 + level.meanVariance).squareRoot()),
                               growth: NormalPrior(mean: growth.mean, standardDeviation: (growth.tau2 + growth.meanVariance).squareRoot()),
                               levelSpread: level.tau2.squareRoot(), growthSpread: growth.tau2.squareRoot(), unitCount: units.count,
                               dispersion: dispersion)
        second.levelPrior = group.level
        second.growthPrior = group.growth
        second.shortSeriesLength = options.shortSeriesLength
        var fits: [String: FitResult] = [:]
        for u in units {
            var f = try GLM.fit(u, model: model, exposure: exposures[u.unit], options: unitOptions(u, second))
            if u.count <= options.shortSeriesLength {
                f.warnings.append("\(u.count) observation\(u.count == 1 ? "" : "s"): the growth rate leans on the group prior")
            }
            f.warnings.append("pooled with \(units.count - 1) sister units: growth rate prior N(\(GLMTrend.format(group.growth.mean)), "
                              + "\(GLMTrend.format(group.growth.standardDeviation))²), level prior N(\(GLMTrend.format(group.level.mean)), "
                              + "\(GLMTrend.format(group.level.standardDeviation))²) at \(GLMTrend.format(group.referenceTime))")
            fits[u.unit] = f
        }
        return PooledFit(group: group, fits: fits, unpooled: first)
    }
}
