import AttainRandom
import Foundation
import AttainData

/// Fits calibrated local-trend forecasts: the specification (latent scale, window, pooling) of the model behind every
/// backtest and every simulated path.
///
/// ```swift
/// let forecaster = TrendForecaster(kind: .share, window: 8)
/// let calibration = try forecaster.calibrate(crossSection: allUnits, through: .year(2022))   // once per indicator
/// let forecast = try forecaster.fit(series: unit, calibration: calibration, origin: .year(2022))
/// ```
/// Each unit's level and slope come from its own window; how much trends change (the variance components and the
/// cross-unit spread of the trend-change variance) is learned from all units' earlier forecasts up to the origin, so
/// short windows get honest widths. With fewer than ``minimumPoolUnits`` units the documented defaults are used.
/// Cost: calibration is a few hundred scorings of every earlier window (well under a second for 100 units × 50 years);
/// a fit is O(window³).
public struct TrendForecaster: Sendable {
    /// The latent scale.
    public var transform: LatentTransform
    /// Model steps of data used per unit, ending at the origin (nil: all data up to the origin).
    public var window: Int?
    /// Horizons (in steps) scored by the pooled calibration, whatever horizon is later asked for.
    public var calibrationHorizon: Int = 10
    /// Units needed to learn from the cross-section; below this the defaults apply.
    public var minimumPoolUnits: Int = 3
    /// Earlier forecasts (unit × origin × horizon with a known outcome) needed to learn from the cross-section.
    public var minimumPoolForecasts: Int = 40
    /// Worker threads for the calibration; the result does not depend on it.
    public var threads: Int = 1
    /// Counts (on by default for counts and running totals): a pooled calibration learns, and every fit under it uses,
    /// each window's own Poisson sampling noise by its size (``TrendHyperparameters/addingCountNoise(mean:)``), so a
    /// county of 40 a year is steadier on the log scale than one of 3 in the same pool.
    public var countNoise: Bool
    /// A pooled calibration learns hyperparameters whose slope starts at its stationary distribution
    /// (``TrendHyperparameters/stationarySlope``); off by default (`attain backtest --stationary-slope`). The noisy-panel
    /// defaults use that start with values learned under the flat-prior one, which scored better in the probability study.
    public var stationarySlope = false

    /// A forecaster on the natural latent scale of `kind` (logit for shares, log otherwise).
    public init(kind: IndicatorKind, window: Int? = nil, transform: LatentTransform? = nil) {
        self.transform = transform ?? LatentTransform(kind: kind)
        self.window = window
        countNoise = (kind == .count || kind == .cumulative) && self.transform == .log(offset: 1)
    }

    /// Learns the variance components from `crossSection` using only data up to `origin`.
    ///
    /// Chooses the hyperparameters that minimise the pooled quantile score of every earlier forecast the forecaster
    /// could have made (see `PooledTrendObjective`), by Nelder–Mead from the defaults. Falls back to
    /// ``TrendCalibration/defaults(for:stepPeriods:)`` when fewer than ``minimumPoolUnits`` units or
    /// ``minimumPoolForecasts`` earlier forecasts are usable; with ``minimumPoolUnits`` or more units' windows (three
    /// years each, say) the defaults then carry the prior odds of the default models those windows show together
    /// (``TrendCalibration/modelPrior``).
    public func calibrate(crossSection: [Series], through origin: Period) throws -> TrendCalibration {
        if let window, window < 2 { throw ForecastError.invalidArgument("window must be at least 2 periods, got \(window)") }
        let step = OriginGrid.step(of: crossSection, through: origin)
        let fallback = TrendCalibration.defaults(for: transform, stepPeriods: step)
        var objective = PooledTrendObjective(crossSection: crossSection, origin: origin, step: step, window: window.map { max($0, 2) },
                                             horizon: calibrationHorizon, transform: transform, countNoise: countNoise)
        guard objective.unitCount >= minimumPoolUnits, objective.forecastCount >= minimumPoolForecasts else {
            var defaults = fallback
            defaults.modelPrior = sharedModelPrior(crossSection, through: origin, step: step)
            return defaults
        }
        objective.threads = threads
        // A neutral start: moderate ratios and damping, the trend-change variance from the data's second differences.
        let start = Self.coordinates(of: TrendHyperparameters(levelRatio: 0.5, noiseRatio: 0.3, damping: 0.9, scaleShape: 2,
                                                              scaleRate: 2 * objective.roughScale))
        let stationary = stationarySlope
        func candidate(at x: [Double]) -> TrendHyperparameters {
            var h = Self.hyperparameters(at: x)
            h.stationarySlope = stationary
            return h
        }
        let best = NelderMead.minimize({ objective.score(candidate(at: $0)) }, start: start,
                                       step: [1, 1, 1, 1, 1], tolerance: 1e-6, maxEvaluations: 500)
        let fitted = candidate(at: best.x)
        let re = objective.recalibration(fitted)
        var calibration = TrendCalibration(hyperparameters: fitted, horizonScale: re.scale, tailDegreesOfFreedom: re.tail.isFinite ? re.tail : nil,
                                           stepPeriods: step,
                                           source: .pooled(units: objective.unitCount, windows: objective.windowCount, through: origin.description))
        calibration.countSamplingNoise = countNoise
        return calibration
    }

