/// How a growth curve is fitted: when priors act, how many starts, the solver's tolerances.
public struct CurveFitOptions: Sendable {
    /// When the ``ShortSeriesPrior`` penalties are added.
    public enum PriorPolicy: String, Sendable {
        /// Only for short series: fewer than three residual degrees of freedom (`n < p + 3`).
        case automatic
        /// Only when the data cannot determine the curve and its noise (`n ≤ p`): an explicitly chosen curve stays
        /// plain least squares, comparable with any other least-squares solver, whenever it can be.
        case underdetermined
        /// Always (a MAP fit), e.g. to keep estimates stable across units of very different lengths.
        case always
        /// Never: plain least squares; series with fewer points than parameters are refused.
        case never
    }

    /// When priors act (default ``PriorPolicy/automatic``).
    public var priorPolicy: PriorPolicy
    /// The priors themselves.
    public var prior: ShortSeriesPrior
    /// Levenberg–Marquardt tolerances and limits.
    public var solver: LevenbergMarquardt.Options
    /// Starting points tried at most; later ones only run when earlier ones did not converge (richards: always).
    public var maxStarts: Int
    /// Time origin `t_ref` of level parameters; nil uses the mean observed time.
    public var referenceTime: Double?

    public init(priorPolicy: PriorPolicy = .automatic, prior: ShortSeriesPrior = ShortSeriesPrior(),
                solver: LevenbergMarquardt.Options = LevenbergMarquardt.Options(), maxStarts: Int = 3,
                referenceTime: Double? = nil) {
        self.priorPolicy = priorPolicy
        self.prior = prior
        self.solver = solver
        self.maxStarts = maxStarts
        self.referenceTime = referenceTime
    }
}
