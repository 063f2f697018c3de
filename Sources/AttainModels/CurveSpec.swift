#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A growth-curve specification: the family, an optional fixed asymptote, and the scale of the fit.
///
/// ```swift
/// let spec = CurveSpec(.logistic)                        // K, r, t0 estimated
/// let fit = try spec.fit(times: [2018, 2019, 2020, 2021], values: [120, 190, 260, 300])
/// fit.parameter("K"); fit.standardErrors; fit.aicc
/// let share = CurveSpec(.logistic, asymptote: 1)         // K fixed at 1
/// let trend = CurveSpec.logLinear                        // exponential by least squares on ln y
/// ```
/// The specification holds no data; ``fit(times:values:weights:options:)`` returns a ``FitResult``. Fits are least
/// squares on the data scale (so the optimum is comparable with any other solver), by ``LevenbergMarquardt`` from
/// data-driven starts (``CurveStart``), with ``ShortSeriesPrior`` penalties on series too short for plain least
/// squares. Cost: O(n p²) per iteration, typically 5–20 iterations.
public struct CurveSpec: Sendable, Equatable {
    /// The family.
    public var model: CurveModel
    /// A fixed asymptote `K` (sigmoid and saturating families), or nil to estimate it.
    public var asymptote: Double?
    /// Fit `ln y` by least squares (exponential only): the log-linear trend, with multiplicative errors.
    public var logScale: Bool

    public init(_ model: CurveModel, asymptote: Double? = nil, logScale: Bool = false) {
        self.model = model
        self.asymptote = asymptote
        self.logScale = logScale
    }

    /// The exponential trend fitted on the log scale.
    public static let logLinear = CurveSpec(.exponential, logScale: true)

    /// The `--model` word for this specification.
    public var name: String { model.rawValue }

    /// Fits the curve to `(times, values)`, times in decimal years.
    ///
    /// - Parameters:
    ///   - weights: optional non-negative case weights (weighted least squares).
    ///   - options: prior policy, starts, solver tolerances, reference time.
    /// - Throws: ``CurveFitError`` for unusable input (lengths, non-finite entries, too few points, non-positive
    ///   values on the log scale); never for a hard optimisation, which instead reports `converged == false`.
    public func fit(times: [Double], values: [Double], weights: [Double]? = nil,
                    options: CurveFitOptions = CurveFitOptions()) throws -> FitResult {
        try validate(times: times, values: values, weights: weights)
        let n = values.count
        let tref = options.referenceTime ?? times.reduce(0, +) / Double(n)
        let s = times.map { $0 - tref }
        let kernel: CurveModel = logScale ? .linear : model
        let y = logScale ? values.map { log($0) } : values
        let summary = CurveDataSummary(s: s, y: y)
        let fixedK = asymptote
        let p = kernel.parameterNames.count
        let pFree = p - (fixedK == nil ? 0 : 1)

        let short = n - pFree < 3
        let usePriors = options.priorPolicy == .always || (options.priorPolicy == .automatic && short)
            || (options.priorPolicy == .underdetermined && n <= pFree)
        if !usePriors && n < pFree { throw CurveFitError.tooFewObservations(count: n, minimum: pFree, model: model.rawValue) }
        let prior = options.prior
        // On the log scale the line's slope is the exponential rate, so it takes the exponential's priors.
        let rows = usePriors ? prior.rows(for: logScale ? .exponential : model, summary: summary, asymptoteFixed: fixedK != nil) : []
        let sigma0: Double = logScale ? prior.noiseFraction : prior.noiseFraction * (summary.meanAbsolute > 0 ? summary.meanAbsolute : 1)
        let problem = CurveProblem(model: kernel, s: s, y: y, rootWeights: weights.map { $0.map { $0.squareRoot() } },
                                   priors: rows, priorScale: sigma0)
        var (lower, upper) = bounds(kernel, summary: summary)
        if let k = fixedK { lower[0] = k; upper[0] = k }

        let solver = LevenbergMarquardt(options: options.solver)
        var best: LevenbergMarquardt.Result?
        let starts = CurveStart.candidates(problem, fixedAsymptote: fixedK, summary: summary)
        for start in starts.prefix(max(1, options.maxStarts)) {
            guard let result = try? solver.minimize(problem, from: start, lower: lower, upper: upper) else { continue }
            if let b = best {
                let better = (result.converged && !b.converged)
                    || (result.converged == b.converged && result.residualSumOfSquares < b.residualSumOfSquares)
                if better { best = result }
            } else {
                best = result
            }
            if best!.converged && model != .richards { break }
        }
        guard let result = best else {
            throw CurveFitError.noFit(model: model.rawValue, reason: "the curve is not finite at any starting point; check the values")
        }
        return try CurveFitAssembly(spec: self, kernel: kernel, problem: problem, result: result, times: times, values: values,
                                    weights: weights, referenceTime: tref, usePriors: usePriors, sigma0: sigma0, prior: prior)
            .fitResult()
    }

    private func validate(times: [Double], values: [Double], weights: [Double]?) throws {
        guard times.count == values.count, weights.map({ $0.count == values.count }) ?? true else {
            throw CurveFitError.lengthMismatch(times: times.count, values: values.count, weights: weights?.count)
        }
        if let i = times.firstIndex(where: { !$0.isFinite }) { throw CurveFitError.nonFiniteInput(what: "time", index: i) }
        if let i = values.firstIndex(where: { !$0.isFinite }) { throw CurveFitError.nonFiniteInput(what: "value", index: i) }
        if let w = weights {
            if let i = w.firstIndex(where: { !$0.isFinite }) { throw CurveFitError.nonFiniteInput(what: "weight", index: i) }
            if let i = w.firstIndex(where: { $0 < 0 }) { throw CurveFitError.invalidWeights("weight \(w[i]) at observation \(i + 1) is negative") }
            if !w.contains(where: { $0 > 0 }) { throw CurveFitError.invalidWeights("all weights are zero") }
        }
        guard values.count >= 2 else { throw CurveFitError.tooFewObservations(count: values.count, minimum: 2, model: model.rawValue) }
        var increasing = true
        for i in 1..<times.count where !(times[i] > times[i - 1]) { increasing = false; break }
        if !increasing, Set(times).count != times.count { throw CurveFitError.degenerateTimes("two observations share a time") }
        if logScale {
            guard model == .exponential else { throw CurveFitError.noFit(model: model.rawValue, reason: "only the exponential trend is fitted on the log scale") }
            if let i = values.firstIndex(where: { $0 <= 0 }) { throw CurveFitError.nonPositiveValue(model: "log-linear", index: i, value: values[i]) }
        }
        if let k = asymptote, !(model.hasAsymptote && k > 0 && k.isFinite) {
            throw CurveFitError.invalidAsymptote(model: model.rawValue, value: k)
        }
    }

    /// Box constraints of the full internal parameter vector.
    private func bounds(_ model: CurveModel, summary: CurveDataSummary) -> ([Double], [Double]) {
        let p = model.parameterNames.count
        var lo = [Double](repeating: -.infinity, count: p), hi = [Double](repeating: .infinity, count: p)
        switch model {
        case .linear, .exponential: break
        case .logistic, .gompertz: lo[0] = 0
        case .richards: lo[0] = 0; lo[3] = 1e-3; hi[3] = 1e3
        case .saturating: lo[2] = 0
        case .damped: lo[2] = 0.01; hi[2] = 1
        }
        return (lo, hi)
    }
}