    /// Fits `series` on its window ending at `origin` (default: its last period) with the given calibration.
    ///
    /// Throws ``ForecastError/tooFewObservations(unit:indicator:origin:have:need:)`` with fewer than 2 observations on
    /// the grid in the window, ``ForecastError/valueOutsideDomain(unit:period:value:transform:)`` for values the latent
    /// scale cannot take, ``ForecastError/originOffGrid(unit:origin:step:example:)`` when the data sit off the grid.
    public func fit(series: Series, calibration: TrendCalibration, origin: Period? = nil) throws -> TrendForecast {
        guard let origin = origin ?? series.observations.last?.period else {
            throw ForecastError.tooFewObservations(unit: series.unit, indicator: series.indicator, origin: "-", have: 0, need: 2)
        }
        let step = calibration.stepPeriods
        let (steps, values, deepest, known) = try latentWindow(series, origin: origin, step: step)
        // A unit standing alone on the smooth defaults forecasts with the default models its own window supports. Models
        // below 5% posterior probability are ruled out (Occam's window). When the window cannot rule out another (as
        // three points cannot show how noisy a series is), a share forecasts with the plausible models weighted by their
        // posterior probability (Bayesian model averaging), a count with the one of wider five-step spread
        // (`averagesDefaultModels`): either way a briefing is not sure of what its data cannot tell. The prior odds are
        // those its sister units' windows show together, or without sisters the documented ones
        // (`TrendCalibration.defaultModelPrior`).
        var withoutPrior = calibration
        withoutPrior.modelPrior = nil
        if calibration.source == .defaults, withoutPrior == TrendCalibration.defaults(for: transform, stepPeriods: step) {
            let candidates = TrendCalibration.defaultCandidates(for: transform, stepPeriods: step)
            if candidates.count > 1 {
                // Restricted likelihoods compare only under the same flat-prior states: every candidate is weighed with
                // its slope estimated from the window, then forecasts with its own slope start.
                let prior = calibration.modelPrior?.weights ?? TrendCalibration.defaultModelPrior(for: transform, stepPeriods: step)
                let weighed = try candidates.map { try weigh(values, steps: steps, deepest: deepest, under: $0, known: known) }
                let weights = Self.modelWeights(candidates.indices.map { weighed[$0].evidence + log(prior[$0]) })
                var models = try candidates.indices.filter { weights[$0] > 0 }.sorted { weights[$0] > weights[$1] }.map { k -> WeightedForecast in
                    var f = try forecast(series, values: values, steps: steps, deepest: deepest, origin: origin, calibration: candidates[k],
                                         known: known, integral: weighed[k].integral)
                    f.modelPriorUnits = calibration.modelPrior?.units
                    return WeightedForecast(weight: weights[k], forecast: f)
                }
                guard Self.averagesDefaultModels(transform) else {
                    return models.max { $0.forecast.latentLocationScale(horizon: 5).scale < $1.forecast.latentLocationScale(horizon: 5).scale }!.forecast
                }
                var chosen = models.removeFirst().forecast
                chosen.modelWeight = weights.max()!
                chosen.alternatives = models
                return chosen
            }
        }
        return try forecast(series, values: values, steps: steps, deepest: deepest, origin: origin, calibration: calibration, known: known)
    }

