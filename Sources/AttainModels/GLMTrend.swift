import AttainLinearAlgebra

/// The design `[1, t − t_ref]` of a trend GLM and the priors that act on `(a, r)`, with the warnings that name them.
struct GLMTrend: Sendable {
    let referenceTime: Double
    let design: Matrix
    var priorMean: [Double]
    var priorPrecision: [Double]
    var warnings: [String]

    static let names = ["a", "r"]

    /// Builds the design and decides the priors.
    ///
    /// Explicit priors in `options` always act. Otherwise, when `options.automaticPriors` is on: series of at most
    /// `shortSeriesLength` points get `defaultGrowthPrior` on `r`; `degenerate` data (all counts zero, shares all at
    /// 0 or 1, separation) also get `N(levelGuess, levelSD²)` on `a`.
    init(times: [Double], options: GLMOptions, levelGuess: Double, degenerate: Bool, levelSD: Double = 1,
         what: String) {
        let n = times.count
        let tRef = options.referenceTime ?? times.reduce(0, +) / Double(max(n, 1))
        referenceTime = tRef
        design = Matrix(columns: [[Double](repeating: 1, count: n), times.map { $0 - tRef }])
        priorMean = [0, 0]
        priorPrecision = [0, 0]
        warnings = []
        if let level = options.levelPrior {
            priorMean[0] = level.mean
            priorPrecision[0] = level.precision
        } else if degenerate && options.automaticPriors {
            priorMean[0] = levelGuess
            priorPrecision[0] = 1 / (levelSD * levelSD)
            warnings.append("\(what): the data alone do not determine the level; a weak prior (sd \(Self.format(levelSD))) "
                            + "centred on the pooled observed rate was used")
        }
        let growth: NormalPrior?
        if let g = options.growthPrior {
            growth = g
        } else if options.automaticPriors && (n <= options.shortSeriesLength || degenerate) {
            growth = options.defaultGrowthPrior
            let prior = "N(\(Self.format(options.defaultGrowthPrior.mean)), \(Self.format(options.defaultGrowthPrior.standardDeviation))²)"
            switch n {
            case 1: warnings.append("one observation: level only; the growth rate is the prior's \(prior) per year")
            case 2: warnings.append("two observations: the growth rate is dominated by its prior \(prior) per year")
            case _ where n <= options.shortSeriesLength:
                warnings.append("\(n) observations: a weakly informative prior \(prior) per year on the growth rate was used")
            default: warnings.append("\(what): a weakly informative prior \(prior) per year on the growth rate was used")
            }
        } else {
            growth = nil
        }
        if let g = growth {
            priorMean[1] = g.mean
            priorPrecision[1] = g.precision
        }
        if n == 1 && growth == nil {
            warnings.append("one observation and no prior on the growth rate: level only, growth fixed at 0")
        }
    }

    /// Prior precisions multiplied by `phi` (data information is divided by the dispersion φ).
    func precision(scaledBy phi: Double) -> [Double] { priorPrecision.map { $0 * phi } }

    static func format(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
