import AttainRandom
import Foundation

/// A coverage ratio as stocks and flows: a population (enterprises, workers) of which some hold an attribute (have a
/// union, are members). Holders leave at the exit rate; newcomers arrive without the attribute; those without it
/// acquire it at a hazard. So a share can fall while the number of holders rises.
///
/// Per path: the acquisition hazard `ρ ~ Gamma` (founding or joining, from ``StockFlowEstimate``) and, for
/// enterprises, the entry rate `λ ~ Gamma`. Each year (step `Δ`, a fraction for a partly observed first year), in
/// continuous time so steps of any length compose (``StockFlowDynamics``):
/// ```
/// surviving holders ~ Binomial(S, e^{−μΔ})
/// P_t = trend path (workers) | surviving population + Poisson(λΔ) entrants (enterprises)
/// acquirers ~ Binomial(P_t − surviving holders, q)     q matches E[S_t] = S* + (S − S*)e^{−(μ+mρ)Δ}
/// value = S_t / P_t
/// ```
/// Large binomials use the normal approximation widened by the dispersion φ of the data's yearly acquisitions.
/// Levers: `rate-multiplier` (`m`, on the hazard), `cohort` (enterprises / workers entering without the attribute),
/// `turnover` (the exit rate), and for a worker population `shock` (a fraction laid off, members among them pro rata).
public struct StockFlowProcess: PathProcess {
    /// How the population moves.
    public enum Population: Sendable {
        /// Entries `Poisson(λ)` a year with `λ ~ Gamma(shape, rate)`; exits at the exit rate (enterprises).
        case entries(shape: Double, rate: Double)
        /// Levels from a process on its own (workers: a fitted growth trend), read as year-end values; `origin` is the
        /// population at the trend's origin (the last year-end it was fitted to). When the simulation starts from a
        /// mid-year snapshot, each path is rescaled so that, interpolated geometrically between the origin and its
        /// first year-end, it passes through the snapshot.
        case trend(any PathProcess, origin: Double)
    }

    public let population: Population
    /// Population and holders at the last observation.
    public let startPopulation: Double
    public let startHolders: Double
    /// Yearly exit rate (worker turnover, enterprise closures).
    public let exitRate: Double
    /// The fitted rates.
    public let estimate: StockFlowEstimate
    /// Length in years of the first simulated step.
    public let firstStep: Double
    /// The hazard's and the entry rate's gamma distributions.
    let hazardDraw: GammaDistribution, entryDraw: GammaDistribution
    /// The exit hazard `μ = −log(1 − exit rate)`, and the probabilities of staying through the first step and through
    /// a year at that hazard with their powers for the survivors' binomial searches (both tabulated).
    let exitHazard: Double, firstStay: ComplementPowers, yearlyStay: ComplementPowers

    static let neutral = LeverSchedule(count: 128)

    public init(population: Population, startPopulation: Double, startHolders: Double, exitRate: Double,
                estimate: StockFlowEstimate, firstStep: Double = 1) {
        self.population = population
        self.startPopulation = startPopulation
        self.startHolders = startHolders
        self.exitRate = exitRate
        self.estimate = estimate
        self.firstStep = firstStep
        hazardDraw = GammaDistribution(shape: estimate.hazardShape, scale: 1 / estimate.hazardRate)
        entryDraw = GammaDistribution(shape: estimate.entryShape, scale: 1 / estimate.entryRate)
        exitHazard = -log(1 - exitRate)
        firstStay = ComplementPowers(p: exp(-exitHazard * firstStep))
        yearlyStay = ComplementPowers(p: exp(-exitHazard * 1))
    }

    public var supportedLevers: Set<Lever> {
        if case .trend = population { return [.rateMultiplier, .cohort, .turnover, .shock] }
        return [.rateMultiplier, .cohort, .turnover]
    }

    public var scratchCount: Int {
        if case .trend(let p, _) = population { return p.scratchCount }
        return 0
    }