    /// The latent values of `series`' window ending at `origin` on the grid of `step` periods, oldest first, with their
    /// grid steps, the origin's step, and on the logit scale the known binomial sampling variance of each value counted
    /// out of a denominator (``TrendHyperparameters/shareSamplingVariance(share:denominator:)``; 0 for a value without
    /// one; empty when no value has one). Throws as ``fit(series:calibration:origin:)`` documents.
    func latentWindow(_ series: Series, origin: Period, step: Int) throws -> (steps: [Int], values: [Double], deepest: Int, known: [Double]) {
        let grid = OriginGrid(series, origin: origin, step: step, limit: window)
        var steps = [Int](), values = [Double](), known = [Double]()
        let deepest = grid.values.count - 1
        for k in stride(from: deepest, through: 0, by: -1) {
            guard let v = grid.values[k] else { continue }
            guard transform.accepts(v) else {
                throw ForecastError.valueOutsideDomain(unit: series.unit, period: origin.advanced(by: -k * step).description,
                                                       value: v, transform: transform.description)
            }
            steps.append(deepest - k)
            values.append(transform.toLatent(v))
            known.append(transform == .logit ? grid.denominators[k].map { TrendHyperparameters.shareSamplingVariance(share: v, denominator: $0) } ?? 0 : 0)
        }
        guard steps.count >= 2 else {
            let used = series.observations.filter { $0.period <= origin && $0.period.frequency == origin.frequency }
            if steps.isEmpty, let example = used.last, window.map({ example.period.distance(to: origin) < $0 * step }) ?? true {
                throw ForecastError.originOffGrid(unit: series.unit, origin: origin.description, step: step, example: example.period.description)
            }
            throw ForecastError.tooFewObservations(unit: series.unit, indicator: series.indicator, origin: origin.description,
                                                   have: steps.count, need: 2)
        }
        return (steps, values, deepest, known.contains { $0 > 0 } ? known : [])
    }

    /// Sister units whose windows are too short to learn variances from can still show, together, how often each
    /// default model (``TrendCalibration/defaultCandidates(for:stepPeriods:)``) fits units like them: the prior
    /// probabilities `π` that maximise `Σᵢ log Σₖ πₖ·Eᵢₖ` over the units' window evidences `Eᵢₖ` (empirical Bayes, by EM).
    /// Every unit then chooses with these prior odds: a window that cannot tell the models apart follows its sisters,
    /// and one that can keeps its own choice. Nil with fewer than ``minimumPoolUnits`` units with a window of two or
    /// more values, or with a single candidate.
    func sharedModelPrior(_ crossSection: [Series], through origin: Period, step: Int) -> TrendCalibration.ModelPrior? {
        let candidates = TrendCalibration.defaultCandidates(for: transform, stepPeriods: step)
        guard candidates.count > 1 else { return nil }
        var evidences = [[Double]]()
        for series in crossSection {
            guard let last = series.observations.last(where: { $0.period <= origin && $0.period.frequency == origin.frequency })?.period,
                  let w = try? latentWindow(series, origin: last, step: step), w.values.count >= 2 else { continue }
            // A sister whose window no model can weigh is left out of the prior; it never fails the unit's own run.
            guard let e = try? candidates.map({ try evidence(w.values, steps: w.steps, deepest: w.deepest, under: $0, known: w.known) }),
                  e.allSatisfy(\.isFinite) else { continue }
            let top = e.max()!
            evidences.append(e.map { exp($0 - top) })          // relative evidences: the scale cancels in each unit's posterior
        }
        guard evidences.count >= minimumPoolUnits else { return nil }
        var prior = [Double](repeating: 1 / Double(candidates.count), count: candidates.count)
        for _ in 0..<1000 {
            var next = [Double](repeating: 0, count: candidates.count)
            for e in evidences {
                let total = zip(prior, e).reduce(0) { $0 + $1.0 * $1.1 }
                guard total > 0 else { continue }
                for k in next.indices { next[k] += prior[k] * e[k] / total }
            }
            next = next.map { $0 / Double(evidences.count) }
            let change = zip(next, prior).map { abs($0 - $1) }.max()!
            prior = next
            if change < 1e-10 { break }
        }
        return TrendCalibration.ModelPrior(weights: prior, units: evidences.count)
    }

    /// A window's log evidence under a default candidate, weighed with its slope estimated (flat prior), so that
    /// candidates compare under the same flat-prior states. With `known` sampling variances (a counted share) the
    /// scale of change is integrated out numerically (``ScaleIntegral``).
    func evidence(_ values: [Double], steps: [Int], deepest: Int, under candidate: TrendCalibration, known: [Double] = []) throws -> Double {
        try weigh(values, steps: steps, deepest: deepest, under: candidate, known: known).evidence
    }

