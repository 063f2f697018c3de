/// The interventions acting on one indicator, laid out year by year over the simulated years.
///
/// Built once per scenario and indicator (see ``LeverSchedule/init(interventions:firstYear:count:)``); processes read it
/// while simulating, so the per-path loop allocates nothing. An immutable class, so handing it to a process on every
/// path costs one reference, not a copy of its arrays.
public final class LeverSchedule: Sendable, Equatable {
    /// A one-off shock: in simulated year `yearIndex`, with `probability`, a fraction `size` of workers is laid off.
    public struct Shock: Sendable, Equatable {
        public var yearIndex: Int
        public var probability: Double
        public var size: Double
        /// Key of the shock's random event (from its intervention id), shared by every indicator it hits.
        public var eventKey: UInt64
    }

    /// Number of simulated years.
    public let count: Int
    /// Cumulative shift added to the latent (logit / log) value in each year.
    public let latentShift: [Double]
    /// Multiplier on the founding / joining hazard or the event intensity in each year.
    public let rateMultiplier: [Double]
    /// Enterprises entering with no union in each year.
    public let cohortEnterprises: [Double]
    /// Workers (none of them members) entering with those enterprises in each year.
    public let cohortWorkers: [Double]
    /// Exit (turnover, closure) rate replacing the assumed one in each year; NaN keeps the assumption.
    public let exitRate: [Double]
    /// One-off shocks.
    public let shocks: [Shock]

    /// No intervention over `count` years.
    public convenience init(count: Int) {
        self.init(interventions: [], firstYear: 0, count: count)
    }

    /// The schedule of `interventions` over the `count` years starting at `firstYear`.
    public init(interventions: [Intervention], firstYear: Int, count: Int) {
        var b = Builder(count: count)
        for intervention in interventions { b.apply(intervention, firstYear: firstYear) }
        self.count = count
        latentShift = b.latentShift
        rateMultiplier = b.rateMultiplier
        cohortEnterprises = b.cohortEnterprises
        cohortWorkers = b.cohortWorkers
        exitRate = b.exitRate
        shocks = b.shocks
    }

    /// Whether any lever is pulled.
    public var isNeutral: Bool { self == LeverSchedule(count: count) }

    public static func == (a: LeverSchedule, b: LeverSchedule) -> Bool {
        a.count == b.count && a.latentShift == b.latentShift && a.rateMultiplier == b.rateMultiplier
            && a.cohortEnterprises == b.cohortEnterprises && a.cohortWorkers == b.cohortWorkers
            && zip(a.exitRate, b.exitRate).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) } && a.shocks == b.shocks
    }
}

extension LeverSchedule {
    struct Builder {
        let count: Int
        var latentShift: [Double], rateMultiplier: [Double], cohortEnterprises: [Double], cohortWorkers: [Double], exitRate: [Double]
        var shocks: [Shock] = []

        init(count: Int) {
            self.count = count
            latentShift = Array(repeating: 0, count: count)
            rateMultiplier = Array(repeating: 1, count: count)
            cohortEnterprises = Array(repeating: 0, count: count)
            cohortWorkers = Array(repeating: 0, count: count)
            exitRate = Array(repeating: .nan, count: count)
        }

    mutating func apply(_ i: Intervention, firstYear: Int) {
        for k in 0..<count where i.acts(in: firstYear + k) {
            switch i.lever {
            case .growthShift:
                for j in k..<count { latentShift[j] += i.value }
            case .rateMultiplier: rateMultiplier[k] *= i.value
            case .cohort:
                cohortEnterprises[k] += i.value
                cohortWorkers[k] += i.value * i.workersPerEnterprise
            case .turnover: exitRate[k] = i.value
            case .shock:
                shocks.append(Shock(yearIndex: k, probability: i.probability, size: i.value, eventKey: StreamKey.of("shock:" + i.id)))
            }
        }
    }
    }
}

extension LeverSchedule {

    /// The multiplicative factor of shocks hitting year `k` on this path (1 when none happens).
    @inlinable
    public func shockFactor(year k: Int, path: PathDraw) -> Double {
        var f = 1.0
        for s in shocks where s.yearIndex == k && path.eventUniform(s.eventKey) < s.probability { f *= 1 - s.size }
        return f
    }
}