    public func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                       count: Int, scratch: inout [Double]) {
        let rho = rng.gamma(hazardDraw)
        var own = path.noiseGenerator()      // on a path shared between units: rates are shared, the enterprises' draws are the unit's
        var entryRate = 0.0, entries = false
        switch population {
        case .entries:
            entries = true
            entryRate = rng.gamma(entryDraw)
        case .trend(let process, let origin):
            // The population path goes into `output` first; each year's share then replaces its level.
            process.sample(path, rng: &rng, levers: Self.neutral, into: output, count: count, scratch: &scratch)
            if firstStep < 1, count > 0, origin > 0, output[0] > 0 {
                // A mid-year cut-off (the usual case) needs a square root, much cheaper than pow.
                let ratio = output[0] / origin, exponent = 1 - firstStep
                let atSnapshot = origin * (exponent == 0.5 ? ratio.squareRoot() : pow(ratio, exponent))
                let factor = startPopulation / atSnapshot
                for k in 0..<count { output[k] *= factor }
            }
        }
        let baseMu = exitHazard
        var p = startPopulation, s = startHolders, cohortWorkers = 0.0
        // exp and log of quantities that repeat from year to year are computed only when they change.
        var key = (mu: -1.0, rho: -1.0, step: -1.0), stay = 0.0, decay = 0.0
        // Which powers the survivors' searches read: the shared tables in place (a copy would retain them, and two
        // threads retaining one table fight over its cache line), or none when a lever changes the rate.
        var staying = StayingPowers.yearly
        var entryMean = -1.0, expNegEntry = 0.0
        for k in 0..<count {
            let step = k == 0 ? firstStep : 1
            let mu = levers.exitRate[k].isNaN ? baseMu : -log(1 - levers.exitRate[k])
            let rhoK = rho * levers.rateMultiplier[k]
            if key != (mu, rhoK, step) {
                if key.mu != mu || key.step != step {
                    if mu == baseMu && step == 1 {
                        (staying, stay) = (.yearly, yearlyStay.p)
                    } else if mu == baseMu && step == firstStep {
                        (staying, stay) = (.first, firstStay.p)
                    } else {
                        (staying, stay) = (.untabulated, exp(-mu * step))
                    }
                }
                key = (mu, rhoK, step)
                decay = exp(-(mu + rhoK) * step)
            }
            let s0 = s
            var survivors = survivorsDraw(s, stay, own.uniformOpen(or: &rng), staying)
            var level: Double
            if entries {
                let others = survivorsDraw(p - s, stay, own.uniformOpen(or: &rng), staying)
                let mean = entryRate * step
                if mean != entryMean { entryMean = mean; expNegEntry = exp(-mean) }
                let entrants = Inversion.poisson(mean, own.uniformOpen(or: &rng), expNegLambda: expNegEntry) + levers.cohortEnterprises[k]
                level = survivors + others + entrants
            } else {
                cohortWorkers += levers.cohortWorkers[k]
                level = output[k] + cohortWorkers
                let u = own.uniformOpen(or: &rng)
                if !levers.shocks.isEmpty {
                    let f = levers.shockFactor(year: k, path: path)
                    if f < 1 {
                        level *= f
                        survivors -= Inversion.binomial(survivors, 1 - f, u)
                    }
                }
                level = min(max(1, level.rounded()), 1e12)      // a finite workforce on the rare explosive trend path
                survivors = min(survivors, level)
            }
            let q = StockFlowDynamics.acquisitionProbability(from: s0, population: level, exitHazard: mu, acquisitionHazard: rhoK,
                                                             stay: stay, decay: decay)
            let acquired = Inversion.binomial(level - survivors, q, own.uniformOpen(or: &rng), dispersion: estimate.dispersion)
            s = survivors + acquired
            p = level
            output[k] = s / p
        }
    }

    /// The tabulated powers of the staying probability a step's survivors are drawn with, if any.
    enum StayingPowers { case yearly, first, untabulated }

    /// Survivors among `n` at the staying probability `stay`, reading the chosen table in place.
    @inline(__always)
    private func survivorsDraw(_ n: Double, _ stay: Double, _ u: Double, _ staying: StayingPowers) -> Double {
        switch staying {
        case .yearly: Inversion.binomial(n, stay, u, powers: yearlyStay)
        case .first: Inversion.binomial(n, stay, u, powers: firstStay)
        case .untabulated: Inversion.binomial(n, stay, u)
        }
    }
}