    /// ``evidence(_:steps:deepest:under:known:)`` with, for a counted share, the integral it came from: a candidate whose
    /// own slope start is the flat one (the smooth defaults) is then fitted from the same integral, not a second one.
    func weigh(_ values: [Double], steps: [Int], deepest: Int, under candidate: TrendCalibration,
               known: [Double]) throws -> (evidence: Double, integral: ScaleIntegral?) {
        var h = effectiveHyperparameters(candidate, values: values)
        h.stationarySlope = false
        if !known.isEmpty {
            let integral = try ScaleIntegral(values, steps: steps, deepest: deepest, hyperparameters: h, knownVariance: known)
            return (integral.logEvidence, integral)
        }
        return (try Self.logEvidence(values, steps: steps, deepest: deepest, hyperparameters: h), nil)
    }

    /// The hyperparameters a window of latent `values` is fitted with under `calibration`: with
    /// ``TrendCalibration/countSamplingNoise``, the observation noise gains the sampling noise of counts of the window's
    /// mean size (``TrendHyperparameters/addingCountNoise(mean:)``).
    func effectiveHyperparameters(_ calibration: TrendCalibration, values: [Double]) -> TrendHyperparameters {
        guard calibration.countSamplingNoise, !values.isEmpty else { return calibration.hyperparameters }
        let mean = values.reduce(0.0) { $0 + max(transform.toData($1), 0) } / Double(values.count)
        return calibration.hyperparameters.addingCountNoise(mean: mean)
    }

    /// Posterior probability below which a default model is ruled out by a unit's own window.
    static let plausibleModelWeight = 0.05

    /// Whether a unit standing alone averages the plausible default models (shares, on the logit scale) rather than
    /// taking the one of wider five-step spread (counts and the rest). The probability study chose this
    /// (`docs/probabilities.md`, session 12): shares are of both kinds (smooth coverage trends and swinging rates), and
    /// averaging them scored better at three years (infant survival alone Brier 0.149 → 0.133, ECE 0.092 → 0.055;
    /// counted synthetic shares, whose known sampling noise leaves a short window undecided far more often, 0.238 →
    /// 0.180) at a small cost on unemployment (0.118 → 0.128). Counts are almost never the smooth kind, and averaging
    /// the smooth model's trend back in cost the murders counties with sisters (0.178 → 0.184) for no gain elsewhere.
    static func averagesDefaultModels(_ transform: LatentTransform) -> Bool { transform == .logit }

    /// The posterior weights of models with log evidences (prior included) `evidences`, in their order: those below
    /// ``plausibleModelWeight`` set to 0 and the rest renormalised to add to 1 (Occam's window).
    static func modelWeights(_ evidences: [Double]) -> [Double] {
        let top = evidences.max()!
        let posterior = evidences.map { exp($0 - top) }
        let total = posterior.reduce(0, +)
        let kept = posterior.map { $0 / total >= plausibleModelWeight ? $0 : 0 }
        let sum = kept.reduce(0, +)
        return kept.map { $0 / sum }
    }

