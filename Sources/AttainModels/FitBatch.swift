import AttainParallel
import AttainData

/// Which model to fit: chosen by the data (`auto`), a growth curve, or a count/share GLM.
public enum ModelChoice: Sendable, Equatable {
    /// ``CurveSelection`` for levels, ``GLMSelection`` for shares, counts and cumulative totals.
    case auto
    /// A growth curve by least squares on the data scale (priors only when `n ≤ p`).
    case curve(CurveSpec)
    /// A trend GLM (Poisson, negative binomial, logit-linear, logistic share).
    case glm(GLMModel)

    /// The choice a `--model` word names for a series of `kind`.
    ///
    /// Curve words (`linear`, `exponential`, `logistic`, `gompertz`, `richards`, `saturating`, `damped`) give a growth
    /// curve, except `logistic` for a share, which gives the binomial logistic GLM. GLM words (`poisson`,
    /// `negative-binomial`, `logit-linear`) give the GLM.
    /// - Throws: ``CurveFitError/noFit(model:reason:)`` naming the accepted words when `word` is none of them.
    public init(word: String, kind: IndicatorKind) throws {
        let w = word.lowercased()
        if w == "auto" { self = .auto; return }
        if kind == .share && w == "logistic" { self = .glm(.logistic(asymptote: nil)); return }
        if let model = CurveModel(name: w) { self = .curve(CurveSpec(model)); return }
        if let glm = GLMModel(name: w) { self = .glm(glm); return }
        throw CurveFitError.noFit(model: word, reason: "unknown model; use auto, " + Self.words.joined(separator: ", "))
    }

    /// Every accepted `--model` word.
    public static var words: [String] {
        CurveModel.allCases.map(\.rawValue) + GLMModel.allCases.map(\.name).filter { CurveModel(name: $0) == nil }
    }
}

/// One series' outcome in a batch: the fit (and, for `auto`, the ranking behind it), or why it failed.
public struct SeriesFit: Sendable {
    /// The series fitted.
    public var series: Series
    /// The fit, nil when it failed.
    public var fit: FitResult?
    /// The candidates and weights when the model was chosen by the data.
    public var selection: ModelSelection?
    /// What went wrong, when the fit failed (the error's description: what, where, how to fix).
    public var failure: String?

    /// `Σ (yᵢ − ŷᵢ)²` on the data scale, unweighted: the least-squares objective other solvers report.
    public var sumOfSquaredResiduals: Double? {
        guard let fitted = fit?.fitted, fitted.count == series.count else { return nil }
        var sum = 0.0
        for (y, f) in zip(series.values, fitted) { sum += (y - f) * (y - f) }
        return sum
    }
}

/// Fits many series at once, in parallel, with results in input order whatever the thread count.
///
/// Each series is fitted independently, so the numbers do not depend on `threads` (work is shared out by
/// ``Parallel/map(_:threads:_:)``). Cost: the sum of the single fits divided by the threads.
public enum FitBatch {
    /// Fits `choice` to every series.
    public static func fit(_ series: [Series], choice: ModelChoice, threads: Int = 1,
                           options: CurveFitOptions = CurveFitOptions()) -> [SeriesFit] {
        Parallel.map(series.count, threads: threads) { fitOne(series[$0], choice: choice, options: options) }
    }

    /// One series under `choice`; failures are captured, never thrown.
    public static func fitOne(_ s: Series, choice: ModelChoice, options: CurveFitOptions = CurveFitOptions()) -> SeriesFit {
        do {
            switch choice {
            case .auto:
                let selection = try CurveSelection.select(s, options: options)
                return SeriesFit(series: s, fit: selection.chosen, selection: selection, failure: nil)
            case .curve(let spec):
                // An explicitly named curve is least squares on the data scale (the contract of `attain fit --model`);
                // priors step in only where the data cannot determine it.
                var explicit = options
                if explicit.priorPolicy == .automatic { explicit.priorPolicy = .underdetermined }
                return SeriesFit(series: s, fit: try spec.fit(times: s.times, values: s.values, options: explicit), selection: nil, failure: nil)
            case .glm(let model):
                return SeriesFit(series: s, fit: try GLM.fit(s, model: model), selection: nil, failure: nil)
            }
        } catch {
            return SeriesFit(series: s, fit: nil, selection: nil, failure: "unit '\(s.unit)', indicator '\(s.indicator)': \(error)")
        }
    }
}
