import AttainRandom

/// Events a unit schedules itself (district cultural and sports events): a planned number a year, each of which may
/// slip out of the year.
///
/// Each path draws the slip probability `s ~ Beta(½ + slipped, ½ + held)` (Jeffreys prior; `held` and `slipped` count
/// the planned events of the data's years that took place or did not, a year's events above the plan counting as
/// the plan held), then each year holds `Binomial(planned, 1 − s)` events. With a slip probability given in the
/// scenario, `s` is that number on every path. A partly observed first year holds the events seen so far plus, of
/// those still planned (`planned − seen`, at least 0), a `Binomial` draw. Counts are drawn by inversion, monotone in
/// `1 − s`, so scenarios share draws. Lever: `rate-multiplier` scales the number planned (rounded down).
public struct PlannedEventsProcess: PathProcess {
    /// Events planned a year.
    public let planned: Int
    /// The slip probability's Beta shapes learnt from the data (`nil`: the slip probability was stated).
    public let slipShape: (slipped: Double, held: Double)?
    /// The slip probability: the stated one, or the mean of its Beta.
    public let meanSlip: Double
    /// Events already held in the first simulated year.
    public let observedInFirstYear: Double

    /// A plan of `planned` events a year; the slip probability learnt from `history` (events held a year), or `slip`.
    public init(planned: Int, history: [Double], slip: Double? = nil, observedInFirstYear: Double = 0) {
        precondition(planned >= 1, "a plan holds at least one event a year")
        self.planned = planned
        self.observedInFirstYear = observedInFirstYear
        if let slip {
            meanSlip = min(max(slip, 0), 1)
            slipShape = nil
        } else {
            let held = history.reduce(0) { $0 + min(max($1, 0), Double(planned)) }
            let slipped = Double(planned * history.count) - held
            slipShape = (0.5 + slipped, 0.5 + held)
            meanSlip = (0.5 + slipped) / (1 + Double(planned * history.count))
        }
    }

    public var supportedLevers: Set<Lever> { [.rateMultiplier] }
    public var scratchCount: Int { 0 }

    public func sample(_ path: PathDraw, rng: inout Xoshiro256StarStar, levers: LeverSchedule, into output: UnsafeMutablePointer<Double>,
                       count: Int, scratch: inout [Double]) {
        let slip = slipShape.map { rng.beta($0.slipped, $0.held) } ?? meanSlip
        var own = path.noiseGenerator()      // on a path shared between units: the slip is shared, the draws of held events are the unit's
        for k in 0..<count {
            var n = (Double(planned) * levers.rateMultiplier[k]).rounded(.down)
            if k == 0 { n = max(n - observedInFirstYear, 0) }
            let held = Inversion.binomial(n, 1 - slip, own.uniformOpen(or: &rng))
            output[k] = k == 0 ? observedInFirstYear + held : held
        }
    }
}