    /// The forecast of a window's latent `values` (at grid `steps`, origin at step `deepest`) under `calibration`.
    ///
    /// Under default calibrations (learned elsewhere, so blind to this unit's sampling), `known` sampling variances of a
    /// counted share's values join the fit as fixed noise (``ScaleIntegral``), and the forecast's future values carry
    /// the binomial noise of the last denominator (``TrendForecast/samplingVariance``). A pooled calibration learned the
    /// noise of its units' data as they are, and ignores them.
    /// `integral`, the same window's integral from weighing the candidate, is used when it was computed under the same
    /// hyperparameters, instead of integrating again.
    func forecast(_ series: Series, values: [Double], steps: [Int], deepest: Int, origin: Period,
                  calibration: TrendCalibration, known: [Double] = [], integral: ScaleIntegral? = nil) throws -> TrendForecast {
        let step = calibration.stepPeriods
        let h = effectiveHyperparameters(calibration, values: values)
        let counted = calibration.source == .defaults && !known.isEmpty
        let state: (level: Double, slope: Double, covariance: (Double, Double, Double), q: Double, posterior: (shape: Double, rate: Double)?)
        if counted {
            let fit = try integral.flatMap { $0.hyperparameters == h ? $0 : nil }
                ?? ScaleIntegral(values, steps: steps, deepest: deepest, hyperparameters: h, knownVariance: known)
            state = (fit.level, fit.slope, fit.stateCovariance, 0, (fit.posteriorShape, fit.posteriorRate))
        } else {
            let design = try LocalTrendDesign(h, steps: steps.map { $0 - steps[0] }, originStep: deepest - steps[0])
            let own = values.withUnsafeBufferPointer { design.apply($0, cap: h.innovationCap) }
            state = (own.level, own.slope, design.stateCovariance, own.q, nil)
        }
        // A noisy-panel default's tail was learned where every unit's scale leaned on a strong pooled prior; a unit alone
        // under the weakened prior knows its scale only from its own few innovations, so its tails are no lighter than
        // its own posterior's (2α + n − d degrees of freedom, d the states with a flat prior).
        var tail = calibration.tailDegreesOfFreedom
        if calibration.defaultsName != nil, let t = tail {
            tail = min(t, 2 * (state.posterior?.shape ?? h.scaleShape + Double(steps.count - h.diffuseStateCount) / 2))
        }
        var forecast = TrendForecast(unit: series.unit, indicator: series.indicator, transform: transform, origin: origin, stepPeriods: step,
                                     observationCount: steps.count, hyperparameters: h, level: state.level, slope: state.slope,
                                     stateCovariance: state.covariance, residualSumOfSquares: state.q, posterior: state.posterior,
                                     horizonScale: calibration.horizonScale, tailDegreesOfFreedom: tail)
        forecast.defaultsName = calibration.defaultsName
        // The defaults were learned on series whose sampling is not this unit's: a share counted out of n adds its
        // binomial noise to every future value, out of the last denominator.
        if counted, let n = series.observations.last(where: { $0.period <= origin && $0.denominator != nil })?.denominator, n > 0 {
            forecast.samplingVariance = TrendHyperparameters.shareSamplingVariance(share: transform.toData(state.level), denominator: n)
        }
        return forecast
    }

    /// The log restricted marginal likelihood of a window's latent values under `h`, with the scale of change `λ`
    /// integrated over its inverse-gamma prior: `−(m/2)·log 2π − ½·log det + α·log b − log Γ(α) + log Γ(α + m/2)
    /// − (α + m/2)·log(b + q/2)` with `m = n − d` innovations (`d` flat-prior states) and `q` their (uncapped) sum of
    /// squares. Comparable across hyperparameters with the same `d`, which is how a unit standing alone chooses among
    /// the default models.
    static func logEvidence(_ values: [Double], steps: [Int], deepest: Int, hyperparameters h: TrendHyperparameters) throws -> Double {
        let design = try LocalTrendDesign(h, steps: steps.map { $0 - steps[0] }, originStep: deepest - steps[0])
        let q = values.withUnsafeBufferPointer { design.apply($0).q }
        let m = Double(values.count - h.diffuseStateCount), a = h.scaleShape, b = h.scaleRate
        return -0.5 * m * log(2 * Double.pi) - 0.5 * design.logDeterminant + a * log(b) - logGamma(a) + logGamma(a + m / 2)
            - (a + m / 2) * log(b + q / 2)
    }

    /// Calibrates on `crossSection` up to the origin, then fits `series` (convenience for one unit).
    public func fit(series: Series, crossSection: [Series], origin: Period? = nil) throws -> TrendForecast {
        guard let origin = origin ?? series.observations.last?.period else {
            throw ForecastError.tooFewObservations(unit: series.unit, indicator: series.indicator, origin: "-", have: 0, need: 2)
        }
        return try fit(series: series, calibration: calibrate(crossSection: crossSection, through: origin), origin: origin)
    }

    // Optimisation coordinates: log ratios, logit of φ on (0.5, 1), log(α − ½), log(b/α).
    static func coordinates(of h: TrendHyperparameters) -> [Double] {
        let u = min(max((h.damping - 0.5) / 0.5, 1e-6), 1 - 1e-6)
        return [log(h.levelRatio), log(max(h.noiseRatio - 1e-3, 1e-6)), log(u / (1 - u)), log(max(h.scaleShape - 0.5, 1e-6)),
                log(h.scaleRate / h.scaleShape)]
    }

    static func hyperparameters(at x: [Double]) -> TrendHyperparameters {
        let shape = 0.5 + exp(min(x[3], 30))
        return TrendHyperparameters(levelRatio: exp(min(x[0], 30)), noiseRatio: 1e-3 + exp(min(x[1], 30)),
                                    damping: 0.5 + 0.5 / (1 + exp(-x[2])), scaleShape: shape, scaleRate: shape * exp(min(x[4], 30)))
    }
}
