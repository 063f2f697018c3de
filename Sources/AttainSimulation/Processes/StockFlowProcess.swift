import AttainRandom
import Foundation

/// A coverage ratio as stocks and flows: a population (enterprises, workers) of which some hold an attribute (have a
/// union, are members). Each year a fraction of both leaves; newcomers arrive without it; non-holders acquire it at a
/// hazard. So a share can fall while the number of holders rises.
///
/// Per path: the yearly acquisition probability `h ~ Beta(α, β)` (founding or joining, from the data), and for
/// enterprises the entry rate `λ ~ Gamma`. Each year (step `Δ`, a fraction for a partly observed first year):
/// ```
/// leavers   ~ Binomial(S, 1 − (1 − exit)^Δ)                 (holders; also non-holders for enterprises)
/// P_t       = trend path (workers)  |  survivors + Poisson(λΔ) entries (enterprises)
/// acquirers ~ Binomial(P_t − surviving holders, 1 − (1 − h)^(mΔ))    (m: the rate multiplier lever)
/// S_t       = surviving holders + acquirers;   value = S_t / P_t
/// ```
/// Large binomials use the normal approximation with the dispersion φ of the data's yearly rates (quasi-binomial).
/// Levers: `rate-multiplier` (on the hazard), `cohort` (enterprises / workers entering without the attribute),
/// `turnover` (the exit rate), and for a worker population `shock` (a fraction laid off, members among them pro rata).
public struct StockFlowProcess: PathProcess {
    /// How the population moves.
    public enum Population: Sendable {
        /// Entries `Poisson(λ)` a year with `λ ~ Gamma(shape, rate)`; exits at the exit rate (enterprises).
        case entries(shape: Double, rate: Double)
        /// Levels from a process on its own (workers: a fitted growth trend).
        case trend(any PathProcess)
    }

    public var population: Population
    /// Population at the last observation.
    public var startPopulation: Double
    /// Holders at the last observation.
    public var startHolders: Double
    /// Yearly exit rate (worker turnover, enterprise closures).
    public var exitRate: Double
    /// Beta posterior of the yearly acquisition probability.
    public var hazardAlpha: Double
    public var hazardBeta: Double
    /// Quasi-binomial dispersion φ ≥ 1 of yearly acquisitions.
    public var dispersion: Double
    /// Length in years of the first simulated step.
    public var firstStep: Double

    static let neutral = LeverSchedule(count: 128)

    public init(population: Population, startPopulation: Double, startHolders: Double, exitRate: Double,
                hazardAlpha: Double, hazardBeta: Double, dispersion: Double = 1, firstStep: Double = 1) {
        precondition(hazardAlpha > 0 && hazardBeta > 0, "Beta parameters must be positive")
        self.population = population
        self.startPopulation = startPopulation
        self.startHolders = startHolders
        self.exitRate = exitRate
        self.hazardAlpha = hazardAlpha
        self.hazardBeta = hazardBeta
        self.dispersion = max(1, dispersion)
        self.firstStep = firstStep
    }

    public var supportedLevers: Set<Lever> {
        if case .trend = population { return [.rateMultiplier, .cohort, .turnover, .shock] }
        return [.rateMultiplier, .cohort, .turnover]
    }

    public var scratchCount: Int {
        if case .trend(let p) = population { return 128 + p.scratchCount }
        return 0
    }

    public func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                       count: Int, scratch: UnsafeMutablePointer<Double>) {
        let h = rng.beta(hazardAlpha, hazardBeta)
        let keep = 1 - h
        var entryRate = 0.0
        switch population {
        case .entries(let shape, let rate):
            entryRate = rng.gamma(shape: shape, scale: 1 / rate)
        case .trend(let process):
            process.sample(path, rng: &rng, levers: Self.neutral, into: scratch, count: count, scratch: scratch + 128)
        }
        var p = startPopulation, s = startHolders, cohortWorkers = 0.0
        for k in 0..<count {
            let step = k == 0 ? firstStep : 1
            let exit = levers.exitRate[k].isNaN ? exitRate : levers.exitRate[k]
            let leave = 1 - pow(1 - exit, step)
            let acquire = 1 - pow(keep, step * levers.rateMultiplier[k])
            var survivors = s - Inversion.binomial(s, leave, rng.uniformOpen())
            var atRisk: Double
            switch population {
            case .entries:
                let others = (p - s) - Inversion.binomial(p - s, leave, rng.uniformOpen())
                let entrants = Inversion.poisson(entryRate * step, rng.uniformOpen()) + levers.cohortEnterprises[k]
                atRisk = others + entrants
            case .trend:
                cohortWorkers += levers.cohortWorkers[k]
                var level = scratch[k] + cohortWorkers
                let u = rng.uniformOpen()
                if !levers.shocks.isEmpty {
                    let f = levers.shockFactor(year: k, path: path)
                    if f < 1 {
                        level *= f
                        survivors -= Inversion.binomial(survivors, 1 - f, u)
                    }
                }
                level = level.rounded()
                survivors = min(survivors, level)
                atRisk = level - survivors
            }
            let acquired = Inversion.binomial(atRisk, acquire, rng.uniformOpen(), dispersion: dispersion)
            s = survivors + acquired
            p = survivors + atRisk
            output[k] = p > 0 ? s / p : 0
        }
    }
}
